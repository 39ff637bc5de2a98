/**
 * The augmentation preview's computation (regularize/augment-preview.ts), run in Node on tfjs's CPU
 * backend as the page runs it: no augmentation gives the originals back, a shift moves the pixels,
 * copies and seeds draw differently, the same seed draws the same, and no tensor is left behind.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { augmentPixels, ensureBackend } from '../../../app/challenges/[id]/regularize/augment-preview';

const H = 16;
const W = 16;
const NONE = { shift: 0, rotate: 0, zoom: 0, brightness: 0 };

/** A bright square off the centre on black: any move of it changes pixels. */
function square(offset: number): Uint8Array {
  const px = new Uint8Array(H * W);
  for (let y = 3 + offset; y < 8 + offset; y++) for (let x = 4; x < 10; x++) px[y * W + x] = 200;
  return px;
}
const images = [square(0), square(2), square(4)];
const differs = (a: Uint8Array, b: Uint8Array) => a.some((v, i) => v !== b[i]);

before(async () => {
  await ensureBackend();
  assert.equal(tf.getBackend(), 'cpu');
});

describe('augmentation preview', () => {
  test('without augmentation every copy is the original, pixel for pixel', () => {
    const copies = augmentPixels(images, H, W, NONE, 1, 2);
    assert.equal(copies.length, 2);
    for (const copy of copies) {
      assert.equal(copy.length, images.length);
      copy.forEach((px, i) => assert.deepEqual(px, images[i]));
    }
  });

  test('a shift moves the square; the two copies of one image are drawn differently', () => {
    const [a, b] = augmentPixels(images, H, W, { ...NONE, shift: 0.25 }, 7, 2);
    assert.ok(a && b);
    images.forEach((img, i) => {
      assert.ok(differs(a[i]!, img), `copy 1 of image ${i} moved`);
      assert.ok(differs(a[i]!, b[i]!), `copies of image ${i} differ`);
    });
  });

  test('the same seed gives the same copies; another seed others (the Shuffle button)', () => {
    const settings = { shift: 0.1, rotate: 10, zoom: 0.1, brightness: 0.1 };
    const once = augmentPixels(images, H, W, settings, 3, 1)[0]!;
    const again = augmentPixels(images, H, W, settings, 3, 1)[0]!;
    const other = augmentPixels(images, H, W, settings, 4, 1)[0]!;
    once.forEach((px, i) => assert.deepEqual(px, again[i]));
    assert.ok(once.some((px, i) => differs(px, other[i]!)));
  });

  test('brightness alone changes the values, not where the square is', () => {
    const [copy] = augmentPixels([square(0)], H, W, { ...NONE, brightness: 0.5 }, 11, 1);
    const px = copy![0]!;
    const lit = (p: Uint8Array) => Array.from(p, (v) => v > 100);
    assert.deepEqual(lit(px), lit(square(0)));
    assert.ok(differs(px, square(0)));
  });

  test('no tensor outlives a call', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) augmentPixels(images, H, W, { shift: 0.2, rotate: 20, zoom: 0.2, brightness: 0.2 }, i, 2);
    assert.equal(tf.memory().numTensors, before);
  });

  test('nothing to draw gives nothing back', () => {
    assert.deepEqual(augmentPixels([], H, W, NONE, 1, 2), []);
  });
});
