import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelChallenge } from '../../../game/challenges';
import { validateSubmission } from '../../../game/submission';
import { defaultSpec, hasPresets, knownGoodSpec, PRESET_NAMES, presetSpec, tinySpec, typicalRate } from '../../../models/presets';
import { inferShapes } from '../../../models/shapes';

describe('presets', () => {
  const challenge = modelChallenge('sign-digits');
  for (const [name, make] of [['default', defaultSpec], ['tiny', tinySpec]] as const) {
    test(`${name} Sign Digits spec is valid and within the challenge budget`, () => {
      const spec = make('sign-digits');
      const shapes = inferShapes(spec, challenge.inputShape, challenge.numClasses);
      assert.ok(shapes.ok);
      assert.ok(shapes.totalParams <= challenge.budget.maxParams, `${shapes.totalParams} params`);
      assert.equal(validateSubmission(challenge, spec).ok, true);
    });
  }

  test('presets are copies: editing one does not change the next', () => {
    const a = defaultSpec('sign-digits');
    a.training.epochs = 1;
    assert.notEqual(defaultSpec('sign-digits').training.epochs, 1);
  });

  test('the default regularizes (dropout) and the tiny one is tiny', () => {
    assert.ok(defaultSpec('sign-digits').layers.some((l) => l.type === 'dropout'));
    const tiny = inferShapes(tinySpec('sign-digits'), challenge.inputShape, 10);
    assert.ok(tiny.ok && tiny.totalParams < 20_000);
  });

  test('the chooser: quick, default and strong are valid, within budget, and ordered by work', () => {
    assert.equal(hasPresets('sign-digits'), true);
    assert.equal(hasPresets('logic-gates'), false);
    assert.equal(presetSpec('logic-gates', 'quick'), null);
    const work = PRESET_NAMES.map((name) => {
      const spec = presetSpec('sign-digits', name);
      assert.ok(spec, name);
      const check = validateSubmission(challenge, spec);
      assert.equal(check.ok, true, name);
      return check.ok ? check.shapes.totalParams * spec.training.epochs : 0;
    });
    assert.ok(work[0]! < work[1]! && work[1]! < work[2]!, work.join(' < '));
    assert.deepEqual(presetSpec('sign-digits', 'default'), defaultSpec('sign-digits'));
  });

  test('no preset is the known-good answer: strong leaves augmentation for the student to find', () => {
    for (const name of PRESET_NAMES) {
      assert.notDeepEqual(presetSpec('sign-digits', name), knownGoodSpec('sign-digits'), name);
      assert.equal(presetSpec('sign-digits', name)?.training.augment, undefined, name);
    }
  });

  test('the typical rate is the default\'s, a positive figure', () => {
    const typical = typicalRate('sign-digits');
    assert.ok(typical && typical.samplesPerSecond > 0);
    assert.deepEqual(typical.spec, defaultSpec('sign-digits'));
    assert.equal(typicalRate('losses'), null);
  });
});
