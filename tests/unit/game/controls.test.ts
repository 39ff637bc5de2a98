/**
 * Which controls each challenge shows (game/controls.ts): the lesson's and no more; the tools
 * against overfitting from Sign Digits and the boss levels on; what a spec already uses and what a
 * teacher locked always shown; "All controls" shows everything.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHALLENGE_IDS, getModelChallenge, type ModelChallengeId } from '../../../game/challenges';
import { CONTROL_GROUPS, LESSON_CONTROLS, OVERFIT_GROUPS, controlsInUse, hasHiddenControls, shownControls } from '../../../game/controls';
import { defaultSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';

const none = new Set<never>();
const MODEL_IDS = CHALLENGE_IDS.filter((id): id is ModelChallengeId => getModelChallenge(id) !== undefined);
const shown = (id: keyof typeof LESSON_CONTROLS, all = false) => shownControls({ challengeId: id, all, inUse: none });

describe('controls per challenge', () => {
  test('every model challenge has its list', () => assert.deepEqual(Object.keys(LESSON_CONTROLS).sort(), [...MODEL_IDS].sort()));

  test('logic gates: no Dropout, weight decay, early stopping, augmentation, loss or batch size', () => {
    const s = shown('logic-gates');
    for (const g of [...OVERFIT_GROUPS, 'loss', 'batchSize'] as const) assert.equal(s.has(g), false, g);
    assert.deepEqual([...s].sort(), ['epochs', 'learningRate', 'seed']);
  });

  test('the tools against overfitting only from Sign Digits 0-9 and the boss levels on', () => {
    for (const id of MODEL_IDS) {
      const has = OVERFIT_GROUPS.some((g) => shown(id).has(g));
      assert.equal(has, id === 'sign-digits' || id.startsWith('boss-'), id);
    }
    for (const id of ['boss-1', 'boss-2', 'boss-3'] as const) assert.deepEqual([...shown(id)], [...CONTROL_GROUPS]);
  });

  test('each lesson shows what its own lesson is about', () => {
    assert.ok(shown('losses').has('loss'));
    assert.ok(shown('batch-epochs').has('batchSize'));
    assert.ok(shown('sign-01').has('optimizer') && shown('sign-01').has('learningRate'));
    assert.ok(shown('sign-digits').has('augment'));
  });

  test('"All controls" shows every group; the switch exists only where something is hidden', () => {
    assert.deepEqual([...shown('logic-gates', true)], [...CONTROL_GROUPS]);
    assert.equal(hasHiddenControls('logic-gates'), true);
    assert.equal(hasHiddenControls('boss-2'), false);
  });

  test('locked settings are shown (disabled, with their note) even outside the lesson', () => {
    const s = shownControls({ challengeId: 'logic-gates', all: false, inUse: none, locked: new Set(['loss', 'batchSize'] as const) });
    assert.ok(s.has('loss') && s.has('batchSize'));
  });
});

describe('what a spec already uses stays in sight', () => {
  const base = defaultSpec('logic-gates');
  test('the default uses nothing beyond itself', () => assert.equal(controlsInUse(base, base).size, 0));

  test('a reproduced run with Dropout, L2, early stopping and another batch size shows those controls', () => {
    const spec: ModelSpec = {
      ...base,
      layers: [{ type: 'dense', units: 2, activation: 'tanh', l2: 0.001 }, { type: 'dropout', rate: 0.2 }, ...base.layers],
      training: { ...base.training, batchSize: 8, earlyStopping: { patience: 3 } },
    };
    const used = controlsInUse(spec, base);
    assert.deepEqual([...used].sort(), ['batchSize', 'dropout', 'earlyStopping', 'weightDecay']);
    const s = shownControls({ challengeId: 'logic-gates', all: false, inUse: used });
    for (const g of used) assert.ok(s.has(g), g);
    assert.equal(s.has('augment'), false);
  });

  test('a decay of 0 is off: not in use', () => {
    const spec: ModelSpec = { ...base, layers: base.layers.map((l) => (l.type === 'dense' ? { ...l, l1: 0 } : l)) };
    assert.equal(controlsInUse(spec, base).has('weightDecay'), false);
  });
});
