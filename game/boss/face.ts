/**
 * Facing the boss solo (the one-time reveal): whether the level is open on the player's path, and
 * whether the submission that would meet the private part scores no better than guessing.
 */
import type { ChallengeId } from '../challenges';
import { isUnlocked, previousOf, type Progress } from '../solo/path';

/** Fewest points above chance that count as learning, however big the public part. */
export const NEAR_CHANCE_MIN_MARGIN = 0.03;

/**
 * True when `accuracy` on `total` public images is within what a model guessing among `numClasses`
 * could score by luck: below chance plus two standard errors of a guesser's accuracy (about 95 % of
 * guessers stay under it), and never less than NEAR_CHANCE_MIN_MARGIN. Ten classes, 120 public
 * images: chance is 10 %, the band goes up to 15.5 % (18 of 120).
 */
export function nearChance(accuracy: number, numClasses: number, total: number): boolean {
  if (!Number.isFinite(accuracy) || numClasses < 2) return false;
  const chance = 1 / numClasses;
  const n = Math.max(1, total);
  const margin = Math.max(NEAR_CHANCE_MIN_MARGIN, 2 * Math.sqrt((chance * (1 - chance)) / n));
  return accuracy <= chance + margin;
}

export type FaceError = { code: 'boss/locked'; message: string };

/**
 * A boss level still locked on the player's path (no star yet on the level before it) cannot be faced:
 * the reveal is spent once, so it waits until the level is open. Null: it may be faced.
 */
export function faceRefusal(challengeId: ChallengeId, progress: Progress): FaceError | null {
  if (isUnlocked(challengeId, progress)) return null;
  const previous = previousOf(challengeId);
  return { code: 'boss/locked', message: `this boss level is locked: earn a star on ${previous ?? 'the level before'} first` };
}
