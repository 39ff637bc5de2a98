/**
 * Facing the boss solo (the one-time reveal): whether the level is open on the player's path, whether
 * the submission that would meet the private part scores no better than guessing, what a second
 * reveal does, and when picks for the private board are taken.
 */
import type { ChallengeId } from '../challenges';
import { isUnlocked, previousOf, type Progress } from '../solo/path';
import type { BossReveal } from './reveal';
import { validateSelection, type BossSubmission, type SelectionError } from './rules';
import type { BossPlace } from './scope';

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

/** Shown as locked on boss:mine: a room's boss is the teacher's pick, so the path gates only solo play. */
export function faceLocked(place: BossPlace, challengeId: ChallengeId, progress: Progress): boolean {
  return place.kind === 'solo' && faceRefusal(challengeId, progress) !== null;
}

export type SoloRevealError = FaceError | { code: 'boss/nothing_to_reveal'; message: string };

/**
 * What facing the boss solo does. It happens once: the first time builds and stores the reveal
 * ('reveal'); every later time gives the stored one back and changes nothing ('replay'). A locked
 * level is refused before either.
 */
export type SoloRevealStep = { kind: 'refuse'; error: SoloRevealError } | { kind: 'replay'; reveal: BossReveal } | { kind: 'reveal' };

export function soloRevealStep(challengeId: ChallengeId, progress: Progress, stored: BossReveal | null): SoloRevealStep {
  const locked = faceRefusal(challengeId, progress);
  if (locked) return { kind: 'refuse', error: locked };
  return stored ? { kind: 'replay', reveal: stored } : { kind: 'reveal' };
}

/** A reveal needs at least one scored submission: the boss fights the player's models. */
export const NOTHING_TO_REVEAL: SoloRevealError = { code: 'boss/nothing_to_reveal', message: 'submit a model first: the boss fights your submissions' };

export type PickError = SelectionError | { code: 'boss/revealed'; message: string };

/**
 * The picks to store for the private board (duplicates dropped), or why not: picks are final once
 * the board is revealed, and at most two of the player's own submissions count.
 */
export function pickStep(revealed: boolean, own: readonly BossSubmission[], selected: readonly string[]): { ok: true; picks: string[] } | { ok: false; error: PickError } {
  if (revealed) return { ok: false, error: { code: 'boss/revealed', message: 'the private board has been revealed; picks are final' } };
  const picks = [...new Set(selected)];
  const bad = validateSelection(own, picks);
  return bad ? { ok: false, error: bad } : { ok: true, picks };
}
