/**
 * game/model-outcome.ts: the score outcome of a scored model and which star rule applies. A plan that
 * retrains takes nothing from the weights, locks are checked on the spec the server trained with,
 * the samples budget on the server's count; a boss level gets its public score and no stars yet.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { bossSplit, bossSplitSeed } from '../../../game/boss/score';
import { modelChallenge } from '../../../game/challenges';
import { bossOutcome, modelOutcome, type ModelOutcome, type ModelOutcomeInput } from '../../../game/model-outcome';
import { scoringPlan } from '../../../game/verification';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';

const labels = Uint8Array.from({ length: 100 }, (_, i) => i % 2);
const predictions = Int32Array.from(labels);
const code = (o: ModelOutcome) => (o.ok ? `ok:${o.stars}` : o.code);
const losses = modelChallenge('losses');
const input = (over: Partial<ModelOutcomeInput> = {}): ModelOutcomeInput => ({
  challenge: losses,
  spec: knownGoodSpec('losses'),
  paramCount: 82,
  measured: { predictions, labels, run: { epochs: 5, samplesSeen: 2000 } },
  plan: { ...scoringPlan(losses), locked: {} },
  ...over,
});

describe('modelOutcome: model challenges', () => {
  test('a perfect score with the server run of 5 epochs: three stars, the run kept', () => {
    const o = modelOutcome(input({ measured: { predictions, labels, run: { epochs: 5, samplesSeen: 2000, trainMs: 9 } as never } }));
    assert.equal(code(o), 'ok:3');
    assert.deepEqual(o.ok && o.run, { epochs: 5, samplesSeen: 2000 });
    assert.deepEqual(o.ok && o.score, { score: 1, correct: 100, total: 100 });
  });

  test('a plan that retrains but got no server run is refused, never scored from the weights', () => {
    assert.equal(code(modelOutcome(input({ measured: { predictions, labels } }))), 'scoring/not_retrained');
  });

  test('fewer stars for a worse score; a count mismatch is an error, not a zero', () => {
    const half = Int32Array.from(labels, (l, i) => (i < 50 ? l : 1 - l));
    assert.equal(code(modelOutcome(input({ measured: { predictions: half, labels, run: { epochs: 5, samplesSeen: 2000 } } }))), 'ok:0');
    assert.equal(code(modelOutcome(input({ measured: { predictions: predictions.subarray(1), labels, run: { epochs: 5, samplesSeen: 2000 } } }))), 'scoring/mismatch');
  });

  test('a lock is checked on the spec the server trained with', () => {
    const locked = { loss: 'meanSquaredError' as const };
    assert.equal(code(modelOutcome(input({ plan: { ...scoringPlan(losses, locked), locked } }))), 'round/locked_hyper');
    // The default trains with mean squared error: it follows the lock.
    assert.ok(modelOutcome(input({ spec: defaultSpec('losses'), plan: { ...scoringPlan(losses, locked), locked } })).ok);
  });

  test("the samples budget is checked on the server's count", () => {
    const be = modelChallenge('batch-epochs');
    const at = (samplesSeen: number) => input({ challenge: be, spec: knownGoodSpec('batch-epochs'), measured: { predictions, labels, run: { epochs: 4, samplesSeen } }, plan: { ...scoringPlan(be), locked: {} } });
    assert.equal(code(modelOutcome(at(2000))), 'ok:3');
    assert.equal(code(modelOutcome(at(2001))), 'submission/over_samples');
  });

  test('without retraining (logic-gates) the weights are scored and stars need no run', () => {
    const gates = modelChallenge('logic-gates');
    const four = Uint8Array.from([0, 1, 1, 0]);
    const o = modelOutcome(input({ challenge: gates, spec: knownGoodSpec('logic-gates'), paramCount: 12, measured: { predictions: Int32Array.from(four), labels: four }, plan: { ...scoringPlan(gates), locked: {} } }));
    assert.equal(code(o), 'ok:3');
    assert.equal(o.ok && o.run, undefined);
  });
});

describe('modelOutcome: boss levels (stars wait for the reveal)', () => {
  const boss1 = modelChallenge('boss-1');
  const sha = (t: string) => createHash('sha256').update(t).digest();
  const seed = bossSplitSeed('solo:boss-1', sha);
  const testLabels = Uint8Array.from({ length: 100 }, (_, i) => i % 10);
  const trainLabels = Uint8Array.from({ length: 20 }, (_, i) => i % 10);
  const perfect = { predictions: Int32Array.from(testLabels), labels: testLabels, trainPredictions: Int32Array.from(trainLabels), trainLabels };

  test('a perfect model: public score for everyone, private and train kept, no stars', () => {
    const o = modelOutcome(input({ challenge: boss1, measured: perfect, bossSeed: seed }));
    const total = bossSplit(seed, testLabels, boss1.boss!).publicIdx.length;
    assert.deepEqual(o, { ok: true, score: { score: 1, correct: total, total }, stars: 0, boss: { privateScore: 1, trainScore: 1 } });
    assert.deepEqual(bossOutcome(boss1, seed, perfect), o);
  });

  test('no training-set predictions, or no cut: refused', () => {
    assert.equal(code(modelOutcome(input({ challenge: boss1, measured: { ...perfect, trainPredictions: undefined }, bossSeed: seed }))), 'scoring/mismatch');
    assert.equal(code(modelOutcome(input({ challenge: boss1, measured: perfect }))), 'scoring/mismatch');
    assert.equal(code(bossOutcome(losses, seed, perfect)), 'scoring/mismatch');
  });
});
