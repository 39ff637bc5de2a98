import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lineInView, probColor, probeView, toPixel, CLASS_RGB } from '../../../app/challenges/[id]/viz/plane';
import { alignCurves, epochsToReach, stepsPerEpoch } from '../../../app/challenges/[id]/viz/runs';
import { modelChallenge } from '../../../game/challenges';

const VIEW = { min: -1.2, max: 1.2, size: 40 };
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const log = (epoch: number, valAcc: number) => ({ epoch, loss: 1, acc: 0, valAcc, elapsedMs: 0 });

describe('studio plot geometry', () => {
  test('gates get a view around the unit square, point sets one around [-1, 1]²', () => {
    assert.deepEqual(probeView(modelChallenge('logic-gates')), { min: -0.25, max: 1.25, size: 40 });
    assert.deepEqual(probeView(modelChallenge('depth-width')), VIEW);
  });

  test('toPixel: the view’s top-left corner is (0, 0), its bottom-right (px, px)', () => {
    assert.deepEqual(toPixel(VIEW, 240, -1.2, 1.2), [0, 0]);
    assert.deepEqual(toPixel(VIEW, 240, 1.2, -1.2), [240, 240]);
    assert.deepEqual(toPixel(VIEW, 240, 0, 0), [120, 120]);
  });

  test('probColor: white at 0.5, towards the class colour at 0 and 1, unknown values white', () => {
    assert.deepEqual(probColor(0.5), [255, 255, 255]);
    assert.deepEqual(probColor(Number.NaN), [255, 255, 255]);
    const blue = probColor(1);
    const orange = probColor(0);
    assert.ok(blue[2] > blue[0] && blue[0] > CLASS_RGB[1][0], `class 1 is a light blue: ${blue.join(',')}`);
    assert.ok(orange[0] > orange[2] && orange[2] > CLASS_RGB[0][2], `class 0 is a light orange: ${orange.join(',')}`);
  });

  test('lineInView: a diagonal line crosses the view corner to corner', () => {
    const seg = lineInView({ w: [1, -1], b: 0 }, VIEW);
    assert.ok(seg);
    const ends = seg.map(([a, b]) => `${a.toFixed(2)},${b.toFixed(2)}`).sort();
    assert.deepEqual(ends, ['-1.20,-1.20', '1.20,1.20']);
  });

  test('lineInView: a vertical and a horizontal line; a line outside; zero weights', () => {
    const v = lineInView({ w: [2, 0], b: -1 }, VIEW);
    assert.ok(v && v.every(([x1]) => close(x1, 0.5)));
    const h = lineInView({ w: [0, 1], b: 0.3 }, VIEW);
    assert.ok(h && h.every(([, x2]) => close(x2, -0.3)));
    assert.equal(lineInView({ w: [1, 0], b: -5 }, VIEW), null);
    assert.equal(lineInView({ w: [0, 0], b: 1 }, VIEW), null);
  });

  test('lineInView: every end lies on the line and inside the view', () => {
    const n = { w: [0.7, 1.9] as [number, number], b: 0.4 };
    const seg = lineInView(n, VIEW);
    assert.ok(seg);
    for (const [x1, x2] of seg) {
      assert.ok(Math.abs(n.w[0] * x1 + n.w[1] * x2 + n.b) < 1e-9);
      assert.ok(x1 >= -1.2 - 1e-9 && x1 <= 1.2 + 1e-9 && x2 >= -1.2 - 1e-9 && x2 <= 1.2 + 1e-9);
    }
  });
});

describe('run figures', () => {
  test('epochsToReach: the first epoch at or above the goal, 1-based; null when never', () => {
    assert.equal(epochsToReach([log(0, 0.7), log(1, 0.95), log(2, 0.99)], 0.95), 2);
    assert.equal(epochsToReach([log(0, 0.9499999999999)], 0.95), 1);
    assert.equal(epochsToReach([log(0, 0.7), log(1, 0.9)], 0.95), null);
    assert.equal(epochsToReach([], 0.95), null);
  });

  test('stepsPerEpoch: a partial last batch counts; a batch bigger than the set is one step', () => {
    assert.equal(stepsPerEpoch(500, 250), 2);
    assert.equal(stepsPerEpoch(500, 8), 63);
    assert.equal(stepsPerEpoch(500, 1000), 1);
    assert.equal(stepsPerEpoch(500, Number.NaN), 0);
  });

  test('alignCurves puts two runs on one x axis with gaps where a run has no point', () => {
    const { x, ys } = alignCurves([
      { x: [250, 500], y: [0.7, 0.6] },
      { x: [100, 200, 250], y: [0.9, 0.8, 0.5] },
    ]);
    assert.deepEqual(x, [100, 200, 250, 500]);
    assert.deepEqual(ys, [[null, null, 0.7, 0.6], [0.9, 0.8, 0.5, null]]);
  });
});
