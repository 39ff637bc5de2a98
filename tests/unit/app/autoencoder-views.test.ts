/** The arithmetic of the autoencoder views (app/components/studio/autoencoder/ae-views.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeBounds, DIGIT_COLOURS, fewPerClass, histogram, meanSquaredError, nearestCode, noisePicture, shareBelow, toBytes, toCanvas } from '../../../app/components/studio/autoencoder/ae-views';

describe('autoencoder views', () => {
  test('pixels: floats 0..1 to bytes, clamped', () => {
    assert.deepEqual([...toBytes(Float32Array.from([0, 0.5, 1, -0.2, 1.7]))], [0, 128, 255, 0, 255]);
  });

  test('ten distinct digit colours', () => {
    assert.equal(new Set(DIGIT_COLOURS).size, 10);
  });

  test('code map: bounds with a margin, y upwards, the nearest point picked', () => {
    const codes = Float32Array.from([0, 0, 10, 0, 10, 10]);
    const b = codeBounds(codes, 0);
    assert.deepEqual(b, { minX: 0, maxX: 10, minY: 0, maxY: 10 });
    assert.deepEqual(toCanvas(0, 0, b, 100), [0, 100]);
    assert.deepEqual(toCanvas(10, 10, b, 100), [100, 0]);
    assert.equal(nearestCode(codes, 95, 5, b, 100), 2);
    assert.equal(nearestCode(codes, 90, 99, b, 100), 1);
    const wide = codeBounds(codes, 0.1);
    assert.ok(wide.minX < 0 && wide.maxX > 10);
    // One point, or all on a line: the flat axis gets a range, never a division by zero.
    const flat = codeBounds(Float32Array.from([3, 5, 3, 5]));
    assert.ok(flat.maxX > flat.minX && flat.maxY > flat.minY);
    assert.equal(nearestCode(new Float32Array(0), 1, 1, b, 100), -1);
  });

  test('histogram and share below: every value counted once, outliers in the end bins', () => {
    const counts = histogram([0, 0.1, 0.5, 0.99, 1, 7, -3], 2, 0, 1);
    assert.deepEqual(counts, [3, 4]);
    assert.equal(shareBelow([1, 2, 3, 4], 3.5), 0.75);
    assert.equal(shareBelow([], 1), 0);
  });

  test('noise is seeded and in 0..1; MSE of a picture with itself is 0', () => {
    const a = noisePicture(64, 7);
    assert.deepEqual(a, noisePicture(64, 7));
    assert.notDeepEqual(a, noisePicture(64, 8));
    assert.ok(a.every((v) => v >= 0 && v < 1));
    assert.equal(meanSquaredError(a, a), 0);
    assert.ok(Math.abs(meanSquaredError(Float32Array.from([0, 1]), Float32Array.from([1, 1])) - 0.5) < 1e-9);
  });

  test('a few photos of every digit, class after class', () => {
    assert.deepEqual(fewPerClass([1, 0, 1, 2, 0, 1, 2], 2, 3), [1, 4, 0, 2, 3, 6]);
  });
});
