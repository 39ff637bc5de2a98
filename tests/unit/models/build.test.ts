import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel, createOptimizer, lossFunction, SpecError } from '../../../models/build';
import type { LayerSpec, ModelSpec } from '../../../models/spec';

const TRAINING: ModelSpec['training'] = {
  loss: 'categoricalCrossentropy',
  optimizer: { type: 'adam', learningRate: 0.001 },
  batchSize: 8,
  epochs: 1,
  seed: 3,
};
const spec = (layers: LayerSpec[], seed = 3): ModelSpec => ({ version: 1, layers, training: { ...TRAINING, seed } });
const OPTS = { inputShape: [64, 64, 1], numClasses: 10 } as const;

describe('buildModel', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

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

  test('lossFunction gives the per-example cross-entropy and squared error', () => {
    const yTrue = tf.tensor2d([[0, 1], [1, 0]]);
    const yPred = tf.tensor2d([[0.25, 0.75], [0.5, 0.5]]);
    const ce = Array.from(lossFunction('categoricalCrossentropy')(yTrue, yPred).dataSync());
    const mse = Array.from(lossFunction('meanSquaredError')(yTrue, yPred).dataSync());
    tf.dispose([yTrue, yPred]);
    assert.ok(Math.abs((ce[0] ?? 0) + Math.log(0.75)) < 1e-6 && Math.abs((ce[1] ?? 0) + Math.log(0.5)) < 1e-6, `${ce}`);
    assert.ok(Math.abs((mse[0] ?? 0) - 0.0625) < 1e-6 && Math.abs((mse[1] ?? 0) - 0.25) < 1e-6, `${mse}`);
  });
});
