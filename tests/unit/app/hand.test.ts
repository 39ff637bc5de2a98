/**
 * The webcam panel's pieces that run without a camera: the model it rebuilds gives probabilities
 * that sum to 1 (a softmax is added when the last layer has none) and leaves no tensor behind frame
 * after frame; getUserMedia's refusals map to the panel's messages.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { loadHandModel } from '../../../app/components/studio/hand/hand-model';
import { cameraError } from '../../../app/components/studio/hand/useCamera';
import { buildModel } from '../../../models/build';
import type { ModelSpec } from '../../../models/spec';
import { serializeWeights } from '../../../models/weights';

const INPUT = [16, 16, 1] as const;
const spec = (activation: 'softmax' | 'linear'): ModelSpec => ({
  version: 1,
  layers: [
    { type: 'conv2d', filters: 2, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
    { type: 'flatten' },
    { type: 'dense', units: 3, activation },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.001 }, batchSize: 8, epochs: 1, seed: 4 },
});

function weightsOf(s: ModelSpec): ArrayBuffer {
  const m = buildModel(s, { inputShape: INPUT, numClasses: 3 });
  const w = serializeWeights(m);
  m.dispose();
  return w;
}

describe('webcam panel without a camera', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  for (const activation of ['softmax', 'linear'] as const) {
    test(`probabilities per class, no tensor left per frame (last layer ${activation})`, async () => {
      const s = spec(activation);
      const model = await loadHandModel(s, weightsOf(s), INPUT, 3);
      const counts: number[] = [];
      for (let frame = 0; frame < 20; frame++) {
        const pixels = new Uint8Array(16 * 16).map((_, i) => (i * 7 + frame * 13) % 256);
        const probs = await model.predict(pixels);
        assert.equal(probs.length, 3);
        assert.ok(probs.every((p) => p >= 0 && p <= 1));
        assert.ok(Math.abs(probs.reduce((a, b) => a + b, 0) - 1) < 1e-5);
        counts.push(model.tensors());
      }
      assert.equal(new Set(counts).size, 1, `tensor counts ${counts}`);
      const before = tf.memory().numTensors;
      model.dispose();
      assert.ok(tf.memory().numTensors < before, 'dispose() frees the weights');
    });
  }

  test('weights that do not fit the spec are refused', async () => {
    await assert.rejects(loadHandModel(spec('softmax'), new ArrayBuffer(8), INPUT, 3), /weights/);
  });

  test('getUserMedia refusals become the panel’s messages', () => {
    const err = (name: string) => Object.assign(new Error(name), { name });
    assert.equal(cameraError(err('NotAllowedError')), 'denied');
    assert.equal(cameraError(err('SecurityError')), 'denied');
    assert.equal(cameraError(err('NotFoundError')), 'noCamera');
    assert.equal(cameraError(err('OverconstrainedError')), 'noCamera');
    assert.equal(cameraError(err('NotReadableError')), 'busy');
    assert.equal(cameraError(err('TypeError')), 'other');
    assert.equal(cameraError('nonsense'), 'other');
  });
});
