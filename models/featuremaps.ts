/**
 * Pure helpers for showing what a CNN sees: splitting a layer's output into one map per filter,
 * scaling a map to 0..255 grey levels, laying tiles out in a grid, and reading a conv kernel as
 * one small image per filter. No tfjs: FeatureMaps.tsx reads the tensors and hands arrays here.
 */

/** The maps of one [height, width, channels] activation (channels last, as tfjs lays them out). */
export function channelMaps(data: ArrayLike<number>, height: number, width: number, channels: number): Float32Array[] {
  const size = height * width;
  if (data.length < size * channels) {
    throw new Error(`expected ${size * channels} values for ${height}×${width}×${channels}, got ${data.length}`);
  }
  const maps = Array.from({ length: channels }, () => new Float32Array(size));
  for (let p = 0; p < size; p++) {
    for (let c = 0; c < channels; c++) (maps[c] as Float32Array)[p] = data[p * channels + c] ?? 0;
  }
  return maps;
}

/**
 * Min-max scaling to grey levels 0..255, per map, so a weak filter's pattern is still visible.
 * A flat map has no pattern: black when it is zero or negative (a ReLU that never fired), mid-grey
 * otherwise. Non-finite values count as 0.
 */
export function toGray(map: ArrayLike<number>): Uint8ClampedArray {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < map.length; i++) {
    const v = Number.isFinite(map[i]) ? (map[i] as number) : 0;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const out = new Uint8ClampedArray(map.length);
  if (map.length === 0) return out;
  const range = max - min;
  if (range <= 1e-12 * Math.max(1, Math.abs(max))) return out.fill(max > 0 ? 128 : 0);
  for (let i = 0; i < map.length; i++) {
    const v = Number.isFinite(map[i]) ? (map[i] as number) : 0;
    out[i] = Math.round(((v - min) / range) * 255);
  }
  return out;
}

/** Grey levels as opaque RGBA pixels, ready for ImageData. */
export function grayToRgba(gray: ArrayLike<number>): Uint8ClampedArray {
  const out = new Uint8ClampedArray(gray.length * 4);
  for (let i = 0; i < gray.length; i++) {
    const g = gray[i] ?? 0;
    out[i * 4] = g;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = g;
    out[i * 4 + 3] = 255;
  }
  return out;
}

export interface TileGrid {
  columns: number;
  rows: number;
  /** Displayed side of one tile in CSS pixels (maps are square or nearly so). */
  tilePx: number;
}

/**
 * A grid for `count` tiles in a row `maxWidthPx` wide: as square as the width allows, each tile
 * between minPx and maxPx on screen (small maps are scaled up, pixels kept crisp by CSS).
 */
export function tileGrid(count: number, maxWidthPx: number, gapPx = 4, minPx = 24, maxPx = 96): TileGrid {
  if (count <= 0) return { columns: 0, rows: 0, tilePx: maxPx };
  const fit = (cols: number) => Math.floor((maxWidthPx - gapPx * (cols - 1)) / cols);
  let columns = Math.min(count, Math.max(1, Math.ceil(Math.sqrt(count * 2))));
  while (columns > 1 && fit(columns) < minPx) columns--;
  const tilePx = Math.max(minPx, Math.min(maxPx, fit(columns)));
  return { columns, rows: Math.ceil(count / columns), tilePx };
}

/**
 * One k×k image per filter of a conv kernel laid out [k, k, inChannels, filters] (tfjs order).
 * With several input channels the filter's slices are averaged: an overview, not the whole story.
 */
export function kernelTiles(kernel: ArrayLike<number>, kernelSize: number, inChannels: number, filters: number): Float32Array[] {
  const expected = kernelSize * kernelSize * inChannels * filters;
  if (kernel.length !== expected) {
    throw new Error(`expected ${expected} kernel values for ${kernelSize}×${kernelSize}×${inChannels}×${filters}, got ${kernel.length}`);
  }
  const tiles = Array.from({ length: filters }, () => new Float32Array(kernelSize * kernelSize));
  for (let p = 0; p < kernelSize * kernelSize; p++) {
    for (let f = 0; f < filters; f++) {
      let sum = 0;
      for (let c = 0; c < inChannels; c++) sum += kernel[(p * inChannels + c) * filters + f] ?? 0;
      (tiles[f] as Float32Array)[p] = sum / inChannels;
    }
  }
  return tiles;
}

/** Indices of the first example of each class (in class order), then further ones, up to `max`. */
export function pickExamples(labels: ArrayLike<number>, numClasses: number, max: number): number[] {
  const firsts: number[] = [];
  for (let c = 0; c < numClasses; c++) {
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === c) {
        firsts.push(i);
        break;
      }
    }
  }
  const rest: number[] = [];
  for (let i = 0; i < labels.length && firsts.length + rest.length < max; i++) if (!firsts.includes(i)) rest.push(i);
  return [...firsts, ...rest].slice(0, max);
}
