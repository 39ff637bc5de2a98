/**
 * The digit GAN studio's pure parts: what the live view asks the generator for (fixed noise, one
 * column per digit), the real photos shown beside it, the training photos the worker gets, and the
 * tiling of photos into one grayscale picture. No tfjs, no DOM.
 */
import { gaussianNoise } from '../../../../models/gan-noise';
import type { GanPhotos } from '../../../../models/gan-conditional';
import { indicesByClass, type SplitData } from '../../../../models/dataset';

/** Generated photos per digit in the view: four rows, so variety (or its absence) shows. */
export const VIEW_ROWS = 4;
/**
 * The view's noise seed. Fixed, so every snapshot shows the same noise through a better generator:
 * a photo changes because the generator learned, not because the noise did.
 */
const VIEW_NOISE_SEED = 20_240_518;

export interface ViewRequest {
  /** VIEW_ROWS × classes noise vectors, row after row. */
  noise: Float32Array;
  /** The digit asked of each: photo i is digit i mod classes, so column c is digit c. */
  classes: Int32Array;
  rows: number;
  cols: number;
}

/** What the view asks the generator for, for a noise size and a class count. */
export function viewRequest(noiseDim: number, classes: number): ViewRequest {
  const cols = Math.max(1, classes);
  const count = VIEW_ROWS * cols;
  return {
    noise: gaussianNoise(count, Math.max(1, noiseDim), VIEW_NOISE_SEED),
    classes: Int32Array.from({ length: count }, (_, i) => i % cols),
    rows: VIEW_ROWS,
    cols,
  };
}

/** The training photos as the worker takes them: values on 0..1 and each photo's digit. */
export function trainingPhotos(split: SplitData): GanPhotos {
  const photos = new Float32Array(split.images.length);
  for (let i = 0; i < photos.length; i++) photos[i] = (split.images[i] ?? 0) / 255;
  return { photos, classes: Int32Array.from(split.labels.subarray(0, split.count)) };
}

/**
 * One real photo of each digit (0..1 values, digit after digit), the first of each in the split;
 * a digit without photos stays black.
 */
export function realRow(split: SplitData, classes: number): Float32Array {
  const size = split.height * split.width * split.channels;
  const out = new Float32Array(classes * size);
  const byClass = indicesByClass(split, classes);
  for (let c = 0; c < classes; c++) {
    const i = byClass[c]?.[0];
    if (i === undefined) continue;
    for (let p = 0; p < size; p++) out[c * size + p] = (split.images[i * size + p] ?? 0) / 255;
  }
  return out;
}

export interface Tiles {
  width: number;
  height: number;
  /** RGBA, as ImageData takes it. */
  data: Uint8ClampedArray<ArrayBuffer>;
}

/** Gap between photos, in photo pixels: white, so neighbouring photos do not run together. */
export const TILE_GAP = 1;

/** The picture's size in pixels for `count` photos of `side`, `cols` across. */
export function tileSize(count: number, side: number, cols: number): { width: number; height: number } {
  const rows = Math.ceil(count / cols);
  return { width: cols * side + (cols - 1) * TILE_GAP, height: Math.max(0, rows * side + (rows - 1) * TILE_GAP) };
}

/**
 * `count` grayscale photos of side × side values on 0..1 (row after row), laid out `cols` across
 * with TILE_GAP white pixels between them. Values outside 0..1 are clipped (a linear generator's
 * output can leave it); NaN draws black.
 */
export function tilePhotos(values: ArrayLike<number>, count: number, side: number, cols: number): Tiles {
  const { width, height } = tileSize(count, side, cols);
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let n = 0; n < count; n++) {
    const x0 = (n % cols) * (side + TILE_GAP);
    const y0 = Math.floor(n / cols) * (side + TILE_GAP);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const v = values[n * side * side + y * side + x] ?? 0;
        const g = Number.isNaN(v) ? 0 : Math.round(Math.min(1, Math.max(0, v)) * 255);
        const o = ((y0 + y) * width + x0 + x) * 4;
        data[o] = g;
        data[o + 1] = g;
        data[o + 2] = g;
      }
    }
  }
  return { width, height, data };
}
