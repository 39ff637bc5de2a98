/**
 * The overfitting boss's levels: how few training images each gets, how its hidden test set is cut
 * into public and private parts, and how hard the boss hits back. Stars come from the revealed hit.
 */
// Types only: game/challenges.ts imports this module's values.
import type { Stars } from '../stars';
import { PUBLIC_FRACTION, type BossHit, type BossTuning } from './rules';

export interface BossConfig {
  /** Training images per class (the tiny, memorizable set). */
  trainPerClass: number;
  /** Validation images per class (small, visible). */
  valPerClass: number;
  /** Seed of the tiny sets' draw from the full splits (public: the browser draws the same). */
  sampleSeed: number;
  publicFraction: number;
  tuning: BossTuning;
}

export const bossConfig = (trainPerClass: number, baseline: number): BossConfig => ({
  trainPerClass,
  valPerClass: 5,
  sampleSeed: 1,
  publicFraction: PUBLIC_FRACTION,
  tuning: { baseline, full: 0.1, healFactor: 0.1 },
});

/** One star for any damage past the baseline, two for half the health, three for a defeated boss. */
export function bossStars(hit: Pick<BossHit, 'health' | 'damage'>): Stars {
  if (hit.health <= 0) return 3;
  if (hit.health <= 50) return 2;
  return hit.damage > 0 ? 1 : 0;
}
