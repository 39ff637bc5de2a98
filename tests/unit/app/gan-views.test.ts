/**
 * The GAN studio's pure parts: the heatmap colour of the discriminator's verdict, the plane's
 * pixel mapping and its inverse (drawing a target), the drawn target's seeded sampler and thinning,
 * the loss chart's thinning, the trainer's state machine, and the modes the live view counts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleTarget, targetModes } from '../../../game/gan-data';
import { addDrawnPoint, dColor, DRAWN_SPREAD, MAX_DRAWN_POINTS, sampleDrawn, toPixel, toPlane } from '../../../app/components/studio/gan/gan-plane';
import { countModes, GAN_VIEW, ganTrainSample, realPoints, scoredTarget, viewNoise, VIEW_POINTS } from '../../../app/components/studio/gan/gan-targets';
import { thinned } from '../../../app/components/studio/gan/gan-protocol';
import { ganReducer, INITIAL_GAN } from '../../../app/components/studio/gan/useGanTrainer';
import { modelChallenge, type ModelChallenge } from '../../../game/challenges';
import type { ModelSpec } from '../../../models/spec';

describe('GAN plane', () => {
  test('the verdict colour: white at 0.5, green towards "real", purple towards "fake", never the full colour', () => {
    assert.deepEqual(dColor(0.5), [255, 255, 255]);
    const real = dColor(1);
    const fake = dColor(0);
    assert.ok(real[1] > real[0] && real[1] > real[2], `green ${real}`);
    assert.ok(fake[2] > fake[1] && fake[0] > fake[1], `purple ${fake}`);
    assert.ok(real[0] > 22 && fake[1] > 51, 'mixed with white');
    assert.deepEqual(dColor(Number.NaN), [255, 255, 255]);
  });

  test('toPlane undoes toPixel; y grows upwards on the plane, downwards on the canvas', () => {
    const [x, y] = toPixel(GAN_VIEW, 360, 0.5, -1);
    assert.ok(x > 180 && y > 180);
    const [px, py] = toPlane(GAN_VIEW, 360, x, y);
    assert.ok(Math.abs(px - 0.5) < 1e-9 && Math.abs(py + 1) < 1e-9);
    assert.deepEqual(toPlane(GAN_VIEW, 360, 0, 0), [GAN_VIEW.min, GAN_VIEW.max]);
  });

  test('a drawn target: points spread around every drawn point, the same for the same seed', () => {
    const drawn = [[0.5, 0.5], [-0.5, -0.5]] as const;
    const a = sampleDrawn(drawn, 200, 3);
    assert.deepEqual(a, sampleDrawn(drawn, 200, 3));
    assert.notDeepEqual(a, sampleDrawn(drawn, 200, 4));
    for (let i = 0; i < 200; i++) {
      const [cx, cy] = drawn[i % 2] as readonly [number, number];
      assert.ok(Math.hypot((a[2 * i] ?? 0) - cx, (a[2 * i + 1] ?? 0) - cy) < 6 * DRAWN_SPREAD, `point ${i} near its drawn point`);
    }
    assert.deepEqual(sampleDrawn([], 3, 1), new Float32Array(6));
  });

  test('a drag is thinned and a drawing stops at its limit', () => {
    let d = addDrawnPoint([], [0, 0], 0.05);
    d = addDrawnPoint(d, [0.01, 0], 0.05);
    assert.equal(d.length, 1, 'too close to the last point');
    d = addDrawnPoint(d, [0.1, 0], 0.05);
    assert.equal(d.length, 2);
    const full = Array.from({ length: MAX_DRAWN_POINTS }, (_, i) => [i, 0] as const);
    assert.equal(addDrawnPoint(full, [-5, -5], 0.05).length, MAX_DRAWN_POINTS);
  });
});

describe('GAN studio data and state', () => {
  test('the scored target and its public training sample come from the challenge', () => {
    const gan = modelChallenge('gan' as never) as ModelChallenge | undefined;
    assert.ok(gan, 'the gan challenge exists');
    assert.equal(gan.objective, 'generate');
    const target = scoredTarget(gan);
    const sample = ganTrainSample(gan);
    assert.ok(sample.length >= 200, `${sample.length / 2} training points`);
    assert.deepEqual(sample, ganTrainSample(gan), 'same points every time');
    assert.deepEqual(realPoints(target, [], 10, 5), sampleTarget(target, 10, 5));
    assert.equal(realPoints('drawn', [], 10, 5).length, 0, 'nothing drawn, no real points');
    assert.equal(realPoints('drawn', [[0, 0]], 10, 5).length, 20);
    assert.equal(viewNoise(3).length, VIEW_POINTS * 3);
  });

  test('modes covered: all 8 for a copy of the ring, 1 for a generator sat on one mode, none to count on the moons', () => {
    const ring = sampleTarget('ring', 512, 11);
    assert.deepEqual(countModes('ring', ring), { covered: 8, total: 8 });
    const [mx, my] = targetModes('ring')[0] as [number, number];
    const collapsed = new Float32Array(512 * 2).map((_, i) => (i % 2 === 0 ? mx : my));
    assert.deepEqual(countModes('ring', collapsed), { covered: 1, total: 8 });
    assert.equal(countModes('moons', ring), null);
    assert.equal(countModes('drawn', ring), null);
    assert.equal(countModes('ring', null), null);
  });

  test('the loss chart keeps at most its limit of points, the newest always', () => {
    const pts = Array.from({ length: 1001 }, (_, i) => i);
    const out = thinned(pts, 100);
    assert.ok(out.length <= 101, `${out.length}`);
    assert.equal(out.at(-1), 1000);
    assert.deepEqual(thinned([1, 2], 100), [1, 2]);
  });

  test('the trainer: a run starts, collects losses and snapshots, ends with the weights; a new run starts clean', () => {
    const spec = { version: 1 } as unknown as ModelSpec;
    let s = ganReducer(INITIAL_GAN, { type: 'start', spec, target: 'ring' });
    assert.equal(s.phase, 'starting');
    s = ganReducer(s, { type: 'backend', choice: { backend: 'wasm', software: false, reasons: [] }, totalSteps: 40 });
    assert.equal(s.phase, 'training');
    assert.equal(s.totalSteps, 40);
    s = ganReducer(s, { type: 'losses', points: [{ step: 1, dLoss: 1.3, gLoss: 0.7 }, { step: 2, dLoss: 1.2, gLoss: 0.8 }], elapsedMs: 50 });
    s = ganReducer(s, { type: 'losses', points: [{ step: 3, dLoss: 1.1, gLoss: 0.9 }], elapsedMs: 80 });
    assert.deepEqual(s.losses.map((p) => p.step), [1, 2, 3]);
    const snapshot = { step: 3, fake: new Float32Array(4), grid: new Float32Array(4) };
    s = ganReducer(s, { type: 'snapshot', snapshot });
    assert.equal(s.snapshot, snapshot);
    s = ganReducer(s, { type: 'stop' });
    assert.equal(s.phase, 'stopping');
    s = ganReducer(s, { type: 'backend', choice: { backend: 'wasm', software: false, reasons: [] }, totalSteps: 40 });
    assert.equal(s.phase, 'stopping', 'a late backend message does not undo Stop');
    const weights = new ArrayBuffer(8);
    s = ganReducer(s, { type: 'done', stopped: true, steps: 3, elapsedMs: 90, weights, snapshot });
    assert.equal(s.phase, 'done');
    assert.equal(s.result?.weights, weights);
    assert.equal(ganReducer(s, { type: 'stop' }), s, 'Stop after the end changes nothing');
    const next = ganReducer(s, { type: 'start', spec, target: 'drawn' });
    assert.equal(next.runId, s.runId + 1);
    assert.deepEqual(next.losses, []);
    assert.equal(next.result, null);
    assert.equal(ganReducer(next, { type: 'error', message: 'boom' }).error, 'boom');
  });
});
