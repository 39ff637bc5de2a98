/**
 * Autoencoders through a real server: the decoder layers (reshape, upSampling2d, conv2dTranspose)
 * on both levels, with seeded random weights. The server rebuilds the model from the stored spec,
 * loads the weights, rebuilds its hidden test photos (the denoising level: from its own noisy
 * copies) and scores exactly what this process computes with the same weights; stars read the
 * stored spec's bottleneck, never a number the client sends. Malformed autoencoder specs and
 * weights of the wrong size are refused with a clear error and change nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { scoreReconstruction } from '../../../game/autoencoder';
import { buildTarget, modelChallenge, type ModelChallenge } from '../../../game/challenges';
import { reconstructionErrors } from '../../../models/autoencoder';
import { buildModel } from '../../../models/build';
import { convAutoencoder, denseAutoencoder } from '../../../models/presets-autoencoder';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { serializeWeights } from '../../../models/weights';
import type { SubmissionResult } from '../../../protocol';
import { testExamples } from '../../../server/scoring/test-split';
import { DATA_DIR } from '../../unit/challenges/harness';
import { register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from './harness';

const T = (seed: number) => ({ loss: 'meanSquaredError' as const, optimizer: { type: 'adam' as const, learningRate: 0.003 }, batchSize: 32, epochs: 1, seed });

const CASES: { name: string; challenge: 'autoencoder' | 'denoise'; spec: ModelSpec }[] = [
  { name: 'dense, code 4, reshape', challenge: 'autoencoder', spec: denseAutoencoder(32, 4, 32, T(3)) },
  { name: 'conv, code 8, upSampling2d + conv2d', challenge: 'autoencoder', spec: convAutoencoder(32, 8, [4, 8], T(4)) },
  { name: 'conv, code 16, conv2dTranspose', challenge: 'denoise', spec: convAutoencoder(32, 16, [4, 8], T(5), true) },
];

interface Prepared {
  weights: Uint8Array;
  params: number;
  score: number;
  correct: number;
  total: number;
}

/** Seeded random weights (small, so the sigmoid output is not saturated) and their score here. */
async function prepare(c: ModelChallenge, s: ModelSpec): Promise<Prepared> {
  const model = buildModel(s, buildTarget(c));
  try {
    model.setWeights(model.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.1, 0.1, 'float32', s.training.seed * 100 + i)));
    const test = testExamples(DATA_DIR, c);
    const xy = splitToTensors(test, c.numClasses);
    const errors = await reconstructionErrors(model, xy.xs, xy.ys);
    tf.dispose([xy.xs, xy.ys]);
    const scored = scoreReconstruction(errors, test.count);
    assert.ok(scored.ok);
    return { weights: new Uint8Array(serializeWeights(model)), params: model.countParams(), ...scored.value };
  } finally {
    model.dispose();
  }
}

describe('autoencoders through the real server', () => {
  let t: TestServer;
  let socket: ClientSocket;

  before(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    t = await startTestServer({ submitLimit: { points: 100, durationS: 60 } });
    socket = (await register(t.server.url, 'Coder')).socket;
  });
  after(async () => {
    socket?.disconnect();
    await t?.stop();
  });

  for (const c of CASES) {
    test(`${c.name} (${c.challenge}): scored with exactly the local reconstruction errors`, async () => {
      const def = modelChallenge(c.challenge);
      const p = await prepare(def, c.spec);
      const result = waitFor<SubmissionResult>(socket, 'submission:result');
      const ack = await request<{ submissionId: string; paramCount: number }>(socket, 'submission:submit', { challengeId: def.id, spec: c.spec, weights: p.weights });
      assert.ok(ack.ok, JSON.stringify(ack));
      assert.equal(ack.data.paramCount, p.params);
      const r = await result;
      assert.equal(r.submissionId, ack.data.submissionId);
      assert.equal(r.status, 'scored', JSON.stringify(r.error));
      assert.equal(r.total, 409);
      assert.equal(r.correct, p.correct, `server ${r.correct} vs local ${p.correct} photos better than the mean photo`);
      assert.ok(Math.abs((r.score ?? NaN) - p.score) < 1e-6, `server ${r.score} vs local ${p.score}`);
      assert.equal(r.stars, 0, 'random weights rebuild nothing');
    });
  }

  test('malformed autoencoder specs and wrong-size weights are refused with a clear error, and nothing is stored', async () => {
    const def = modelChallenge('autoencoder');
    const good = CASES[1]!.spec;
    const p = await prepare(def, good);
    const layers = good.layers;
    const unmark = layers.map((l) => (l.type === 'dense' ? { ...l, bottleneck: false } : l));
    const cases: [string, unknown, Uint8Array, string, RegExp][] = [
      ['no bottleneck', { ...good, layers: unmark }, p.weights, 'spec/invalid', /needs one dense layer marked bottleneck: true/],
      ['two bottlenecks', { ...good, layers: layers.map((l) => (l.type === 'dense' ? { ...l, bottleneck: true } : l)) }, p.weights, 'spec/invalid', /layers\.4\.bottleneck.*exactly one bottleneck/],
      ['cross-entropy', { ...good, training: { ...good.training, loss: 'categoricalCrossentropy' } }, p.weights, 'spec/invalid', /training\.loss/],
      ['an output that is not the photo', { ...good, layers: layers.slice(0, -2) }, p.weights, 'spec/invalid', /must output 32x32x1, the input's own shape/],
      ['a reshape of the wrong size', { ...good, layers: layers.map((l) => (l.type === 'reshape' ? { ...l, targetShape: [8, 8, 4] } : l)) }, p.weights, 'spec/invalid', /layers\.5: reshape to 8x8x4 needs 256 values, got 512 \(input 512\)/],
      ['upSampling2d past its limit', { ...good, layers: layers.map((l) => (l.type === 'upSampling2d' ? { ...l, size: 9 } : l)) }, p.weights, 'spec/invalid', /layers\.6\.size/],
      ['a bottleneck flag that is not a boolean', { ...good, layers: layers.map((l) => (l.type === 'dense' && l.bottleneck ? { ...l, bottleneck: 'yes' } : l)) }, p.weights, 'spec/invalid', /layers\.3\.bottleneck/],
      ['weights one float short', good, p.weights.subarray(0, p.weights.length - 4), 'weights/wrong_length', /bytes/],
      ['weights of a longer code', good, new Uint8Array(p.weights.length + 4 * (128 + 128 + 1)), 'weights/wrong_length', new RegExp(`${p.params} parameters`)],
    ];
    const before = t.counts();
    for (const [name, s, weights, code, says] of cases) {
      const r = await request(socket, 'submission:submit', { challengeId: def.id, spec: s, weights });
      assert.equal(r.ok, false, name);
      if (!r.ok) {
        assert.equal(r.error.code, code, `${name}: ${r.error.message}`);
        assert.match(`${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`, says, name);
      }
    }
    // A client's own number for the code or the stars is not part of a submission at all.
    const claimed = await request(socket, 'submission:submit', { challengeId: def.id, spec: good, weights: p.weights, stars: 3, codeLength: 1 });
    assert.equal(claimed.ok, false, 'unknown fields are refused');
    assert.deepEqual(t.counts(), before);
  });
});
