/**
 * The scoring worker's GAN job in-process (server/scoring/gan-scorer.ts through scorer.ts, tfjs WASM
 * as in the worker): it returns the generator's points for the server's own noise (the same every
 * time, one per hidden target point), refuses weights that do not fit both models, and leaves no
 * tensor behind.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { modelChallenge } from '../../../game/challenges';
import { buildGan, disposeGan, ganWeights, generatePoints } from '../../../models/gan';
import { knownGoodSpec } from '../../../models/presets';
import { createScorer, type Scorer } from '../../../server/scoring/scorer';
import { ganScoringNoise } from '../../../server/scoring/test-split';
import type { ScoringJob } from '../../../server/scoring/types';
import { DATA_DIR } from '../../unit/challenges/harness';

const spec = knownGoodSpec('gan');
const job = (weights: Uint8Array, s: unknown = spec): ScoringJob => ({ challengeId: 'gan', specJson: JSON.stringify(s), weights });

describe('scorer: GAN jobs', () => {
  let scorer: Scorer;
  let weights: Uint8Array;
  let expected: Float32Array;
  before(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    scorer = createScorer(DATA_DIR);
    const models = buildGan(spec);
    weights = new Uint8Array(ganWeights(models));
    expected = await generatePoints(models, ganScoringNoise(modelChallenge('gan'), models.noiseDim));
    disposeGan(models);
  });
  after(() => scorer.dispose());

  test("the generator's points for the server's noise, one per hidden target point, every time the same", async () => {
    const a = await scorer.score(job(weights));
    const b = await scorer.score(job(weights));
    assert.ok(a.ok && b.ok, JSON.stringify(a));
    assert.equal(a.points?.length, 2 * 2000);
    assert.equal(a.predictions.length, 0);
    assert.deepEqual(a.points, expected);
    assert.deepEqual(b.points, a.points);
  });

  test('weights that do not fit both models, and a spec without its gan block, are refused', async () => {
    const short = await scorer.score(job(weights.subarray(0, weights.length - 4)));
    assert.equal(short.ok ? 'ok' : short.error.code, 'weights/invalid');
    assert.match(short.ok ? '' : JSON.stringify(short.error.issues), /generator \+ \d+ discriminator/);
    const { gan: _, ...single } = spec;
    const plain = await scorer.score(job(weights, single));
    assert.equal(plain.ok ? 'ok' : plain.error.code, 'spec/invalid');
  });

  test('no tensor growth over repeated jobs', async () => {
    await scorer.score(job(weights));
    const start = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await scorer.score(job(weights));
      await scorer.score(job(weights.subarray(4)));
    }
    assert.equal(tf.memory().numTensors, start);
  });
});
