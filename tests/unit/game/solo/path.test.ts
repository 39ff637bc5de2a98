import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnlocked, mergeStars, RACE_STARS, scoreRace, SOLO_PATH, starsFor } from '../../../../game/solo/path';
import { SURFACES } from '../../../../game/solo/surfaces';

describe('stars', () => {
  const acc = { higherIsBetter: true, one: 0.7, two: 0.85, three: 0.95 };
  const steps = { higherIsBetter: false, one: 100, two: 30, three: 10 };
  const table: [number | null, typeof acc, number][] = [
    [null, acc, 0], [0.69, acc, 0], [0.7, acc, 1], [0.9, acc, 2], [0.95, acc, 3], [1, acc, 3], [Number.NaN, acc, 0],
    [null, steps, 0], [101, steps, 0], [100, steps, 1], [30, steps, 2], [10, steps, 3], [1, steps, 3],
  ];
  for (const [score, t, want] of table) {
    test(`${score} (${t.higherIsBetter ? 'higher' : 'lower'} is better) → ${want}`, () => assert.equal(starsFor(score, t), want));
  }
});

describe('the path', () => {
  test('fifteen challenges in teaching order, unique; sequences after back propagation, then autoencoders and the two GANs', () => {
    assert.equal(SOLO_PATH.length, 15);
    assert.equal(new Set(SOLO_PATH).size, 15);
    assert.equal(SOLO_PATH[0], 'logic-gates');
    assert.deepEqual(SOLO_PATH.slice(-8), ['sign-digits', 'backprop-steps', 'memory', 'attention', 'autoencoder', 'denoise', 'gan', 'gan-digits']);
    assert.equal(isUnlocked('memory', { 'backprop-steps': 1 }), true);
    assert.equal(isUnlocked('memory', { 'sign-digits': 3 }), false);
    assert.equal(isUnlocked('attention', { memory: 1 }), true);
    assert.equal(isUnlocked('autoencoder', { attention: 1 }), true);
    assert.equal(isUnlocked('gan', { autoencoder: 3 }), false);
    assert.equal(isUnlocked('gan', { denoise: 1 }), true);
    assert.equal(isUnlocked('gan-digits', { denoise: 3 }), false);
    assert.equal(isUnlocked('gan-digits', { gan: 1 }), true);
  });

  test('a challenge opens once the one before has a star', () => {
    assert.equal(isUnlocked('logic-gates', {}), true);
    assert.equal(isUnlocked('depth-width', {}), false);
    assert.equal(isUnlocked('depth-width', { 'logic-gates': 0 }), false);
    assert.equal(isUnlocked('depth-width', { 'logic-gates': 1 }), true);
    assert.equal(isUnlocked('activations', { 'logic-gates': 3 }), false);
  });

  test('progress keeps the best stars', () => {
    const p = mergeStars({}, 'losses', 2);
    assert.equal(mergeStars(p, 'losses', 1), p);
    assert.deepEqual(mergeStars(p, 'losses', 3), { losses: 3 });
  });
});

describe('optimizer race scoring', () => {
  test('each surface: a poor setting earns no stars, a tuned one earns three', () => {
    const tuned = {
      bowl: { optimizer: 'momentum', learningRate: 0.5, momentum: 0.5 },
      ravine: { optimizer: 'rmsprop', learningRate: 0.3, momentum: 0 },
      saddle: { optimizer: 'rmsprop', learningRate: 0.3, momentum: 0 },
      rosenbrock: { optimizer: 'adam', learningRate: 1, momentum: 0.9 },
    } as const;
    for (const id of Object.keys(SURFACES) as (keyof typeof SURFACES)[]) {
      assert.equal(scoreRace(id, { optimizer: 'gd', learningRate: 0.001, momentum: 0 }, 1).stars, 0, `${id} poor`);
      const r = scoreRace(id, tuned[id], 1);
      assert.equal(r.stars, 3, `${id} tuned: ${r.steps} steps, needs ${RACE_STARS[id].three}`);
    }
  });
});
