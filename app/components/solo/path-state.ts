/**
 * What the path page and the home page show from a player's progress: each challenge's stars and
 * lock, where to go next, and the totals. Pure, on top of game/solo/path's unlock rule.
 */
import { BOSS_IDS } from '../../../game/challenges';
import { isUnlocked, previousOf, SOLO_PATH, type Progress, type SoloChallengeId } from '../../../game/solo/path';
import type { Stars } from '../../../game/stars';

export const MAX_STARS = 3;

export interface PathStop {
  id: SoloChallengeId;
  /** 1-based place on the path. */
  number: number;
  stars: Stars;
  unlocked: boolean;
  /** The challenge to win first, for a locked stop (null for the first). */
  previous: SoloChallengeId | null;
}

/** Every stop of the path. A visitor without a player has no progress: only the first is open. */
export function pathStops(progress: Progress): PathStop[] {
  return SOLO_PATH.map((id, i) => ({
    id,
    number: i + 1,
    stars: progress[id] ?? 0,
    unlocked: isUnlocked(id, progress),
    previous: i > 0 ? (SOLO_PATH[i - 1] ?? null) : null,
  }));
}

/** The boss levels after the path, each opened by a star on the one before it (game/solo/path). */
export function bossStops(progress: Progress): PathStop[] {
  return BOSS_IDS.map((id, i) => ({ id, number: i + 1, stars: progress[id] ?? 0, unlocked: isUnlocked(id, progress), previous: previousOf(id) }));
}

/**
 * Where "continue" leads: the first open challenge without a star; else the first one short of three
 * stars; null once every challenge has three.
 */
export function nextChallenge(progress: Progress): SoloChallengeId | null {
  const stops = pathStops(progress);
  return stops.find((s) => s.unlocked && s.stars === 0)?.id ?? stops.find((s) => s.stars < MAX_STARS)?.id ?? null;
}

/** The challenge after `id` on the path, or null for the last. */
export function followingChallenge(id: SoloChallengeId): SoloChallengeId | null {
  const i = (SOLO_PATH as readonly string[]).indexOf(id);
  return i >= 0 ? (SOLO_PATH[i + 1] ?? null) : null;
}

export function pathTotals(progress: Progress): { stars: number; maxStars: number; won: number; total: number } {
  const stars = SOLO_PATH.map((id) => progress[id] ?? 0);
  return {
    stars: stars.reduce<number>((a, b) => a + b, 0),
    maxStars: SOLO_PATH.length * MAX_STARS,
    won: stars.filter((s) => s > 0).length,
    total: SOLO_PATH.length,
  };
}
