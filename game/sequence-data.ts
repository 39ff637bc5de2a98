/**
 * The sequence challenges' examples as the models take them: each token one-hot, step after step
 * (inputShape [steps, vocabulary], models/challenge-data.ts's `steps`). Training and validation
 * come from the public seeds, the test set from the server's; a memory test set is one group per
 * star length, in order, so the scorer can read each length's accuracy.
 */
import type { FeatureSplit } from '../models/challenge-data';
import type { ChallengeData } from './challenges';
import { groupAccuracies, lookupSequences, memoryGroups, memorySequences, vocabSize, type SequenceSet } from './sequences';

/** A memory task: the digit after a marker near the start, sequences up to `steps` long. */
export interface MemoryData {
  type: 'sequence';
  task: 'memory';
  /** Input steps; every sequence is left-padded to it. */
  steps: number;
  /**
   * Training and validation lengths run from minLength to steps, as many up to each test length
   * as between it and the next (a third each up to 5, 6-10 and 11-20).
   */
  minLength: number;
  train: number;
  val: number;
  /** The lengths the server scores at, shortest first (one star line each). */
  testLengths: readonly number[];
  testPerLength: number;
}

/** A lookup task: `steps - 1` digits, then a query naming a place; the answer is its digit. */
export interface LookupData {
  type: 'sequence';
  task: 'lookup';
  steps: number;
  train: number;
  val: number;
  test: number;
}

export type SequenceData = MemoryData | LookupData;

/** The model's input shape for a sequence task: [steps, one-hot width]. */
export function sequenceInputShape(d: SequenceData): [number, number] {
  return [d.steps, vocabSize(d.task, d.steps)];
}

/** Token rows as one-hot steps: count × steps × vocabulary floats. */
export function oneHotSplit(set: SequenceSet, vocab: number): FeatureSplit {
  const features = new Float32Array(set.count * set.width * vocab);
  for (let i = 0; i < set.tokens.length; i++) features[i * vocab + (set.tokens[i] ?? 0)] = 1;
  return { kind: 'features', count: set.count, width: set.width * vocab, steps: set.width, features, labels: set.labels };
}

/** The token rows of a task drawn from `seed` (for views that show the tokens, not one-hots). */
export function sequenceSet(d: SequenceData, split: 'train' | 'val' | 'test', seed: number): SequenceSet {
  if (d.task === 'memory') {
    if (split === 'test') return memoryGroups({ seed, width: d.steps, lengths: d.testLengths, perLength: d.testPerLength });
    return memorySequences({ count: split === 'train' ? d.train : d.val, seed, width: d.steps, minLength: d.minLength, maxLength: d.steps, bands: d.testLengths });
  }
  const count = split === 'train' ? d.train : split === 'val' ? d.val : d.test;
  return lookupSequences({ count, seed, digits: d.steps - 1 });
}

export function sequenceSplit(d: SequenceData, split: 'train' | 'val' | 'test', seed: number): FeatureSplit {
  return oneHotSplit(sequenceSet(d, split, seed), vocabSize(d.task, d.steps));
}

/**
 * Accuracy at each scored length of a memory task, keyed by length (the star lines read it); null
 * for other data or when the predictions do not line up with the test groups.
 */
export function lengthScores(d: ChallengeData, predictions: ArrayLike<number>, labels: ArrayLike<number>): Record<number, number> | null {
  if (d.type !== 'sequence' || d.task !== 'memory') return null;
  const m = d;
  if (predictions.length !== labels.length || labels.length !== m.testLengths.length * m.testPerLength) return null;
  const acc = groupAccuracies(predictions, labels, m.testPerLength);
  return Object.fromEntries(m.testLengths.map((length, g) => [length, acc[g] ?? 0]));
}
