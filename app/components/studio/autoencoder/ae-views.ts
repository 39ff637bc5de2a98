/**
 * The arithmetic behind the autoencoder views: pixels as bytes for a canvas, digit colours, the
 * code map's scale, histogram bins and a seeded noise picture.
 * Pure; no tfjs and no React, so the unit tests read it directly.
 */
import { mulberry32 } from '../../../../models/random';

/**
 * One colour per digit 0-9 (the "tab10" palette: distinct on screen and for most colour-blind
 * readers); the legend names each one, so colour is never the only cue.
 */
export const DIGIT_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const;

export const digitColour = (label: number): string => DIGIT_COLOURS[label % DIGIT_COLOURS.length] ?? '#000000';

/** Floats in 0..1 (a model's output may overshoot) as 0..255 bytes for a grey canvas. */
export function toBytes(pixels: Float32Array): Uint8Array {
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = Math.round(255 * Math.min(1, Math.max(0, pixels[i] ?? 0)));
  return out;
}

/** Image `i` of `count` images of `size` floats, as a view. */
export const imageOf = (images: Float32Array, size: number, i: number): Float32Array => images.subarray(i * size, (i + 1) * size);

/** The code map's axes: each axis's range over all points, widened by `margin` (a share) on both sides. */
export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Bounds of 2-D codes (x, y pairs, point after point). A flat axis gets a unit range. */
export function codeBounds(codes: Float32Array, margin = 0.05): Bounds {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i + 1 < codes.length; i += 2) {
    const x = codes[i] ?? 0;
    const y = codes[i + 1] ?? 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!Number.isFinite(minX)) return { minX: -1, maxX: 1, minY: -1, maxY: 1 };
  const widen = (lo: number, hi: number): [number, number] => {
    const span = hi - lo || 1;
    const mid = (hi + lo) / 2;
    return hi - lo === 0 ? [mid - 0.5, mid + 0.5] : [lo - span * margin, hi + span * margin];
  };
  const [x0, x1] = widen(minX, maxX);
  const [y0, y1] = widen(minY, maxY);
  return { minX: x0, maxX: x1, minY: y0, maxY: y1 };
}

/** A code's place on a square canvas of `size` pixels (y grows upwards, as on paper). */
export function toCanvas(x: number, y: number, b: Bounds, size: number): [number, number] {
  return [((x - b.minX) / (b.maxX - b.minX)) * size, size - ((y - b.minY) / (b.maxY - b.minY)) * size];
}

/** The point drawn nearest to canvas position (px, py), or -1 when there are none. */
export function nearestCode(codes: Float32Array, px: number, py: number, b: Bounds, size: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; 2 * i + 1 < codes.length; i++) {
    const [cx, cy] = toCanvas(codes[2 * i] ?? 0, codes[2 * i + 1] ?? 0, b, size);
    const d = (cx - px) ** 2 + (cy - py) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** Counts of `values` in `bins` equal bins over [min, max]; values outside land in the end bins. */
export function histogram(values: ArrayLike<number>, bins: number, min: number, max: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const span = max - min || 1;
  for (let i = 0; i < values.length; i++) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((((values[i] ?? 0) - min) / span) * bins)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

/** Share (0..1) of `errors` below `value`: 1 means worse rebuilt than every hand photo. */
export function shareBelow(errors: ArrayLike<number>, value: number): number {
  if (errors.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < errors.length; i++) if ((errors[i] ?? 0) < value) n++;
  return n / errors.length;
}

/** A picture of uniform random pixels in 0..1 from `seed`: certainly no hand. */
export function noisePicture(size: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: size }, () => rand());
}

/** Mean squared difference per pixel of two pictures (the error the views print). */
export function meanSquaredError(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] ?? 0) - (b[i] ?? 0)) ** 2;
  return a.length ? s / a.length : 0;
}

/** The first `perClass` indices of each label, class after class: a few photos of every digit. */
export function fewPerClass(labels: ArrayLike<number>, perClass: number, classes = 10): number[] {
  const picked: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const list = picked[labels[i] ?? 0];
    if (list && list.length < perClass) list.push(i);
  }
  return picked.flat();
}
