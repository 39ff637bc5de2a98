/**
 * The boss screens' pure helpers: the health bar's width and tone, the boss's line and its numbers,
 * the shake-up's order and FLIP offsets, and the two-pick limit.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { healthTone, healthWidth, lineText, moveDelayMs, myRow, shakeUpMoves, startTransform, togglePick, wholePercent } from '../../../app/components/boss/boss-view';
import { buildReveal, type RevealRow } from '../../../game/boss/reveal';
import type { BossSubmission } from '../../../game/boss/rules';

describe('healthWidth and healthTone', () => {
  const CASES: Array<[number, number, string]> = [
    [100, 100, 'high'], [61, 61, 'high'], [60, 60, 'mid'], [25.04, 25, 'low'], [26, 26, 'mid'], [0.04, 0, 'empty'], [0, 0, 'empty'],
    [-12, 0, 'empty'], [140, 100, 'high'], [Number.NaN, 100, 'high'], [33.333, 33.3, 'mid'], [0.2, 0.2, 'low'],
  ];
  for (const [health, width, tone] of CASES) {
    test(`${health} → ${width} % wide, ${tone}`, () => {
      assert.equal(healthWidth(health), width);
      assert.equal(healthTone(health), tone);
    });
  }
});

const row = (over: Partial<RevealRow> & { playerId: string; publicRank: number; privateRank: number }): RevealRow => ({
  nickname: over.playerId,
  moved: over.publicRank - over.privateRank,
  public: 0.7,
  private: 0.6,
  train: 1,
  gap: 0.4,
  submissionId: `s-${over.playerId}`,
  hit: { damage: 0, heal: 4, health: 100, line: 'memorized' },
  stars: 0,
  ...over,
});

describe('lineText', () => {
  test('the memorizer is quoted with whole percents: train 100 %, test 61 %', () => {
    const line = lineText({ train: 1, private: 0.6125, gap: 0.3875, hit: { damage: 0, heal: 3.875, health: 100, line: 'memorized' } });
    assert.deepEqual(line, { key: 'memorized', values: { train: 100, test: 61, gap: 39, damage: 0, heal: 4 } });
  });
  test('a negative gap (private above train) reads as 0 points', () => {
    assert.equal(lineText({ train: 0.5, private: 0.55, gap: -0.05, hit: { damage: 0, heal: 0, health: 100, line: 'underfit' } }).values.gap, 0);
  });
  test('a defeat with no gap (private at or above train) has its own line, not "a gap of only 0 points"', () => {
    const won = { damage: 30, heal: 0, health: 0, line: 'defeated' as const };
    assert.equal(lineText({ train: 0.2, private: 1, gap: -0.8, hit: won }).key, 'defeatedNoGap');
    assert.equal(lineText({ train: 0.9, private: 0.896, gap: 0.004, hit: won }).key, 'defeatedNoGap');
    assert.equal(lineText({ train: 0.9, private: 0.85, gap: 0.05, hit: won }).key, 'defeated');
  });
  test('the key is the hit line', () => {
    for (const key of ['memorized', 'underfit', 'defeated', 'scratched'] as const) {
      assert.equal(lineText({ train: 0.9, private: 0.8, gap: 0.1, hit: { damage: 11.5, heal: 1, health: key === 'defeated' ? 0 : 50, line: key } }).key, key);
    }
  });
  test('wholePercent rounds and treats non-numbers as 0', () => {
    assert.deepEqual([0.615, 0.6149, 1, 0, Number.NaN].map(wholePercent), [62, 61, 100, 0, 0]);
  });
});

describe('shakeUpMoves and the FLIP offsets', () => {
  // The public leader memorized and falls to third; the third climbs to first.
  const rows = [
    row({ playerId: 'b', publicRank: 3, privateRank: 1 }),
    row({ playerId: 'a', publicRank: 1, privateRank: 3 }),
    row({ playerId: 'c', publicRank: 2, privateRank: 2 }),
  ];
  const moves = shakeUpMoves(rows);
  test('rows in private order', () => assert.deepEqual(moves.map((m) => m.row.playerId), ['b', 'c', 'a']));
  test('each starts where the public board had it: climbers below, fallers above', () => {
    assert.deepEqual(moves.map((m) => [m.fromOffset, m.arrow, m.places]), [[2, '▲', 2], [0, '=', 0], [-2, '▼', 2]]);
  });
  test('the start transform is the offset times the row height; none with reduced motion', () => {
    assert.deepEqual(moves.map((m) => startTransform(m, 40, false)), ['translateY(80px)', 'translateY(0px)', 'translateY(-80px)']);
    assert.deepEqual(moves.map((m) => startTransform(m, 40, true)), ['translateY(0px)', 'translateY(0px)', 'translateY(0px)']);
    assert.equal(startTransform({ fromOffset: 2 }, Number.NaN, false), 'translateY(0px)');
  });
  test('the bottom row moves first, the winner last', () => {
    assert.deepEqual([0, 1, 2].map((i) => moveDelayMs(i, 3)), [240, 120, 0]);
    assert.equal(moveDelayMs(5, 3), 0);
  });
  test('does not reorder its input', () => assert.equal(rows[0]?.playerId, 'b'));
  test('agrees with game/boss/reveal on a real reveal', () => {
    const sub = (id: string, pub: number, priv: number, train: number, at: number): BossSubmission => ({ submissionId: id, public: pub, private: priv, train, submittedAt: at });
    const reveal = buildReveal('boss-3', [
      { playerId: 'memo', nickname: 'Memo', own: [sub('m1', 0.9, 0.55, 1, 1)], selected: [] },
      { playerId: 'reg', nickname: 'Reg', own: [sub('r1', 0.7, 0.72, 0.8, 2)], selected: [] },
    ], { baseline: 0.635, full: 0.1, healFactor: 0.1 }, 10);
    const m = shakeUpMoves(reveal.rows);
    assert.deepEqual(m.map((x) => [x.row.playerId, x.arrow]), [['reg', '▲'], ['memo', '▼']]);
    assert.equal(myRow(reveal, 'memo')?.hit.line, 'memorized');
    assert.equal(myRow(reveal, null), undefined);
    assert.equal(myRow(reveal, 'host'), undefined);
  });
});

describe('togglePick', () => {
  test('adds up to two, refuses a third, removes any', () => {
    assert.deepEqual(togglePick([], 'a'), ['a']);
    assert.deepEqual(togglePick(['a'], 'b'), ['a', 'b']);
    assert.equal(togglePick(['a', 'b'], 'c'), null);
    assert.deepEqual(togglePick(['a', 'b'], 'a'), ['b']);
    assert.deepEqual(togglePick(['a'], 'a'), []);
  });
});
