/**
 * The digit GAN studio's pure parts (app/components/studio/gan-digits/digit-view.ts): the view's
 * fixed noise and its digit per column, the tiling of photos into one grayscale picture, the
 * training photos the worker gets, the real photo of each digit, and the shared trainer's state
 * machine with the digit GAN's snapshots.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { realRow, tilePhotos, tileSize, TILE_GAP, trainingPhotos, viewRequest, VIEW_ROWS } from '../../../app/components/studio/gan-digits/digit-view';
import type { DigitSnapshot } from '../../../app/components/studio/gan-digits/digit-gan-protocol';
import { ganReducer, initialGan } from '../../../app/components/studio/gan/useGanTrainer';
import type { SplitData } from '../../../models/dataset';
import type { ModelSpec } from '../../../models/spec';

/** A split of `labels.length` photos of side 2, photo i filled with the value 10 * i + 5. */
function split(labels: number[]): SplitData {
  const images = Uint8Array.from({ length: labels.length * 4 }, (_, p) => 10 * Math.floor(p / 4) + 5);
  return { count: labels.length, height: 2, width: 2, channels: 1, images, labels: Uint8Array.from(labels) };
}

describe('the digit GAN view', () => {
  test('four rows of ten: column c asks for digit c, from the same noise every time', () => {
    const v = viewRequest(16, 10);
    assert.equal(v.rows, VIEW_ROWS);
    assert.equal(VIEW_ROWS, 4);
    assert.equal(v.cols, 10);
    assert.equal(v.classes.length, 40);
    assert.equal(v.noise.length, 40 * 16);
    for (let i = 0; i < 40; i++) assert.equal(v.classes[i], i % 10, `photo ${i}`);
    assert.deepEqual(viewRequest(16, 10).noise, v.noise, 'fixed noise: every snapshot and every run the same');
    assert.equal(viewRequest(8, 10).noise.length, 40 * 8, 'one vector per photo at the noise size of the run');
    assert.ok(v.noise.some((x) => x !== 0) && v.noise.every(Number.isFinite));
    // Gaussian: about mean 0 and variance 1 over 640 values.
    const mean = v.noise.reduce((a, b) => a + b, 0) / v.noise.length;
    const variance = v.noise.reduce((a, b) => a + (b - mean) ** 2, 0) / v.noise.length;
    assert.ok(Math.abs(mean) < 0.15 && Math.abs(variance - 1) < 0.2, `mean ${mean}, variance ${variance}`);
  });

  test('tiling: ten 16×16 photos across with a white gap, four rows down', () => {
    assert.deepEqual(tileSize(40, 16, 10), { width: 10 * 16 + 9 * TILE_GAP, height: 4 * 16 + 3 * TILE_GAP });
    assert.deepEqual(tileSize(10, 16, 10), { width: 169, height: 16 });
    const side = 2;
    // Photo n is all n / 10; photo 3 holds one value above 1 and one NaN.
    const values = Float32Array.from({ length: 6 * 4 }, (_, p) => Math.floor(p / 4) / 10);
    values[12] = 1.7;
    values[13] = Number.NaN;
    const t = tilePhotos(values, 6, side, 3);
    assert.equal(t.width, 3 * 2 + 2 * TILE_GAP);
    assert.equal(t.height, 2 * 2 + TILE_GAP);
    assert.equal(t.data.length, t.width * t.height * 4);
    const px = (x: number, y: number) => Array.from(t.data.subarray((y * t.width + x) * 4, (y * t.width + x) * 4 + 4));
    assert.deepEqual(px(0, 0), [0, 0, 0, 255], 'photo 0: black');
    const x1 = side + TILE_GAP;
    assert.deepEqual(px(x1 + 1, 1), [26, 26, 26, 255], 'photo 1 (0.1) at the second column');
    assert.deepEqual(px(side, 0), [255, 255, 255, 255], 'the gap between columns is white');
    assert.deepEqual(px(0, side), [255, 255, 255, 255], 'the gap between rows is white');
    const y1 = side + TILE_GAP;
    assert.deepEqual(px(0, y1), [255, 255, 255, 255], 'photo 3, first pixel: clipped to 1');
    assert.deepEqual(px(1, y1), [0, 0, 0, 255], 'photo 3, second pixel: NaN draws black');
    assert.deepEqual(px(2 * x1, y1), [128, 128, 128, 255], 'photo 5 (0.5) at row 2, column 3');
  });

  test('the training photos on 0..1 with their digits; one real photo of each digit, the first of each', () => {
    const s = split([2, 0, 2, 1]);
    const { photos, classes } = trainingPhotos(s);
    assert.equal(photos.length, 16);
    assert.ok(Math.abs((photos[0] ?? 0) - 5 / 255) < 1e-6 && Math.abs((photos[15] ?? 0) - 35 / 255) < 1e-6);
    assert.deepEqual(Array.from(classes), [2, 0, 2, 1]);
    assert.ok(classes instanceof Int32Array);
    const row = realRow(s, 4);
    assert.equal(row.length, 4 * 4);
    const first = (c: number) => Math.round((row[c * 4] ?? 0) * 255);
    assert.deepEqual([0, 1, 2].map(first), [15, 35, 5], 'digit 0 is photo 1, digit 1 photo 3, digit 2 photo 0');
    assert.deepEqual(Array.from(row.subarray(12)), [0, 0, 0, 0], 'a digit with no photo stays black');
  });

  test("the shared trainer's state machine carries the digit GAN's photos", () => {
    const spec = { version: 1 } as unknown as ModelSpec;
    let s = ganReducer<DigitSnapshot>(initialGan<DigitSnapshot>(), { type: 'start', spec, target: 'photos' });
    assert.equal(s.phase, 'starting');
    assert.equal(s.snapshot, null);
    const snapshot: DigitSnapshot = { step: 0, fakes: new Float32Array(40 * 256) };
    s = ganReducer(s, { type: 'snapshot', snapshot });
    assert.equal(s.snapshot?.step, 0);
    const last: DigitSnapshot = { step: 23, fakes: new Float32Array(40 * 256).fill(0.5) };
    s = ganReducer(s, { type: 'done', stopped: false, steps: 23, elapsedMs: 900, weights: new ArrayBuffer(4), snapshot: last });
    assert.equal(s.phase, 'done');
    assert.equal(s.snapshot, last);
    const next = ganReducer(s, { type: 'start', spec, target: 'photos' });
    assert.equal(next.snapshot, null, 'a new run starts without the last run’s photos');
    assert.equal(next.runId, s.runId + 1);
  });
});
