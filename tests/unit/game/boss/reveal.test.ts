import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bossConfig, bossStars } from '../../../../game/boss/levels';
import { buildReveal, type RevealPlayer } from '../../../../game/boss/reveal';
import type { BossSubmission } from '../../../../game/boss/rules';

const sub = (id: string, pub: number, priv: number, train: number, at: number): BossSubmission => ({ submissionId: id, public: pub, private: priv, train, submittedAt: at });
const tuning = bossConfig(15, 0.64).tuning;

describe('boss stars from the hit', () => {
  const cases: [string, { health: number; damage: number }, number][] = [
    ['no damage', { health: 100, damage: 0 }, 0],
    ['healed back to full after some damage', { health: 100, damage: 2 }, 1],
    ['a scratch', { health: 80, damage: 1 }, 1],
    ['half the health', { health: 50, damage: 4 }, 2],
    ['defeated', { health: 0, damage: 9 }, 3],
  ];
  for (const [name, hit, stars] of cases) test(name, () => assert.equal(bossStars(hit), stars));
});

describe('buildReveal', () => {
  // Mem chased the public board: 100 % train, best public, poor private. Reg regularized.
  const players: RevealPlayer[] = [
    { playerId: 'mem', nickname: 'Mem', own: [sub('m1', 0.8, 0.6, 1, 1), sub('m2', 0.78, 0.61, 1, 2)], selected: [] },
    { playerId: 'reg', nickname: 'Reg', own: [sub('r1', 0.7, 0.71, 0.8, 3), sub('r2', 0.65, 0.74, 0.78, 4)], selected: ['r2'] },
    { playerId: 'none', nickname: 'None', own: [], selected: [] },
  ];
  const r = buildReveal('boss-1', players, tuning, 99);

  test('orders by private rank; the public leader falls, the regularized pick climbs', () => {
    assert.deepEqual(r.rows.map((x) => x.playerId), ['reg', 'mem']);
    const [reg, mem] = r.rows;
    assert.equal(mem?.publicRank, 1);
    assert.equal(mem?.privateRank, 2);
    assert.equal(mem?.moved, -1);
    assert.equal(reg?.moved, 1);
  });

  test('counts the pick, not the best public, and reports its gap', () => {
    const reg = r.rows.find((x) => x.playerId === 'reg');
    assert.equal(reg?.submissionId, 'r2');
    assert.equal(reg?.public, 0.7, 'the public column is the best public');
    assert.equal(reg?.private, 0.74);
    assert.ok(Math.abs((reg?.gap ?? 0) - 0.04) < 1e-9);
    const mem = r.rows.find((x) => x.playerId === 'mem');
    assert.equal(mem?.submissionId, 'm1', 'no pick: the best public counts');
    assert.ok(Math.abs((mem?.gap ?? 0) - 0.4) < 1e-9);
  });

  test('hits: the memorizer does no damage and the boss calls it out; the class health is the best hit', () => {
    const mem = r.rows.find((x) => x.playerId === 'mem');
    const reg = r.rows.find((x) => x.playerId === 'reg');
    assert.equal(mem?.hit.damage, 0);
    assert.equal(mem?.hit.line, 'memorized');
    assert.equal(mem?.stars, 0);
    assert.ok((reg?.hit.damage ?? 0) > 0);
    assert.ok((reg?.stars ?? 0) >= 1);
    assert.equal(r.bossHealth, Math.min(mem?.hit.health ?? 100, reg?.hit.health ?? 100));
    assert.equal(r.revealedAt, 99);
  });

  test('players without submissions are left out; nobody at all leaves the boss untouched', () => {
    assert.equal(r.rows.some((x) => x.playerId === 'none'), false);
    const empty = buildReveal('boss-1', [], tuning, 1);
    assert.deepEqual(empty.rows, []);
    assert.equal(empty.bossHealth, 100);
  });
});
