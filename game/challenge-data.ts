/**
 * Which examples a challenge trains and is scored on, the same in the browser and on the server:
 * image splits (filtered to a challenge's classes, a boss level's few images per class), seeded 2-D
 * points, or a logic gate's truth table. Image data comes in decoded; generated data is made here
 * from seeds. The example types and operations are models/challenge-data.ts's.
 */
import { addNoise, asReconstruction, downsampleSplit } from '../models/autoencoder-data';
import { filterClasses, pointsToSplit, repeatSplit, subsamplePerClass, type FeatureSplit } from '../models/challenge-data';
import type { SplitData } from '../models/dataset';
import type { ModelChallenge } from './challenges';
import { gateTable, generate2d } from './solo/data2d';
import { sequenceSplit } from './sequence-data';

/** Public seeds of the generated training and validation sets (the test seed stays on the server). */
export const TRAIN_SEED = 1;
export const VAL_SEED = 2;
/** Public seeds of the denoising level's training and validation noise (the test noise is the server's). */
export const NOISE_SEEDS = { train: 11, val: 12 } as const;

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
  if (d.type === 'sequence') return { train: sequenceSplit(d, 'train', TRAIN_SEED), val: sequenceSplit(d, 'val', VAL_SEED) };
  return null;
}

/** The test examples of a generated challenge from the server's `seed`; null for image challenges. */
export function generatedTest(c: ModelChallenge, seed: number): FeatureSplit | null {
  const d = c.data;
  if (d.type === 'points') return pointsToSplit(generate2d(d.set, { count: d.test, seed, noise: d.noise }));
  if (d.type === 'gate') return pointsToSplit(gateTable(d.gate));
  if (d.type === 'sequence') return sequenceSplit(d, 'test', seed);
  return null;
}

/**
 * An image split as the challenge sees it: its classes only, and for a boss level's training and
 * validation splits, the few images per class it allows (the test split stays whole).
 */
export function forChallenge(c: ModelChallenge, split: SplitData, name: 'train' | 'val' | 'test' = 'test'): SplitData {
  if (c.objective === 'reconstruct') return reconstructionExamples(c, split, name);
  // A GAN of photos learns from every real photo, shrunk to the size it generates.
  if (c.objective === 'generate' && c.data.type === 'images' && c.data.size) return downsampleSplit(split, split.height / c.data.size);
  const classes = c.data.type === 'images' && c.data.classes ? filterClasses(split, c.data.classes) : split;
  if (!c.boss || name === 'test') return classes;
  const perClass = name === 'train' ? c.boss.trainPerClass : c.boss.valPerClass;
  return subsamplePerClass(classes, perClass, c.boss.sampleSeed);
}

/**
 * An autoencoder challenge's photos: shrunk to its input side, the clean photos as targets, and on
 * the denoising level noisy inputs from the public seeds (training, validation). The test photos
 * come back clean: the server adds its own noise (server/scoring/test-split.ts).
 */
function reconstructionExamples(c: ModelChallenge, split: SplitData, name: 'train' | 'val' | 'test'): SplitData {
  const side = c.data.type === 'images' ? (c.data.size ?? split.height) : split.height;
  const small = downsampleSplit(split, split.height / side);
  const noise = c.data.type === 'images' ? c.data.noise : undefined;
  if (noise === undefined || name === 'test') return asReconstruction(small);
  return asReconstruction(small, addNoise(small.images, noise, NOISE_SEEDS[name]));
}
