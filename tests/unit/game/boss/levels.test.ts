import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BOSS_IDS, isBossLevel, modelChallenge, PATH_IDS } from '../../../../game/challenges';
import { isUnlocked, previousOf, SOLO_PATH } from '../../../../game/solo/path';
import { forChallenge } from '../../../../game/challenge-data';
import { classCounts } from '../../../../models/dataset';
import { loadSplitFromDisk } from '../../../../models/dataset-node';
import { defaultSpec, knownGoodSpec } from '../../../../models/presets';
import { validateSubmission } from '../../../../game/submission';

const DATA = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'sign-digits');

describe('boss levels', () => {
  test('are not on the numbered path; each opens with a star on the one before, the first after 0 vs 1', () => {
    assert.deepEqual([...SOLO_PATH], [...PATH_IDS]);
    for (const id of BOSS_IDS) assert.equal((SOLO_PATH as readonly string[]).includes(id), false);
    assert.equal(previousOf('boss-1'), 'sign-01');
    assert.equal(previousOf('boss-2'), 'boss-1');
    assert.equal(previousOf('boss-3'), 'boss-2');
    assert.equal(isUnlocked('boss-1', {}), false);
    assert.equal(isUnlocked('boss-1', { 'sign-01': 1 }), true);
    assert.equal(isUnlocked('boss-2', { 'sign-01': 3 }), false);
    assert.equal(isUnlocked('boss-2', { 'boss-1': 1 }), true);
    assert.equal(isUnlocked('logic-gates', {}), true);
  });

  test('isBossLevel: the three boss levels and nothing else (unknown ids included)', () => {
    assert.deepEqual([...BOSS_IDS, ...PATH_IDS, 'mnist'].filter(isBossLevel), [...BOSS_IDS]);
  });

  test('shrink the training set level by level, ten classes each, the test split whole', () => {
    const train = loadSplitFromDisk(DATA, 'train').data;
    const val = loadSplitFromDisk(DATA, 'val').data;
    const test = loadSplitFromDisk(DATA, 'test').data;
    let previous = Infinity;
    for (const id of BOSS_IDS) {
      const c = modelChallenge(id);
      const boss = c.boss;
      assert.ok(boss, `${id} has a boss config`);
      const tiny = forChallenge(c, train, 'train');
      assert.deepEqual(classCounts(tiny, 10), Array(10).fill(boss.trainPerClass));
      assert.deepEqual(classCounts(forChallenge(c, val, 'val'), 10), Array(10).fill(boss.valPerClass));
      assert.equal(forChallenge(c, test, 'test').count, test.count);
      assert.ok(boss.trainPerClass < previous);
      previous = boss.trainPerClass;
      assert.deepEqual(forChallenge(c, train, 'train').labels, tiny.labels, 'the same draw every time');
    }
  });

  test('the plain default and the regularized spec are legal submissions', () => {
    for (const id of BOSS_IDS) {
      assert.equal(validateSubmission(id, defaultSpec(id)).ok, true);
      const good = knownGoodSpec(id);
      assert.equal(validateSubmission(id, good).ok, true);
      assert.ok(good.training.augment && good.layers.some((l) => l.type === 'dropout'));
    }
  });
});
