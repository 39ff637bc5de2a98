/**
 * The examples training and scoring take (image splits or float feature vectors) and the pure
 * operations on them. Which examples a challenge uses is game/challenge-data.ts's decision (models/
 * never imports game/). No tfjs, so pages that do not train can use it.
 */
import { mulberry32, shuffled } from './random';
import type { SplitData } from './dataset';

/** Examples as float feature vectors (2-D points, gate inputs). */
export interface FeatureSplit {
  kind: 'features';
  count: number;
  /** Features per example. */
  width: number;
  /** count × width floats, example after example. */
  features: Float32Array;
  labels: Uint8Array;
  /**
   * A sequence: each example is `steps` steps of width / steps features, step after step (the
   * challenge's inputShape [steps, width / steps]); absent for flat feature vectors.
   */
  steps?: number;
}

/** What training and scoring take: images (SplitData) or feature vectors. */
export type Examples = SplitData | FeatureSplit;

export const isFeatureSplit = (e: Examples): e is FeatureSplit => 'kind' in e && e.kind === 'features';

/** Generated 2-D points (game/solo/data2d.ts's Points2d) as a feature split. */
export function pointsToSplit(p: { xy: Float32Array; labels: Uint8Array; count: number }): FeatureSplit {
  return { kind: 'features', count: p.count, width: 2, features: p.xy, labels: p.labels };
}

/** `times` copies of a split, one after another. */
export function repeatSplit(s: FeatureSplit, times: number): FeatureSplit {
  const features = new Float32Array(s.features.length * times);
  const labels = new Uint8Array(s.count * times);
  for (let i = 0; i < times; i++) {
    features.set(s.features, i * s.features.length);
    labels.set(s.labels, i * s.count);
  }
  return { ...s, count: s.count * times, features, labels };
}

/** Keeps the examples of `classes` (digit labels), relabelled 0..n-1 in that order. */
export function filterClasses(split: SplitData, classes: readonly number[]): SplitData {
  const keep: number[] = [];
  for (let i = 0; i < split.count; i++) if (classes.includes(split.labels[i] ?? -1)) keep.push(i);
  const size = split.height * split.width * split.channels;
  const images = new Uint8Array(keep.length * size);
  const labels = new Uint8Array(keep.length);
  keep.forEach((src, dst) => {
    images.set(split.images.subarray(src * size, (src + 1) * size), dst * size);
    labels[dst] = classes.indexOf(split.labels[src] ?? -1);
  });
  return { ...split, count: keep.length, images, labels };
}

/**
 * The first `perClass` examples of each class after a seeded shuffle (the boss's tiny training
 * sets), in class-interleaved order. Classes with fewer examples give what they have.
 */
export function subsamplePerClass(split: SplitData, perClass: number, seed: number): SplitData {
  const rand = mulberry32(seed);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < split.count; i++) {
    const c = split.labels[i] ?? 0;
    byClass.set(c, [...(byClass.get(c) ?? []), i]);
  }
  const picked = [...byClass.keys()].sort((a, b) => a - b).map((c) => shuffled(byClass.get(c) ?? [], rand).slice(0, perClass));
  const order: number[] = [];
  for (let k = 0; k < perClass; k++) {
    for (const list of picked) {
      const i = list[k];
      if (i !== undefined) order.push(i);
    }
  }
  const size = split.height * split.width * split.channels;
  const images = new Uint8Array(order.length * size);
  const labels = new Uint8Array(order.length);
  order.forEach((src, dst) => {
    images.set(split.images.subarray(src * size, (src + 1) * size), dst * size);
    labels[dst] = split.labels[src] ?? 0;
  });
  return { ...split, count: order.length, images, labels };
}
