import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  animationDuration, heatColor, heatmapPixels, LR_MAX, LR_MIN, LR_SLIDER_MAX, lrFromSlider, parseLr, plotTransform,
  raceVerdict, sliderFromLr, surfaceField, visiblePoints,
} from '../../../app/challenges/[id]/play/race-view';
import { race } from '../../../game/solo/optimizers';
import { raceEntrySchema } from '../../../game/solo/play';
import { SURFACES } from '../../../game/solo/surfaces';

describe('learning-rate slider', () => {
  test('its ends are the range the server accepts', () => {
    assert.equal(lrFromSlider(0), LR_MIN);
    assert.equal(lrFromSlider(LR_SLIDER_MAX), LR_MAX);
    assert.equal(lrFromSlider(-5), LR_MIN);
    assert.equal(lrFromSlider(LR_SLIDER_MAX + 9), LR_MAX);
  });

  test('every position is a learning rate the server accepts, increasing, and round-trips', () => {
    let previous = 0;
    for (let p = 0; p <= LR_SLIDER_MAX; p++) {
      const lr = lrFromSlider(p);
      assert.ok(lr > previous, `position ${p}: ${lr} after ${previous}`);
      previous = lr;
      assert.equal(sliderFromLr(lr), p);
      const entry = { kind: 'race', surfaces: Object.fromEntries(['bowl', 'ravine', 'saddle', 'rosenbrock'].map((s) => [s, { optimizer: 'adam', learningRate: lr, momentum: 0.9 }])) };
      assert.ok(raceEntrySchema.safeParse(entry).success, `lr ${lr} refused`);
    }
  });

  test('typed values are read with a decimal comma and clamped into the range', () => {
    assert.equal(parseLr('0,05'), 0.05);
    assert.equal(parseLr(' 3e-2 '), 0.03);
    assert.equal(parseLr('50'), LR_MAX);
    assert.equal(parseLr('0.00001'), LR_MIN);
    assert.equal(parseLr('abc'), null);
    assert.equal(parseLr('-1'), null);
    assert.equal(parseLr(''), null);
  });
});

describe('plot transform', () => {
  test('the view box corners land on the canvas corners, y up, and back', () => {
    const tr = plotTransform([-2, 2, -1, 3], 200, 100);
    assert.deepEqual(tr.toPx([-2, 3]), [0, 0]);
    assert.deepEqual(tr.toPx([2, -1]), [200, 100]);
    assert.deepEqual(tr.toWorld(100, 50), [0, 1]);
    const [x, y] = tr.toWorld(...tr.toPx([0.3, 1.7]));
    assert.ok(Math.abs(x - 0.3) < 1e-12 && Math.abs(y - 1.7) < 1e-12);
  });
});

describe('heat map', () => {
  test('colours run from the dark valley to pale heights, clamped', () => {
    assert.deepEqual(heatColor(0), [30, 27, 75]);
    assert.deepEqual(heatColor(1), [253, 245, 200]);
    assert.deepEqual(heatColor(-3), heatColor(0));
    assert.deepEqual(heatColor(NaN), heatColor(0));
    const sum = (c: number[]) => c[0]! + c[1]! + c[2]!;
    assert.ok(sum(heatColor(0.25)) < sum(heatColor(0.75)));
  });

  for (const s of Object.values(SURFACES)) {
    test(`${s.id}: the field is 0..1 and darkest at the minimum`, () => {
      const w = 40;
      const h = 40;
      const field = surfaceField(s, w, h);
      const values = [...field];
      assert.ok(values.every((v) => v >= 0 && v <= 1));
      assert.equal(Math.max(...values), 1);
      const [mx, my] = plotTransform(s.view, w, h).toPx(s.minima[0]!);
      const atMin = field[Math.min(h - 1, Math.floor(my)) * w + Math.min(w - 1, Math.floor(mx))]!;
      assert.ok(atMin < 0.1, `${s.id} at its minimum: ${atMin}`);
      const px = heatmapPixels(field, w, h);
      assert.equal(px.length, w * h * 4);
      assert.ok([...px].filter((_, i) => i % 4 === 3).every((a) => a === 255));
    });
  }

  test('contour lines darken the pixels where a band changes', () => {
    const field = new Float32Array([0.05, 0.05, 0.95, 0.95]);
    const px = heatmapPixels(field, 4, 1, 2);
    // pixel 1 borders pixel 2 (band 0 → 1): darker than pixel 0, same colour otherwise.
    assert.ok(px[4]! < px[0]!);
    assert.equal(px[8], px[12]);
  });
});

describe('race verdict and animation', () => {
  test('arrived, diverged, timed out', () => {
    assert.deepEqual(raceVerdict(race(SURFACES.bowl, { optimizer: 'gd', learningRate: 0.1, momentum: 0 }, 1)), { kind: 'arrived', steps: 17 });
    const d = raceVerdict(race(SURFACES.ravine, { optimizer: 'gd', learningRate: 0.5, momentum: 0 }, 1));
    assert.equal(d.kind, 'diverged');
    assert.deepEqual(raceVerdict(race(SURFACES.bowl, { optimizer: 'gd', learningRate: 1e-4, momentum: 0 }, 1)), { kind: 'timeout' });
  });

  test('the animation starts with the start point and ends with the whole path', () => {
    for (const n of [1, 2, 5, 40, 2001]) {
      assert.equal(visiblePoints(n, 0), 1);
      assert.equal(visiblePoints(n, animationDuration(n)), n);
      assert.equal(visiblePoints(n, 1e9), n);
      if (n > 1) assert.ok(visiblePoints(n, animationDuration(n) - 1) < n || animationDuration(n) === 0);
    }
    assert.equal(visiblePoints(0, 100), 0);
    assert.ok(animationDuration(2001) <= 3_000);
  });
});
