/**
 * The editor shows inferShapes' numbers live and the server checks budgets with them, so they must
 * be exactly what the tfjs builder makes: per-layer output shapes and parameter counts.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../models/build';
import { defaultSpec, tinySpec } from '../../../models/presets';
import { inferShapes } from '../../../models/shapes';
import type { LayerSpec, ModelSpec } from '../../../models/spec';

const spec = (layers: LayerSpec[]): ModelSpec => ({
  version: 1,
  layers,
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'sgd', learningRate: 0.1 }, batchSize: 8, epochs: 1, seed: 5 },
});
const conv = (filters: number, kernelSize: number, strides: number, padding: 'same' | 'valid'): LayerSpec => ({
  type: 'conv2d',
  filters,
  kernelSize,
  strides,
  padding,
  activation: 'relu',
});
const head = (units: number): LayerSpec[] => [{ type: 'flatten' }, { type: 'dense', units, activation: 'softmax' }];

interface Case {
  name: string;
  spec: ModelSpec;
  inputShape: number[];
  numClasses: number;
}

const CASES: Case[] = [
  { name: 'default preset', spec: defaultSpec('sign-digits'), inputShape: [64, 64, 1], numClasses: 10 },
  { name: 'tiny preset', spec: tinySpec('sign-digits'), inputShape: [64, 64, 1], numClasses: 10 },
  {
    name: 'strided valid conv and a pool that does not divide',
    spec: spec([
      conv(4, 5, 2, 'valid'),
      { type: 'maxPooling2d', poolSize: 3 },
      conv(6, 7, 3, 'same'),
      { type: 'flatten' },
      { type: 'dropout', rate: 0.5 },
      { type: 'dense', units: 12, activation: 'relu' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ]),
    inputShape: [64, 64, 1],
    numClasses: 10,
  },
  {
    name: 'odd sizes: same padding with stride 4 on 29x29x3',
    spec: spec([conv(3, 2, 4, 'same'), { type: 'maxPooling2d', poolSize: 2 }, ...head(5)]),
    inputShape: [29, 29, 3],
    numClasses: 5,
  },
  {
    name: 'valid conv with stride 3 on 31x31 and pool 4',
    spec: spec([conv(8, 4, 3, 'valid'), { type: 'maxPooling2d', poolSize: 4 }, ...head(3)]),
    inputShape: [31, 31, 2],
    numClasses: 3,
  },
  {
    name: 'dense only, linear output',
    spec: spec([{ type: 'flatten' }, { type: 'dense', units: 10, activation: 'linear' }]),
    inputShape: [64, 64, 1],
    numClasses: 10,
  },
  {
    name: 'a dense on an already flat input',
    spec: spec([{ type: 'dense', units: 7, activation: 'tanh' }, { type: 'dense', units: 4, activation: 'softmax' }]),
    inputShape: [12],
    numClasses: 4,
  },
];

describe('inferShapes agrees with the tfjs builder', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  for (const c of CASES) {
    test(c.name, () => {
      const inferred = inferShapes(c.spec, c.inputShape, c.numClasses);
      assert.ok(inferred.ok, JSON.stringify(inferred));
      const model = buildModel(c.spec, { inputShape: c.inputShape, numClasses: c.numClasses });
      try {
        assert.equal(model.layers.length, c.spec.layers.length);
        model.layers.forEach((layer, i) => {
          const info = inferred.layers[i];
          assert.deepEqual((layer.outputShape as number[]).slice(1), [...(info?.outputShape ?? [])], `shape of layer ${i}`);
          assert.equal(layer.countParams(), info?.params, `params of layer ${i}`);
        });
        assert.equal(model.countParams(), inferred.totalParams);
        // The shapes are real, not just declared: a forward pass produces them.
        const out = tf.tidy(() => (model.predict(tf.zeros([2, ...c.inputShape])) as tf.Tensor).shape);
        assert.deepEqual(out, [2, c.numClasses]);
      } finally {
        model.dispose();
      }
    });
  }

  test('a kernel larger than its input is refused by inferShapes and the builder alike', () => {
    const s = spec([{ type: 'maxPooling2d', poolSize: 4 }, conv(2, 7, 1, 'valid'), ...head(10)]);
    const inferred = inferShapes(s, [16, 16, 1], 10);
    assert.equal(inferred.ok, false);
    assert.match(inferred.ok ? '' : (inferred.issues[0]?.message ?? ''), /^layers\.1: conv2d kernelSize 7/);
    assert.throws(() => buildModel(s, { inputShape: [16, 16, 1], numClasses: 10 }), /layers\.1/);
  });
});
