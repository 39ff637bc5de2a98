/**
 * Examples for a challenge, the same in the browser and on the server: image splits (filtered to a
 * challenge's classes), seeded 2-D points, or a logic gate's truth table. Image data comes in
 * decoded; generated data is made here from seeds. No tfjs, so pages that do not train can use it.
 */
import { imageDataset, type ModelChallenge } from '../game/challenges';
import { gateTable, generate2d, type Points2d } from '../game/solo/data2d';
import { mulberry32, shuffled } from '../game/random';
import { imageBytes, type SplitData } from './dataset';

/** Examples as float feature vectors (2-D points, gate inputs). */
export interface FeatureSplit {
  kind: 'features';
  count: number;
  /** Features per example. */
  width: number;
  /** count × width floats, example after example. */
  features: Float32Array;
  labels: Uint8Array;
}

/** What training and scoring take: images (SplitData) or feature vectors. */
export type Examples = SplitData | FeatureSplit;

export const isFeatureSplit = (e: Examples): e is FeatureSplit => 'kind' in e && e.kind === 'features';

/** Public seeds of the generated training and validation sets (the test seed stays on the server). */
export const TRAIN_SEED = 1;
export const VAL_SEED = 2;

export function pointsToSplit(p: Points2d): FeatureSplit {
  return { kind: 'features', count: p.count, width: 2, features: p.xy, labels: p.labels };
}

/** `times` copies of a split, one after another. */
function repeatSplit(s: FeatureSplit, times: number): FeatureSplit {
  const features = new Float32Array(s.features.length * times);
  const labels = new Uint8Array(s.count * times);
  for (let i = 0; i < times; i++) {
    features.set(s.features, i * s.features.length);
    labels.set(s.labels, i * s.count);
  }
  return { ...s, count: s.count * times, features, labels };
}

/** Training and validation examples of a generated challenge; null for image challenges. */
export function generatedSplits(c: ModelChallenge): { train: FeatureSplit; val: FeatureSplit } | null {
  const d = c.data;
  if (d.type === 'points') {
    const make = (count: number, seed: number) => pointsToSplit(generate2d(d.set, { count, seed, noise: d.noise }));
    return { train: make(d.train, TRAIN_SEED), val: make(d.val, VAL_SEED) };
  }
  if (d.type === 'gate') {
    const table = pointsToSplit(gateTable(d.gate));
    return { train: repeatSplit(table, d.repeat), val: table };
  }
  return null;
}

/** The test examples of a generated challenge from the server's `seed`; null for image challenges. */
export function generatedTest(c: ModelChallenge, seed: number): FeatureSplit | null {
  const d = c.data;
  if (d.type === 'points') return pointsToSplit(generate2d(d.set, { count: d.test, seed, noise: d.noise }));
  if (d.type === 'gate') return pointsToSplit(gateTable(d.gate));
  return null;
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
 * An image split as the challenge sees it: its classes only, and for a boss level's training and
 * validation splits, the few images per class it allows (the test split stays whole).
 */
export function forChallenge(c: ModelChallenge, split: SplitData, name: 'train' | 'val' | 'test' = 'test'): SplitData {
  const classes = c.data.type === 'images' && c.data.classes ? filterClasses(split, c.data.classes) : split;
  if (!c.boss || name === 'test') return classes;
  const perClass = name === 'train' ? c.boss.trainPerClass : c.boss.valPerClass;
  return subsamplePerClass(classes, perClass, c.boss.sampleSeed);
}

export { imageBytes, imageDataset };

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
