/** The projected lobby's name grid: type size by class size, and how many cells a long name takes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CELL_CHROME_PX, CELL_GAP_PX, MAX_SPAN, NAME_TIERS, nameEm, nameSpan, nameTier } from '../../../app/room/[code]/host/projector';

describe('nameTier', () => {
  test('a class of up to 30 gets 28 px names; bigger classes smaller type, never under 20 px', () => {
    for (const n of [0, 1, 29, 30]) assert.equal(nameTier(n).fontPx, 28, `${n} players`);
    assert.equal(nameTier(31).fontPx, 24);
    assert.equal(nameTier(42).fontPx, 24);
    assert.equal(nameTier(43).fontPx, 20);
    assert.equal(nameTier(500).fontPx, 20);
  });

  test('30 names of one cell fill five rows of six columns in the 1,120 px of a 1366 px screen', () => {
    const tier = nameTier(30);
    const columns = Math.floor((1120 + CELL_GAP_PX) / (tier.cellPx + CELL_GAP_PX));
    assert.equal(columns, 6);
    assert.equal(Math.ceil(30 / columns), 5);
  });

  test('tiers get smaller as the class grows', () => {
    for (let i = 1; i < NAME_TIERS.length; i++) {
      const [a, b] = [NAME_TIERS[i - 1], NAME_TIERS[i]];
      assert.ok(a && b && b.fontPx < a.fontPx && b.cellPx < a.cellPx && b.upTo > a.upTo);
    }
  });
});

describe('nameSpan', () => {
  const tier = nameTier(30);
  test('short names, Korean or Latin, take one cell', () => {
    for (const n of ['김민준', '이서윤아', 'Ada', 'Olivia', 'Noah K']) assert.equal(nameSpan(n, tier), 1, n);
  });

  test('a longer name takes two cells, the longest nicknames three', () => {
    assert.equal(nameSpan('Neuron 4242', tier), 2);
    assert.equal(nameSpan('가나다라마바사', tier), 2);
    assert.equal(nameSpan('WWWWWWWWWWWWWWWWWWWW', tier), MAX_SPAN);
    assert.equal(nameSpan('가나다라마바사아자차카타파하가나다라마바', tier), MAX_SPAN);
  });

  test('a name given one cell fits in it (by the same estimate)', () => {
    for (const n of ['김민준', 'Olivia', 'Noah K', 'Mia']) {
      assert.ok(nameEm(n) * tier.fontPx + CELL_CHROME_PX <= tier.cellPx, n);
    }
  });

  test('Hangul counts wider than Latin', () => {
    assert.ok(nameEm('가나다') > nameEm('abc'));
    assert.equal(nameEm(''), 0);
  });
});
