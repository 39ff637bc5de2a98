import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel, createOptimizer, SpecError } from '../../../models/build';
import { inferShapes } from '../../../models/shapes';
import type { LayerSpec, ModelSpec } from '../../../models/spec';
import { defaultSpec, tinySpec } from '../../../models/presets';

const TRAINING: ModelSpec['training'] = {
  loss: 'categoricalCrossentropy',
  optimizer: { type: 'adam', learningRate: 0.001 },
  batchSize: 8,
  epochs: 1,
  seed: 3,
};
const spec = (layers: LayerSpec[], seed = 3): ModelSpec => ({ version: 1, layers, training: { ...TRAINING, seed } });
const OPTS = { inputShape: [64, 64, 1], numClasses: 10 } as const;

const GOOD: Array<[string, ModelSpec]> = [
  ['default preset', defaultSpec('sign-digits')],
  ['tiny preset', tinySpec('sign-digits')],
  [
    'strided valid conv',
    spec([
      { type: 'conv2d', filters: 4, kernelSize: 5, strides: 2, padding: 'valid', activation: 'tanh' },
      { type: 'maxPooling2d', poolSize: 3 },
      { type: 'conv2d', filters: 6, kernelSize: 7, strides: 3, padding: 'same', activation: 'sigmoid' },
      { type: 'flatten' },
      { type: 'dropout', rate: 0.5 },
      { type: 'dense', units: 12, activation: 'relu' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ]),
  ],
  ['dense only', spec([{ type: 'flatten' }, { type: 'dense', units: 10, activation: 'linear' }])],
];

describe('buildModel', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  for (const [name, s] of GOOD) {
    test(`${name}: tfjs shapes and parameter counts equal inferShapes`, () => {
      const inferred = inferShapes(s, OPTS.inputShape, OPTS.numClasses);
      assert.ok(inferred.ok);
      const model = buildModel(s, OPTS);
      try {
        assert.equal(model.layers.length, s.layers.length);
        model.layers.forEach((layer, i) => {
          const info = inferred.layers[i];
          assert.deepEqual((layer.outputShape as number[]).slice(1), [...(info?.outputShape ?? [])], `layer ${i}`);
          assert.equal(layer.countParams(), info?.params, `params of layer ${i}`);
        });
        assert.equal(model.countParams(), inferred.totalParams);
      } finally {
        model.dispose();
      }
    });
  }

  test('a spec whose layers do not fit together throws SpecError naming the layer', () => {
    const bad = spec([{ type: 'dense', units: 10, activation: 'softmax' }]);
    assert.throws(
      () => buildModel(bad, OPTS),
      (err: unknown) => err instanceof SpecError && err.issues[0]?.path === 'layers.0' && /flatten/.test(err.message),
    );
    const wrongClasses = spec([{ type: 'flatten' }, { type: 'dense', units: 7, activation: 'softmax' }]);
    assert.throws(() => buildModel(wrongClasses, OPTS), /must output 10 values.*got 7/);
  });

  test('the same seed gives identical initial weights, another seed different ones', () => {
    const layers: LayerSpec[] = [
      { type: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
      { type: 'flatten' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ];
    const weights = (seed: number) => {
      const m = buildModel(spec(layers, seed), OPTS);
      const values = m.getWeights().map((w) => Array.from(w.dataSync()));
      m.dispose();
      return values;
    };
    assert.deepEqual(weights(11), weights(11));
    assert.notDeepEqual(weights(11), weights(12));
  });

  test('every optimizer of the vocabulary is created with its learning rate', () => {
    for (const type of ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const) {
      const opt = createOptimizer({ type, learningRate: 0.05, momentum: 0.8 });
      const config = opt.getConfig() as { learningRate?: number; momentum?: number };
      assert.equal(config.learningRate, 0.05, type);
      if (type === 'momentum') assert.equal(config.momentum, 0.8);
      opt.dispose();
    }
  });
});
