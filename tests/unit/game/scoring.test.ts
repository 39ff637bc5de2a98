import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreFromPredictions } from '../../../game/scoring';

describe('scoreFromPredictions', () => {
  const cases: [string, number[], number[], number, number][] = [
    ['all right', [1, 2, 3], [1, 2, 3], 3, 1],
    ['all wrong', [0, 0, 0], [1, 2, 3], 0, 0],
    ['half', [1, 0, 3, 0], [1, 2, 3, 4], 2, 0.5],
    ['one of three', [9, 2, 9], [1, 2, 3], 1, 1 / 3],
  ];
  for (const [name, pred, labels, correct, score] of cases) {
    test(name, () => {
      const r = scoreFromPredictions(Int32Array.from(pred), Uint8Array.from(labels));
      assert.deepEqual(r, { ok: true, value: { score, correct, total: labels.length } });
    });
  }

  test('length mismatch is an error, not a score', () => {
    const r = scoreFromPredictions([1, 2], [1, 2, 3]);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.code, 'scoring/mismatch');
  });

  test('empty split is an error', () => {
    assert.equal(scoreFromPredictions([], []).ok, false);
  });
});
