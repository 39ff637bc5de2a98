/**
 * A boss submission's score: the hidden test set is cut into a public and a private part by a seed
 * derived from the scope (game/boss/scope.ts), so every submission in a scope meets the same cut
 * and the cut survives restarts without being stored. The public accuracy is the score everyone
 * sees; the private one and the accuracy on the player's training set wait for the reveal.
 */
import type { Score } from '../scoring';
import type { BossConfig } from './levels';
import { splitPublicPrivate, subsetAccuracy, type TestSplit } from './rules';

/** A sha256 of UTF-8 text; the caller brings one (game/ has no crypto of its own). */
export type Sha256 = (text: string) => Uint8Array;

/** 32 bits of sha256(`boss-split:<scope>`), little-endian: the scope's cut, the same after a restart. */
export function bossSplitSeed(scope: string, sha256: Sha256): number {
  const d = sha256(`boss-split:${scope}`);
  return ((d[0] ?? 0) | ((d[1] ?? 0) << 8) | ((d[2] ?? 0) << 16) | ((d[3] ?? 0) << 24)) >>> 0;
}

export function bossSplit(seed: number, testLabels: ArrayLike<number>, boss: BossConfig): TestSplit {
  return splitPublicPrivate(testLabels, seed, boss.publicFraction);
}

export interface BossScores {
  /** What the leaderboards and the player see: accuracy on the public part. */
  score: Score;
  privateScore: number;
  trainScore: number;
}

export type BossScoreResult = { ok: true; value: BossScores } | { ok: false; code: 'scoring/mismatch'; message: string };

/** What the server measured for one boss submission, with the labels it loaded itself. */
export interface BossMeasure {
  predictions: ArrayLike<number>;
  testLabels: ArrayLike<number>;
  /** Predictions on the level's tiny training set (absent: the worker did not make them). */
  trainPredictions: ArrayLike<number> | undefined;
  trainLabels: ArrayLike<number> | null;
}

/** Public score now; private and train accuracy kept for the reveal. A count mismatch is an error, not a zero. */
export function scoreBoss(seed: number, boss: BossConfig, m: BossMeasure): BossScoreResult {
  const { predictions, testLabels, trainPredictions, trainLabels } = m;
  if (!trainPredictions || !trainLabels) return { ok: false, code: 'scoring/mismatch', message: 'no training-set predictions' };
  if (predictions.length !== testLabels.length || trainPredictions.length !== trainLabels.length) {
    return { ok: false, code: 'scoring/mismatch', message: 'prediction counts do not match' };
  }
  const split = bossSplit(seed, testLabels, boss);
  const publicAcc = subsetAccuracy(predictions, testLabels, split.publicIdx);
  const all = Array.from({ length: trainLabels.length }, (_, i) => i);
  const score = { score: publicAcc, correct: Math.round(publicAcc * split.publicIdx.length), total: split.publicIdx.length };
  return { ok: true, value: { score, privateScore: subsetAccuracy(predictions, testLabels, split.privateIdx), trainScore: subsetAccuracy(trainPredictions, trainLabels, all) } };
}
