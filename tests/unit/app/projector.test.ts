/** The projected lobby's name grid: type size by how many cells the names need, and each name's cells. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CELL_CHROME_PX, CELL_GAP_PX, layoutNames, MAX_SPAN, NAME_TIERS, nameEm, nameSpan } from '../../../app/room/[code]/host/projector';

const KOREAN = ['김민준', '이서연', '박도윤', '최하은', '정시우', '강지호', '조수아', '윤예준', '장하린', '임주원'];
const classOf = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const [TOP] = NAME_TIERS;

describe('layoutNames', () => {
  test('a class of 30 with short names gets 28 px, one cell each', () => {
    const layout = layoutNames(classOf(30, (i) => `${KOREAN[i % 10]}${i >= 10 ? i : ''}`.slice(0, 4)));
    assert.equal(layout.tier.fontPx, 28);
    assert.equal(layout.spans.length, 30);
    assert.ok(layout.spans.every((n) => n === 1), layout.spans.join(','));
  });

  test('the top tier is six columns of six rows in the 1,120 px of a 1366 px screen', () => {
    assert.ok(TOP);
    assert.equal(Math.floor((1120 + CELL_GAP_PX) / (TOP.cellPx + CELL_GAP_PX)), 6);
    assert.equal(TOP.cells, 36);
  });

  test('names needing more cells than a screenful drop to smaller type, and still fit', () => {
    const long = classOf(30, (i) => `Student ${i + 10}`);
    const layout = layoutNames(long);
    assert.ok(layout.tier.fontPx < 28, `${layout.tier.fontPx} px`);
    assert.ok(sum(layout.spans) <= layout.tier.cells);
  });

  test('a class of 40 short names gets 24 px; 60 get 20 px; more than fits scrolls at the smallest type', () => {
    assert.equal(layoutNames(classOf(40, (i) => KOREAN[i % 10] as string)).tier.fontPx, 24);
    assert.equal(layoutNames(classOf(60, (i) => KOREAN[i % 10] as string)).tier.fontPx, 20);
    const huge = layoutNames(classOf(200, (i) => KOREAN[i % 10] as string));
    assert.equal(huge.tier.fontPx, 20);
    assert.equal(huge.spans.length, 200);
  });

  test('tiers get smaller and hold more as they go', () => {
    for (let i = 1; i < NAME_TIERS.length; i++) {
      const [a, b] = [NAME_TIERS[i - 1], NAME_TIERS[i]];
      assert.ok(a && b && b.fontPx < a.fontPx && b.cellPx < a.cellPx && b.cells > a.cells);
    }
  });
});

describe('nameSpan', () => {
  assert.ok(TOP);
  const tier = TOP;
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
    for (const n of ['김민준', 'Olivia', 'Noah K', 'Mia']) assert.ok(nameEm(n) * tier.fontPx + CELL_CHROME_PX <= tier.cellPx, n);
  });

  test('Hangul counts wider than Latin', () => {
    assert.ok(nameEm('가나다') > nameEm('abc'));
    assert.equal(nameEm(''), 0);
  });
});
