import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelChallenge } from '../../../game/challenges';
import { modelStars } from '../../../game/stars';
import { validateSubmission } from '../../../game/submission';
import { scoringPlan, serverCanTrain } from '../../../game/verification';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';

const memory = modelChallenge('memory');
const attention = modelChallenge('attention');

describe('memory: a star per length', () => {
  const spec = knownGoodSpec('memory');
  const stars = (byLength: Record<number, number>) => modelStars(memory, { score: 0.5, paramCount: 4650, spec, scoresByLength: byLength });

  test('each star asks the goal at a longer length, and the stars count up', () => {
    assert.deepEqual(memory.stars.map((r) => r.atLength), [5, 10, 20]);
    assert.equal(stars({ 5: 0.95, 10: 0.6, 20: 0.2 }), 1);
    assert.equal(stars({ 5: 0.95, 10: 0.9, 20: 0.2 }), 2);
    assert.equal(stars({ 5: 0.9, 10: 0.9, 20: 0.9 }), 3);
    // A long length alone does not skip the short one.
    assert.equal(stars({ 5: 0.5, 10: 1, 20: 1 }), 0);
  });

  test('without the scores per length no star is given, whatever the overall score', () => {
    assert.equal(modelStars(memory, { score: 1, paramCount: 4650, spec }), 0);
  });
});

describe('sequence challenges: what a submission may use', () => {
  const withLayers = (spec: ModelSpec, layers: ModelSpec['layers']): ModelSpec => ({ ...spec, layers });
  const out = { type: 'dense', units: 10, activation: 'softmax' } as const;

  test('memory refuses flatten and attention, with the layer named', () => {
    for (const layers of [
      [{ type: 'flatten' }, out],
      [{ type: 'selfAttention', heads: 1, keyDim: 4, causal: false, positional: true }, { type: 'lastStep' }, out],
    ] as ModelSpec['layers'][]) {
      const check = validateSubmission(memory, withLayers(defaultSpec('memory'), layers));
      assert.equal(check.ok, false);
      if (check.ok) continue;
      assert.equal(check.error.code, 'spec/invalid');
      assert.equal(check.error.issues[0]?.path, 'layers.0');
      assert.match(check.error.issues[0]?.message ?? '', /does not take (flatten|selfAttention)/);
    }
  });

  test('attention refuses flatten; the presets pass both challenges within budget', () => {
    const flat = validateSubmission(attention, withLayers(defaultSpec('attention'), [{ type: 'embedding', outputDim: 8 }, { type: 'flatten' }, out]));
    assert.equal(flat.ok ? 'ok' : flat.error.issues[0]?.path, 'layers.1');
    for (const c of [memory, attention]) {
      for (const spec of [defaultSpec(c.id as 'memory'), knownGoodSpec(c.id as 'memory')]) {
        const check = validateSubmission(c, spec);
        assert.ok(check.ok, check.ok ? '' : check.error.message);
        assert.ok(check.shapes.totalParams <= c.budget.maxParams);
      }
    }
  });

  test('an LSTM over the budget is refused (the budget is what makes recurrence struggle on attention)', () => {
    const big = validateSubmission(attention, withLayers(defaultSpec('attention'), [{ type: 'lstm', units: 64, returnSequences: false }, out]));
    assert.equal(big.ok ? 'ok' : big.error.code, 'submission/over_budget');
  });

  test('the server scores the submitted weights: no retraining, so no rule about training', () => {
    for (const c of [memory, attention]) {
      assert.equal(serverCanTrain(c), false);
      assert.deepEqual(scoringPlan(c), { retrain: false, claims: [] });
    }
  });
});
