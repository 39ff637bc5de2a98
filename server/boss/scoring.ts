/**
 * Scoring a boss level's submission: the hidden test set is cut into a public and a private part by
 * a seed derived from the scope (a room's round, or the solo level), so every submission in a scope
 * meets the same cut and no client can learn it. The public accuracy is the score everyone sees; the
 * private one and the accuracy on the player's training set wait in the row until the reveal.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { BossConfig } from '../../game/boss/levels';
import { splitPublicPrivate, subsetAccuracy, type TestSplit } from '../../game/boss/rules';
import type { Score } from '../../game/scoring';
import { submissions, type SubmissionRow } from '../../drizzle/schema';
import type { Db } from '../db';

/** `room:<code>:<round>` for a round's submission, `solo:<challengeId>` otherwise. */
export function bossScope(sub: Pick<SubmissionRow, 'challengeId' | 'roomCode' | 'roundNumber'>): string {
  return sub.roomCode && sub.roundNumber !== null ? `room:${sub.roomCode}:${sub.roundNumber}` : `solo:${sub.challengeId}`;
}

/** A 32-bit seed from the scope (sha256), so a round's cut survives restarts without being stored. */
export function splitSeed(scope: string): number {
  return createHash('sha256').update(`boss-split:${scope}`).digest().readUInt32LE(0);
}

export function bossSplit(scope: string, testLabels: ArrayLike<number>, boss: BossConfig): TestSplit {
  return splitPublicPrivate(testLabels, splitSeed(scope), boss.publicFraction);
}

export interface BossScores {
  /** What the leaderboards and the player see: accuracy on the public part. */
  score: Score;
  privateScore: number;
  trainScore: number;
}

export function judgeBoss(
  scope: string,
  boss: BossConfig,
  predictions: ArrayLike<number>,
  testLabels: ArrayLike<number>,
  trainPredictions: ArrayLike<number>,
  trainLabels: ArrayLike<number>,
): BossScores {
  const split = bossSplit(scope, testLabels, boss);
  const publicAcc = subsetAccuracy(predictions, testLabels, split.publicIdx);
  const all = Array.from({ length: trainLabels.length }, (_, i) => i);
  return {
    score: { score: publicAcc, correct: Math.round(publicAcc * split.publicIdx.length), total: split.publicIdx.length },
    privateScore: subsetAccuracy(predictions, testLabels, split.privateIdx),
    trainScore: subsetAccuracy(trainPredictions, trainLabels, all),
  };
}

/** In the transaction that records the public score. */
export function recordBossScores(db: Db, submissionId: string, s: Pick<BossScores, 'privateScore' | 'trainScore'>): void {
  db.update(submissions).set({ privateScore: s.privateScore, trainScore: s.trainScore }).where(eq(submissions.id, submissionId)).run();
}
