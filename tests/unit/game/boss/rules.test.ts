import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bestPublic,
  bossHit,
  generalizationGap,
  privateEntry,
  shakeUp,
  splitPublicPrivate,
  subsetAccuracy,
  validateSelection,
  type BossSubmission,
} from '../../../../game/boss/rules';

const labels = Array.from({ length: 409 }, (_, i) => i % 10);

describe('public/private split', () => {
  test('fixed by the seed, disjoint, covering, stratified', () => {
    const a = splitPublicPrivate(labels, 11);
    assert.deepEqual(a, splitPublicPrivate(labels, 11));
    assert.notDeepEqual(a.publicIdx, splitPublicPrivate(labels, 12).publicIdx);
    const all = [...a.publicIdx, ...a.privateIdx].sort((x, y) => x - y);
    assert.deepEqual(all, labels.map((_, i) => i));
    assert.ok(Math.abs(a.publicIdx.length - 409 * 0.3) < 10);
    for (let c = 0; c < 10; c++) {
      const n = a.publicIdx.filter((i) => labels[i] === c).length;
      assert.ok(n >= 11 && n <= 13, `class ${c}: ${n} public`);
    }
  });

  test('subset accuracy counts only the listed items', () => {
    assert.equal(subsetAccuracy([1, 2, 3, 4], [1, 0, 3, 0], [0, 2]), 1);
    assert.equal(subsetAccuracy([1, 2, 3, 4], [1, 0, 3, 0], [1, 3]), 0);
    assert.equal(subsetAccuracy([1], [1], []), 0);
  });
});

const sub = (id: string, train: number, pub: number, priv: number, at: number): BossSubmission => ({ submissionId: id, train, public: pub, private: priv, submittedAt: at });
const overfit = sub('o', 1.0, 0.8, 0.61, 1);
const regular = sub('r', 0.9, 0.72, 0.72, 2);

describe('selection', () => {
  test('at most two, only your own', () => {
    assert.equal(validateSelection([overfit, regular], ['o', 'r']), null);
    assert.equal(validateSelection([overfit, regular], ['o', 'o']), null);
    assert.equal(validateSelection([overfit, regular], ['o', 'r', 'x'])?.code, 'boss/too_many_selected');
    assert.equal(validateSelection([overfit], ['r'])?.code, 'boss/not_yours');
  });

  test('the default pick is the best public one; a pick counts its best private', () => {
    assert.equal(bestPublic([overfit, regular])?.submissionId, 'o');
    assert.equal(privateEntry([overfit, regular], [])?.submissionId, 'o');
    assert.equal(privateEntry([overfit, regular], ['r'])?.submissionId, 'r');
    assert.equal(privateEntry([overfit, regular], ['o', 'r'])?.submissionId, 'r');
    assert.equal(privateEntry([], []), undefined);
  });
});

describe('boss health', () => {
  const tuning = { baseline: 0.66, full: 0.05, healFactor: 0.1 };
  test('the memorizer heals the boss; the regularized model hurts it', () => {
    assert.ok(Math.abs(generalizationGap(overfit) - 0.39) < 1e-9);
    const o = bossHit(overfit, tuning);
    assert.equal(o.damage, 0);
    assert.equal(o.health, 100);
    assert.equal(o.line, 'memorized');
    const r = bossHit(regular, tuning);
    assert.ok(r.damage > 5 && r.health < 60, JSON.stringify(r));
    assert.equal(r.line, 'scratched');
  });
  test('a strong, honest model defeats it; a weak one is called underfit', () => {
    assert.equal(bossHit(sub('g', 0.8, 0.8, 0.8, 1), tuning).line, 'defeated');
    assert.equal(bossHit(sub('g', 0.8, 0.8, 0.8, 1), tuning).health, 0);
    assert.equal(bossHit(sub('u', 0.4, 0.4, 0.4, 1), tuning).line, 'underfit');
  });
});

describe('shake-up', () => {
  test('the public leader who memorized falls; the careful player climbs', () => {
    const rows = shakeUp([
      { playerId: 'chaser', own: [overfit], selected: [] },
      { playerId: 'careful', own: [regular], selected: [] },
      { playerId: 'mixed', own: [sub('m1', 1, 0.75, 0.6, 3), sub('m2', 0.95, 0.7, 0.7, 4)], selected: ['m2'] },
    ]);
    assert.deepEqual(rows.map((r) => [r.playerId, r.publicRank, r.privateRank, r.moved]), [
      ['careful', 3, 1, 2],
      ['mixed', 2, 2, 0],
      ['chaser', 1, 3, -2],
    ]);
  });
});
