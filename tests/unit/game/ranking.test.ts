import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareEntries, isImprovement, onPublicBoard, rankRows } from '../../../game/ranking';

const e = (playerId: string, score: number, submittedAt: number) => ({ playerId, score, submittedAt });

describe('compareEntries', () => {
  const cases: [string, ReturnType<typeof e>, ReturnType<typeof e>, 'a' | 'b' | 'same'][] = [
    ['higher score first', e('a', 0.9, 5), e('b', 0.8, 1), 'a'],
    ['lower score second', e('a', 0.5, 1), e('b', 0.8, 5), 'b'],
    ['tie: earlier submission first', e('a', 0.8, 1), e('b', 0.8, 2), 'a'],
    ['tie: later submission second', e('a', 0.8, 3), e('b', 0.8, 2), 'b'],
    ['full tie: player id decides', e('b', 0.8, 1), e('a', 0.8, 1), 'b'],
    ['identical', e('a', 0.8, 1), e('a', 0.8, 1), 'same'],
  ];
  for (const [name, a, b, first] of cases) {
    test(name, () => {
      const c = compareEntries(a, b);
      if (first === 'a') assert.ok(c < 0);
      else if (first === 'b') assert.ok(c > 0);
      else assert.equal(c, 0);
    });
  }
});

describe('isImprovement', () => {
  const cases: [string, { score: number } | undefined, number, boolean][] = [
    ['first entry', undefined, 0, true],
    ['higher', { score: 0.5 }, 0.6, true],
    ['equal is not', { score: 0.5 }, 0.5, false],
    ['lower is not', { score: 0.5 }, 0.4, false],
  ];
  for (const [name, prev, next, want] of cases) {
    test(name, () => assert.equal(isImprovement(prev, { score: next }), want));
  }
});

describe('rankRows', () => {
  test('sorts and numbers 1..n with the tie-break', () => {
    const rows = rankRows([e('c', 0.7, 1), e('a', 0.9, 3), e('b', 0.9, 2), e('d', 0.1, 0)]);
    assert.deepEqual(
      rows.map((r) => [r.playerId, r.rank]),
      [
        ['b', 1],
        ['a', 2],
        ['c', 3],
        ['d', 4],
      ],
    );
  });

  test('keeps extra fields and does not mutate the input', () => {
    const input = [{ ...e('a', 0.1, 1), nickname: 'A' }, { ...e('b', 0.2, 1), nickname: 'B' }];
    const rows = rankRows(input);
    assert.equal(rows[0]?.nickname, 'B');
    assert.equal(input[0]?.playerId, 'a');
  });

  test('empty', () => assert.deepEqual(rankRows([]), []));
});

describe('onPublicBoard', () => {
  test('solo: at once; a room round: only once published', () => {
    assert.equal(onPublicBoard({ inRoom: false, roundPublished: false }), true);
    assert.equal(onPublicBoard({ inRoom: true, roundPublished: false }), false);
    assert.equal(onPublicBoard({ inRoom: true, roundPublished: true }), true);
  });
});
