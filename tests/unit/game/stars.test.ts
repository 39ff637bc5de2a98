/** Stars only go up (game/stars.ts raisedStars): what the server stores after a result. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { raisedStars, type Stars } from '../../../game/stars';

describe('raisedStars', () => {
  test('every stored value against every earned one: store only a strictly higher count', () => {
    const earned: Stars[] = [0, 1, 2, 3];
    for (const stored of [undefined, 0, 1, 2, 3]) {
      for (const e of earned) {
        const want = e > (stored ?? 0) ? e : null;
        assert.equal(raisedStars(stored, e), want, `stored ${stored}, earned ${e}`);
      }
    }
  });

  test('a sequence of results: the stored stars are the running maximum, never lower', () => {
    let stored: number | undefined;
    const seen: (number | undefined)[] = [];
    for (const e of [0, 2, 1, 0, 3, 2] as Stars[]) {
      stored = raisedStars(stored, e) ?? stored;
      seen.push(stored);
    }
    assert.deepEqual(seen, [undefined, 2, 2, 2, 3, 3]);
  });
});
