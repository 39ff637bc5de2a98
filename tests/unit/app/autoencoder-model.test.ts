/**
 * The studio's view of a trained autoencoder (app/components/studio/autoencoder/ae-model.ts): built
 * from a spec and its weights the way the page gets them, it rebuilds pictures, gives a code per
 * picture, decodes codes into the same pictures, refuses weights that do not fit, and frees every
 * tensor on dispose.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import type { ModelChallenge } from '../../../game/challenges';
import { loadAutoencoder } from '../../../app/components/studio/autoencoder/ae-model';
import { buildModel } from '../../../models/build';
import type { ModelSpec } from '../../../models/spec';
import { serializeWeights } from '../../../models/weights';

const SHAPE = [8, 8, 1] as const;
const SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'flatten' },
    { type: 'dense', units: 12, activation: 'relu' },
    { type: 'dense', units: 2, activation: 'linear', bottleneck: true },
    { type: 'dense', units: 64, activation: 'sigmoid' },
    { type: 'reshape', targetShape: [8, 8, 1] },
  ],
  training: { loss: 'meanSquaredError', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 8, epochs: 1, seed: 5 },
};
/** Only what loadAutoencoder reads of a challenge. */
const CHALLENGE = { inputShape: SHAPE, numClasses: 10, objective: 'reconstruct' } as unknown as ModelChallenge;

function trainedWeights(): ArrayBuffer {
  const model = buildModel(SPEC, { inputShape: SHAPE, numClasses: 10, outputShape: SHAPE });
  try {
    return serializeWeights(model);
  } finally {
    model.dispose();
  }
}

const pictures = (count: number) => Float32Array.from({ length: count * 64 }, (_, i) => ((i * 37) % 101) / 100);

before(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('the studio autoencoder model', () => {
  test('reconstruct, encode and decode agree, in batches larger than one predict call; nothing leaks', async () => {
    const before = tf.memory().numTensors;
    const ae = loadAutoencoder(SPEC, trainedWeights(), CHALLENGE);
    assert.equal(ae.codeLength, 2);
    const count = 70; // more than one batch of 64
    const rebuilt = await ae.reconstruct(pictures(count), count);
    assert.equal(rebuilt.length, count * 64);
    assert.ok(rebuilt.every((v) => v > 0 && v < 1), 'a sigmoid output');
    const codes = await ae.encode(pictures(count), count);
    assert.equal(codes.length, count * 2);
    const decoded = await ae.decode(codes, count);
    assert.equal(decoded.length, rebuilt.length);
    let worst = 0;
    for (let i = 0; i < decoded.length; i++) worst = Math.max(worst, Math.abs((decoded[i] ?? 0) - (rebuilt[i] ?? 0)));
    assert.ok(worst < 1e-5, `decode(encode(x)) = reconstruct(x), off by ${worst}`);
    // Codes that no photo has still decode into pictures (the interpolation path).
    assert.equal((await ae.decode(Float32Array.from([0, 0, 5, -5]), 2)).length, 128);
    ae.dispose();
    assert.equal(tf.memory().numTensors, before, 'every tensor freed');
  });

  test('weights of another model and a spec without a bottleneck are refused', () => {
    const before = tf.memory().numTensors;
    assert.throws(() => loadAutoencoder(SPEC, new ArrayBuffer(8), CHALLENGE));
    const plain: ModelSpec = { ...SPEC, layers: SPEC.layers.map((l) => (l.type === 'dense' ? { type: 'dense', units: l.units, activation: l.activation } : l)) };
    assert.throws(() => loadAutoencoder(plain, trainedWeights(), CHALLENGE), /bottleneck/);
    assert.equal(tf.memory().numTensors, before);
  });
});
