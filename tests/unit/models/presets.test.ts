import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelChallenge } from '../../../game/challenges';
import { validateSubmission } from '../../../game/submission';
import { defaultSpec, tinySpec } from '../../../models/presets';
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
});
