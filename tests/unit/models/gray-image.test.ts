/**
 * The webcam's conversion (models/gray-image.ts) against the committed data set: a data set photo
 * placed in bigger, non-square camera-like frames comes out as the very bytes data/sign-digits holds
 * for it, so a hand reaches the model the way the training photos did.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import jpeg from 'jpeg-js';
import { decodeSplit, manifestSchema, SPLIT_NAMES } from '../../../models/dataset';
import { areaWeights, centreSquare, frameToModelInput, toGray, type RgbFrame } from '../../../models/gray-image';
import { jpegToGray } from '../../../scripts/build-dataset';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DATA = join(ROOT, 'data', 'sign-digits');
const PHOTO = readFileSync(join(ROOT, 'tests', 'fixtures', 'sign-digits', '1-IMG_1119.jpg'));
const SIZE = 64;

/** The committed 64×64 images equal to `pixels`, with their split and label. */
function findInDataset(pixels: Uint8Array): { split: string; label: number }[] {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')));
  const found: { split: string; label: number }[] = [];
  for (const name of SPLIT_NAMES) {
    const split = decodeSplit(readFileSync(join(DATA, `${name}.bin`)), manifest, name);
    const n = SIZE * SIZE;
    for (let i = 0; i < split.count; i++) {
      if (Buffer.compare(Buffer.from(split.images.subarray(i * n, (i + 1) * n)), Buffer.from(pixels)) === 0) found.push({ split: name, label: split.labels[i] as number });
    }
  }
  return found;
}

/** The photo as RGBA, scaled up `scale` times (nearest), in the middle of a width × height frame of noise. */
function cameraFrame(width: number, height: number, scale: number): RgbFrame {
  const img = jpeg.decode(PHOTO, { useTArray: true, formatAsRGBA: false });
  const data = new Uint8ClampedArray(width * height * 4);
  let noise = 12345;
  for (let i = 0; i < data.length; i++) {
    noise = (noise * 1103515245 + 12345) >>> 0;
    data[i] = noise >>> 24; // the part outside the centre square must not count
  }
  const side = img.width * scale;
  const x0 = Math.floor((width - side) / 2);
  const y0 = Math.floor((height - side) / 2);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const src = (Math.floor(y / scale) * img.width + Math.floor(x / scale)) * 3;
      const dst = ((y0 + y) * width + x0 + x) * 4;
      data.set([img.data[src] as number, img.data[src + 1] as number, img.data[src + 2] as number, 255], dst);
    }
  }
  return { data, width, height, channels: 4 };
}

describe('webcam frames in the data set’s grayscale', () => {
  const expected = jpegToGray(PHOTO);

  test('the fixture photo is in the committed data set, labelled 1', () => {
    assert.deepEqual(findInDataset(expected).map((f) => f.label), [1]);
  });

  for (const [width, height, scale] of [[160, 100, 1], [100, 140, 1], [300, 200, 2], [600, 400, 4]] as const) {
    test(`the centre square of a ${width}×${height} frame (photo ×${scale}) gives the data set's bytes`, () => {
      const frame = cameraFrame(width, height, scale);
      assert.equal(centreSquare(width, height).side, 100 * scale, 'the photo fills the centre square');
      assert.deepEqual(Buffer.from(frameToModelInput(frame, SIZE)), Buffer.from(expected));
    });
  }

  test('mirror flips each row and nothing else', () => {
    const frame = cameraFrame(160, 100, 1);
    const plain = frameToModelInput(frame, SIZE);
    const flipped = frameToModelInput(frame, SIZE, true);
    for (let y = 0; y < SIZE; y++) {
      const row = Array.from(plain.subarray(y * SIZE, (y + 1) * SIZE)).reverse();
      assert.deepEqual(Array.from(flipped.subarray(y * SIZE, (y + 1) * SIZE)), row, `row ${y}`);
    }
    assert.notDeepEqual(Array.from(flipped), Array.from(plain));
  });

  test('luma weights and rounding: pure red, green, blue and a half-way average', () => {
    const one = (r: number, g: number, b: number) => toGray({ data: [r, g, b], width: 1, height: 1, channels: 3 }, 1)[0];
    assert.equal(one(255, 0, 0), 76); // 0.299 × 255 = 76.2
    assert.equal(one(0, 255, 0), 150); // 0.587 × 255 = 149.7
    assert.equal(one(0, 0, 255), 29); // 0.114 × 255 = 29.1
    // Two grey pixels 0 and 1 average to 0.5, which rounds up.
    assert.equal(toGray({ data: [0, 0, 0, 1, 1, 1], width: 2, height: 1, channels: 3 }, 1)[0], 1);
  });

  test('area weights cover every source pixel exactly once', () => {
    for (const [inSize, outSize] of [[100, 64], [480, 64], [64, 64], [7, 3]] as const) {
      const cover = new Array<number>(inSize).fill(0);
      for (const taps of areaWeights(inSize, outSize)) for (const [i, w] of taps) cover[i] = (cover[i] as number) + w;
      assert.ok(cover.every((c) => c === outSize), `${inSize} → ${outSize}`);
    }
  });

  test('a region outside the frame is refused', () => {
    assert.throws(() => toGray({ data: new Uint8Array(12), width: 2, height: 2, channels: 3 }, 1, { x: 1, y: 0, side: 2 }), RangeError);
  });
});
