/**
 * server/scoring/judge.ts: score and stars from what the server verified. A plan that retrains
 * takes nothing from the weights' run, locks are checked on the spec the server trained with, and
 * the samples budget on the server's own count.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelChallenge } from '../../../game/challenges';
import { scoringPlan } from '../../../game/verification';
import { knownGoodSpec } from '../../../models/presets';
import { judgeModelOutput } from '../../../server/scoring/judge';

const labels = Uint8Array.from({ length: 100 }, (_, i) => i % 2);
const predictions = Int32Array.from(labels);
const stored = (spec = knownGoodSpec('losses')) => ({ spec, paramCount: 82 });
const code = (j: ReturnType<typeof judgeModelOutput>) => (j.ok ? `ok:${j.stars}` : j.error.code);

describe('judgeModelOutput', () => {
  const losses = modelChallenge('losses');
  const plan = { ...scoringPlan(losses), locked: {} };

  test('a perfect score with the server run of 5 epochs: three stars', () => {
    const j = judgeModelOutput(losses, stored(), { ok: true, predictions, run: { epochs: 5, samplesSeen: 2000, trainMs: 1 }, workerMs: 1 }, labels, plan);
    assert.equal(code(j), 'ok:3');
    assert.deepEqual(j.ok && j.run, { epochs: 5, samplesSeen: 2000 });
  });

  test('a plan that retrains but got no server run is refused, never scored from the weights', () => {
    const j = judgeModelOutput(losses, stored(), { ok: true, predictions, workerMs: 1 }, labels, plan);
    assert.equal(code(j), 'scoring/not_retrained');
  });

  test("a lock is checked on the spec the server trained with", () => {
    const locked = { loss: 'meanSquaredError' as const };
    const j = judgeModelOutput(losses, stored(), { ok: true, predictions, run: { epochs: 5, samplesSeen: 2000, trainMs: 1 }, workerMs: 1 }, labels, { ...scoringPlan(losses, locked), locked });
    assert.equal(code(j), 'round/locked_hyper');
  });

  test("the samples budget is checked on the server's count", () => {
    const be = modelChallenge('batch-epochs');
    const run = (samplesSeen: number) => ({ ok: true as const, predictions, run: { epochs: 4, samplesSeen, trainMs: 1 }, workerMs: 1 });
    const p = { ...scoringPlan(be), locked: {} };
    assert.equal(code(judgeModelOutput(be, stored(knownGoodSpec('batch-epochs')), run(2000), labels, p)), 'ok:3');
    assert.equal(code(judgeModelOutput(be, stored(knownGoodSpec('batch-epochs')), run(2001), labels, p)), 'submission/over_samples');
  });

  test('without retraining (logic-gates) the weights are scored and stars need no run', () => {
    const gates = modelChallenge('logic-gates');
    const four = Uint8Array.from([0, 1, 1, 0]);
    const j = judgeModelOutput(gates, { spec: knownGoodSpec('logic-gates'), paramCount: 12 }, { ok: true, predictions: Int32Array.from(four), workerMs: 1 }, four, { ...scoringPlan(gates), locked: {} });
    assert.equal(code(j), 'ok:3');
  });
});
