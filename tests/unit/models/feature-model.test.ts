import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { loadFeatureModel } from '../../../app/challenges/[id]/viz/feature-model';
import { buildModel } from '../../../models/build';
import { inferShapes } from '../../../models/shapes';
import type { ModelSpec } from '../../../models/spec';
import { serializeWeights } from '../../../models/weights';

const INPUT = [8, 8, 1] as const;
const SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'dropout', rate: 0.5 },
    { type: 'conv2d', filters: 3, kernelSize: 3, strides: 1, padding: 'valid', activation: 'linear' },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.001 }, batchSize: 8, epochs: 1, seed: 5 },
};

/** "Trained" weights: a model built with another seed, so they differ from a fresh build's. */
function weights(): ArrayBuffer {
  const m = buildModel({ ...SPEC, training: { ...SPEC.training, seed: 99 } }, { inputShape: INPUT, numClasses: 10 });
  const w = serializeWeights(m);
  m.dispose();
  return w;
}

const pixels = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256);

describe('feature maps of a rebuilt CNN', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });
  let baseline = 0;
  before(() => {
    baseline = tf.memory().numTensors;
  });
  after(() => {
    assert.equal(tf.memory().numTensors, baseline, 'every tensor disposed');
  });

  test('one map per filter for each conv and pooling layer, in the shapes the spec infers', async () => {
    const fm = loadFeatureModel(SPEC, weights(), INPUT, 10);
    const shapes = inferShapes(SPEC, INPUT, 10);
    assert.ok(shapes.ok);
    assert.deepEqual(fm.layers, [{ index: 0, type: 'conv2d' }, { index: 1, type: 'maxPooling2d' }, { index: 3, type: 'conv2d' }]);
    const layers = await fm.mapsFor(pixels);
    for (const l of layers) {
      const shape: readonly number[] = shapes.layers[l.index]!.outputShape;
      assert.deepEqual([l.height, l.width, l.maps.length], shape, `layer ${l.index}`);
      for (const m of l.maps) assert.equal(m.length, l.height * l.width);
    }
    fm.dispose();
  });

  test('the first layer\'s maps are the convolution of the image with the trained kernel (ReLU)', async () => {
    const w = weights();
    const fm = loadFeatureModel(SPEC, w, INPUT, 10);
    const [first] = await fm.mapsFor(pixels);
    const kernelValues = new Float32Array(w, 0, 3 * 3 * 1 * 4);
    const expected = tf.tidy(() => {
      const x = tf.tensor4d(pixels, [1, 8, 8, 1], 'float32').div(255) as tf.Tensor4D;
      // Biases start at zero and are not changed by building: the conv alone, then ReLU.
      return tf.relu(tf.conv2d(x, tf.tensor4d(kernelValues, [3, 3, 1, 4]), 1, 'same')).dataSync();
    });
    for (let c = 0; c < 4; c++) {
      for (let p = 0; p < 64; p++) assert.ok(Math.abs(first!.maps[c]![p]! - expected[p * 4 + c]!) < 1e-5, `filter ${c} pixel ${p}`);
    }
    // The filter tiles are that kernel, filter by filter.
    assert.equal(fm.filters?.kernelSize, 3);
    assert.equal(fm.filters?.tiles.length, 4);
    for (let f = 0; f < 4; f++) for (let p = 0; p < 9; p++) assert.equal(fm.filters!.tiles[f]![p], kernelValues[p * 4 + f]);
    fm.dispose();
  });

  test('a second image reuses the model; a dense-only model has no maps and no filters', async () => {
    const fm = loadFeatureModel(SPEC, weights(), INPUT, 10);
    const a = await fm.mapsFor(pixels);
    const b = await fm.mapsFor(pixels.map((v) => 255 - v));
    assert.notDeepEqual(a[0]!.maps, b[0]!.maps);
    fm.dispose();
    const dense: ModelSpec = { ...SPEC, layers: [{ type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }] };
    const m = buildModel(dense, { inputShape: INPUT, numClasses: 10 });
    const w = serializeWeights(m);
    m.dispose();
    const none = loadFeatureModel(dense, w, INPUT, 10);
    assert.deepEqual(none.layers, []);
    assert.equal(none.filters, null);
    assert.deepEqual(await none.mapsFor(pixels), []);
    none.dispose();
  });

  test('weights that do not fit are refused, and nothing is left allocated', () => {
    assert.throws(() => loadFeatureModel(SPEC, new ArrayBuffer(12), INPUT, 10), /expected .* float32 values/);
  });
});
