/**
 * The scoring worker's job code in-process (server/scoring/scorer.ts, tfjs WASM as in the worker):
 * a retrain job trains the spec itself and ignores the weights, a weights job scores them, and
 * neither leaves a tensor behind beyond the examples kept per challenge.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { knownGoodSpec } from '../../../models/presets';
import { createScorer, type Scorer } from '../../../server/scoring/scorer';
import type { ScoringJob, ScoringOutput } from '../../../server/scoring/types';
import { DATA_DIR } from '../../unit/challenges/harness';

const job = (weights: Float32Array, retrain: boolean, challengeId = 'losses'): ScoringJob => ({
  challengeId,
  specJson: JSON.stringify(knownGoodSpec('losses')),
  weights: new Uint8Array(weights.buffer.slice(0)),
  retrain,
});
const ok = (out: ScoringOutput) => {
  assert.ok(out.ok, JSON.stringify(out));
  return out;
};

describe('scorer: retrain and weights jobs', () => {
  let scorer: Scorer;
  before(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    scorer = createScorer(DATA_DIR);
  });
  after(() => scorer.dispose());

  test('a retrain job ignores the weights: zeros and ones train to the same predictions (same seed)', async () => {
    const a = ok(await scorer.score(job(new Float32Array(82), true)));
    const b = ok(await scorer.score(job(new Float32Array(82).fill(1), true)));
    assert.deepEqual(a.run && { epochs: a.run.epochs, samplesSeen: a.run.samplesSeen }, { epochs: 5, samplesSeen: 2000 });
    assert.deepEqual(b.predictions, a.predictions);
  });

  test('a weights job scores the weights: all-zero weights predict one class everywhere', async () => {
    const out = ok(await scorer.score(job(new Float32Array(82), false)));
    assert.equal(out.run, undefined);
    assert.equal(new Set(out.predictions).size, 1);
  });

  test('weights of the wrong length are refused in a retrain job too', async () => {
    const out = await scorer.score(job(new Float32Array(81), true));
    assert.equal(out.ok ? 'ok' : out.error.code, 'weights/invalid');
  });

  test('an image challenge is never trained here', async () => {
    const spec = { ...knownGoodSpec('sign-01'), training: { ...knownGoodSpec('sign-01').training, epochs: 1 } };
    const out = await scorer.score({ challengeId: 'sign-01', specJson: JSON.stringify(spec), weights: new Uint8Array(3298 * 4), retrain: true });
    assert.equal(out.ok ? 'ok' : out.error.code, 'scoring/cannot_retrain');
  });

  test('no tensor growth over repeated retrains and scorings; nothing left after dispose', async () => {
    await scorer.score(job(new Float32Array(82), true, 'batch-epochs'));
    const kept = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await scorer.score(job(new Float32Array(82), true));
      await scorer.score(job(new Float32Array(82), true, 'batch-epochs'));
      await scorer.score(job(new Float32Array(82), false));
      await scorer.score(job(new Float32Array(81), true));
    }
    assert.equal(tf.memory().numTensors, kept);
    const start = tf.memory().numTensors;
    scorer.dispose();
    assert.ok(start > 0);
    assert.equal(tf.memory().numTensors, 0);
  });
});
