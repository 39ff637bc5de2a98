import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel, lossFunction } from '../../../models/build';
import { evaluateLossAccuracy, predictLabels } from '../../../models/evaluate';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';

const SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'conv2d', filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
    { type: 'flatten' },
    { type: 'dense', units: 4, activation: 'softmax' },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'sgd', learningRate: 0.1 }, batchSize: 8, epochs: 1, seed: 9 },
};
const N = 23; // not a multiple of any batch size used below
const split = {
  count: N,
  height: 6,
  width: 6,
  channels: 1,
  images: Uint8Array.from({ length: N * 36 }, (_, i) => (i * 97) % 256),
  labels: Uint8Array.from({ length: N }, (_, i) => i % 4),
};

describe('tensors and evaluation', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  test('splitToTensors scales pixels to 0..1 and one-hot encodes labels', () => {
    const { xs, ys } = splitToTensors(split, 4);
    assert.deepEqual(xs.shape, [N, 6, 6, 1]);
    assert.equal(xs.dtype, 'float32');
    const px = xs.dataSync();
    assert.equal(px[1], Math.fround(97 / 255));
    assert.equal(px[3], Math.fround(((3 * 97) % 256) / 255));
    assert.deepEqual(ys.shape, [N, 4]);
    assert.deepEqual(Array.from(ys.slice(5, 1).dataSync()), [0, 1, 0, 0]);
    tf.dispose([xs, ys]);
  });

  test('predictLabels equals the argmax of one big predict, for any batch size, without leaking', async () => {
    const model = buildModel(SPEC, { inputShape: [6, 6, 1], numClasses: 4 });
    const { xs, ys } = splitToTensors(split, 4);
    const expected = tf.tidy(() => Array.from((model.predict(xs) as tf.Tensor).argMax(-1).dataSync()));
    assert.ok(new Set(expected).size > 1, 'a degenerate model would hide ordering bugs');
    const before = tf.memory().numTensors;
    for (const batchSize of [1, 5, 64]) {
      const got = await predictLabels(model, xs, batchSize);
      assert.ok(got instanceof Int32Array);
      assert.deepEqual(Array.from(got), expected, `batch ${batchSize}`);
    }
    assert.equal(tf.memory().numTensors, before);
    tf.dispose([xs, ys]);
    model.dispose();
  });

  test('evaluateLossAccuracy matches the whole-set loss and accuracy', async () => {
    const model = buildModel(SPEC, { inputShape: [6, 6, 1], numClasses: 4 });
    const { xs, ys } = splitToTensors(split, 4);
    const lossFn = lossFunction('categoricalCrossentropy');
    const [loss, acc] = tf.tidy(() => {
      const pred = model.predict(xs) as tf.Tensor;
      return [lossFn(ys, pred).mean().dataSync()[0] ?? NaN, pred.argMax(-1).equal(ys.argMax(-1)).mean().dataSync()[0] ?? NaN];
    });
    const before = tf.memory().numTensors;
    const got = await evaluateLossAccuracy(model, lossFn, xs, ys, 5);
    assert.equal(tf.memory().numTensors, before);
    assert.ok(Math.abs(got.loss - loss) < 1e-5, `${got.loss} vs ${loss}`);
    assert.ok(Math.abs(got.acc - acc) < 1e-6, `${got.acc} vs ${acc}`);
    tf.dispose([xs, ys]);
    model.dispose();
  });
});
