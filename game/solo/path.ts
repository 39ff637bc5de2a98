/**
 * The solo path: challenges in teaching order, stars from a score, and which challenges a player may
 * open. A room's host may pick any challenge; the path gates only solo play.
 */
import { PATH_IDS, type ChallengeId } from '../challenges';
import type { Stars } from '../stars';
import { race, type RaceSettings } from './optimizers';
import { SURFACES, type SurfaceId } from './surfaces';

export const SOLO_PATH = PATH_IDS;
/** Each boss level opens with a star on the challenge before it (the first: Sign Digits 0 vs 1). */
const BOSS_AFTER: Readonly<Partial<Record<ChallengeId, ChallengeId>>> = { 'boss-1': 'sign-01', 'boss-2': 'boss-1', 'boss-3': 'boss-2' };
export type SoloChallengeId = ChallengeId;
export type { Stars };

/**
 * Score needed for one, two and three stars. `higherIsBetter` false means fewer is better (steps,
 * epochs): the thresholds then are maxima.
 */
export interface StarThresholds {
  higherIsBetter: boolean;
  one: number;
  two: number;
  three: number;
}

export function starsFor(score: number | null, t: StarThresholds): Stars {
  if (score === null || !Number.isFinite(score)) return 0;
  const meets = (bar: number) => (t.higherIsBetter ? score >= bar : score <= bar);
  return meets(t.three) ? 3 : meets(t.two) ? 2 : meets(t.one) ? 1 : 0;
}

/** Best stars per challenge a player has earned (missing = 0). */
export type Progress = Partial<Record<SoloChallengeId, Stars>>;

/** The first challenge is open; each later one opens once the one before has at least one star. */
export function isUnlocked(id: SoloChallengeId, progress: Progress): boolean {
  const previous = previousOf(id);
  return previous === null || (progress[previous] ?? 0) >= 1;
}

/** The challenge whose star opens `id` (null for the first on the path). */
export function previousOf(id: SoloChallengeId): SoloChallengeId | null {
  const after = BOSS_AFTER[id];
  if (after) return after;
  const i = (SOLO_PATH as readonly string[]).indexOf(id);
  return i > 0 ? (SOLO_PATH[i - 1] ?? null) : null;
}

/** Keeps the better of the stored and the new stars (progress never goes down). */
export function mergeStars(progress: Progress, id: SoloChallengeId, stars: Stars): Progress {
  return (progress[id] ?? 0) >= stars ? progress : { ...progress, [id]: stars };
}

/**
 * Steps to the minimum for one, two and three stars on each race surface. Set from a sweep of all
 * seven optimizers over learning rates 0.001-1 (and momentum 0.5-0.95), seed 1: three stars needs
 * about the best any optimizer did, one star what a tuned plain GD manages.
 */
export const RACE_STARS: Readonly<Record<SurfaceId, StarThresholds>> = {
  bowl: { higherIsBetter: false, one: 200, two: 20, three: 4 },
  ravine: { higherIsBetter: false, one: 150, two: 30, three: 10 },
  saddle: { higherIsBetter: false, one: 300, two: 30, three: 10 },
  rosenbrock: { higherIsBetter: false, one: 800, two: 200, three: 80 },
};

/** Server-side scoring of a race entry: replays the player's settings; never trusts their count. */
export function scoreRace(surface: SurfaceId, settings: RaceSettings, seed: number): { steps: number | null; stars: Stars } {
  const { steps } = race(SURFACES[surface], settings, seed);
  return { steps, stars: starsFor(steps, RACE_STARS[surface]) };
}
