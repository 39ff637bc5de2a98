/**
 * How close a generator's points are to a target distribution (issue 18), pure. The server draws
 * its own noise, has the submitted generator turn it into points (server/scoring/scorer.ts), and
 * this file compares those points with a hidden sample of the target drawn from the server's seed:
 * - the sliced Wasserstein distance: the average, over seeded directions, of the 1-D earth mover's
 *   distance between the two samples projected on that direction (sorting does the matching). It
 *   is 0 for the same distribution and grows with how far the mass has to move, in the points' own
 *   units, so a shifted or a collapsed generator scores worse than one that matches;
 * - modes covered: a mode counts when enough generated points fall near its centre. A collapsed
 *   generator can sit perfectly on one mode and still cover 1 of 8.
 */
import type { ModelChallenge } from './challenges';
import { targetModes } from './gan-data';
import { mulberry32 } from './random';
import type { Score } from './scoring';
import type { Stars } from './stars';

/** The 1-D earth mover's distance of two sorted samples (quantile matching when sizes differ). */
function sortedW1(a: Float64Array, b: Float64Array): number {
  const n = Math.max(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const qa = a[Math.min(a.length - 1, Math.floor(((i + 0.5) * a.length) / n))] ?? 0;
    const qb = b[Math.min(b.length - 1, Math.floor(((i + 0.5) * b.length) / n))] ?? 0;
    sum += Math.abs(qa - qb);
  }
  return sum / n;
}

function project(xy: Float32Array, cos: number, sin: number): Float64Array {
  const n = Math.floor(xy.length / 2);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (xy[2 * i] ?? 0) * cos + (xy[2 * i + 1] ?? 0) * sin;
  return out.sort();
}

export interface SlicedOptions {
  /** Directions averaged over (evenly spaced half-turn, rotated by a seeded offset). */
  projections: number;
  seed: number;
}

/**
 * The sliced Wasserstein-1 distance of two 2-D samples (x, y pairs). Evenly spaced directions
 * (not independent random ones) keep the estimate steady with few of them; the seed only turns
 * the whole fan, so no one can tune a generator to known directions.
 */
export function slicedWasserstein(a: Float32Array, b: Float32Array, opts: SlicedOptions): number {
  if (a.length < 2 || b.length < 2) return Infinity;
  // A generator that overflowed is as far as can be (and NaN would sort anywhere).
  if (!a.every(Number.isFinite) || !b.every(Number.isFinite)) return Infinity;
  const offset = mulberry32(opts.seed)() * Math.PI;
  let sum = 0;
  for (let k = 0; k < opts.projections; k++) {
    const angle = offset + (Math.PI * k) / opts.projections;
    sum += sortedW1(project(a, Math.cos(angle), Math.sin(angle)), project(b, Math.cos(angle), Math.sin(angle)));
  }
  return sum / opts.projections;
}

export interface ModeOptions {
  /** A point is near a mode within this distance of its centre. */
  radius: number;
  /**
   * A mode counts when it holds at least this fraction of the points a perfect generator would
   * put there (points / modes), so a few strays do not cover a mode.
   */
  minShare: number;
}

export interface ModeCoverage {
  /** Modes that hold enough points. */
  covered: number;
  /** Generated points near each mode, in the modes' order. */
  counts: number[];
  /** Fraction of the generated points near some mode (the rest fell between them). */
  nearShare: number;
}

/** How many of `modes` the generated points cover (each point is given to its nearest mode). */
export function modeCoverage(points: Float32Array, modes: readonly (readonly [number, number])[], opts: ModeOptions): ModeCoverage {
  const n = Math.floor(points.length / 2);
  const counts = modes.map(() => 0);
  const r2 = opts.radius * opts.radius;
  let near = 0;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i] ?? 0;
    const y = points[2 * i + 1] ?? 0;
    let best = -1;
    let bestD = r2;
    modes.forEach(([mx, my], m) => {
      const d = (x - mx) ** 2 + (y - my) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = m;
      }
    });
    if (best >= 0) {
      counts[best] = (counts[best] ?? 0) + 1;
      near++;
    }
  }
  const needed = modes.length > 0 ? (opts.minShare * n) / modes.length : Infinity;
  return { covered: counts.filter((c) => c >= needed).length, counts, nearShare: n > 0 ? near / n : 0 };
}

/** How the GAN challenge measures a generator (game/gan-challenges.ts sets the numbers). */
export interface GanScoring {
  /** Directions of the sliced Wasserstein distance, and the seed that turns their fan. */
  projections: number;
  projectionSeed: number;
  /** The distance at which the closeness half of the score reaches 0. */
  distanceScale: number;
  modes: ModeOptions;
}

export interface GanMeasure {
  /** Sliced Wasserstein distance of the generated points to the hidden target sample. */
  distance: number;
  /** Modes of the target the generated points cover, of `modeCount`. */
  modesCovered: number;
  modeCount: number;
  /** Fraction of the generated points near some mode. */
  nearShare: number;
  /** 0..1, higher is better: the mean of closeness (1 - distance / scale, at least 0) and modes covered / modes. */
  score: number;
}

/**
 * The score: half closeness, half modes. Closeness alone would reward a wide blob over the ring
 * (it moves little mass far), and modes alone would not tell a tight ring from a smeared one.
 */
export function ganScore(distance: number, covered: number, modeCount: number, scoring: GanScoring): number {
  const closeness = Number.isFinite(distance) ? Math.max(0, 1 - distance / scoring.distanceScale) : 0;
  const modes = modeCount > 0 ? covered / modeCount : 0;
  return 0.5 * closeness + 0.5 * modes;
}

/** Measures generated points (x, y pairs) against a hidden sample of the target and its modes. */
export function measureGan(points: Float32Array, target: Float32Array, modes: readonly (readonly [number, number])[], scoring: GanScoring): GanMeasure {
  const distance = slicedWasserstein(points, target, { projections: scoring.projections, seed: scoring.projectionSeed });
  const coverage = modeCoverage(points, modes, scoring.modes);
  return {
    distance,
    modesCovered: coverage.covered,
    modeCount: modes.length,
    nearShare: coverage.nearShare,
    score: ganScore(distance, coverage.covered, modes.length, scoring),
  };
}

/**
 * A mode counts when at least a quarter of its fair share of points (2000 / 8 / 4 = 62) lies within
 * 0.25 of its centre (5 standard deviations; half the gap to the next mode is 0.38). Closeness
 * reaches 0 at distance 0.3. Measured on known samples (2000 points against the hidden 2000):
 * another sample of the ring 0.029 (score 0.95), the ring shifted by 0.1 0.079 (0.87), every point
 * on one mode 0.78 (0.06), a Gaussian blob of sd 0.7 0.18 (0.20), four of the eight modes 0.13 (0.54).
 */
export const GAN_SCORING: GanScoring = {
  projections: 32,
  projectionSeed: 5,
  distanceScale: 0.3,
  modes: { radius: 0.25, minShare: 0.25 },
};

/** The generator's points measured against the hidden sample of the challenge's target. */
export function measureGenerator(c: ModelChallenge, points: Float32Array, target: Float32Array): GanMeasure {
  const modes = c.data.type === 'target2d' ? targetModes(c.data.target) : [];
  return measureGan(points, target, modes, GAN_SCORING);
}

/** Stars count up: each rule's score, modes covered and (if set) parameters must all hold. */
export function ganStars(c: ModelChallenge, m: GanMeasure, paramCount: number): Stars {
  let stars: Stars = 0;
  for (const rule of c.stars) {
    if (m.score < rule.minScore - 1e-9) break;
    if (rule.minModes !== undefined && m.modesCovered < rule.minModes) break;
    if (rule.maxParams !== undefined && paramCount > rule.maxParams) break;
    stars = (stars + 1) as Stars;
  }
  return stars;
}

export type GanOutcome =
  | { ok: true; score: Score; stars: Stars; measure: GanMeasure }
  | { ok: false; code: 'scoring/mismatch'; message: string };

/**
 * The outcome of a scored generator: `points` it made from the server's own noise, `target` the
 * hidden sample the server drew. The stored correct / total are the modes covered / modes.
 */
export function ganOutcome(c: ModelChallenge, points: ArrayLike<number> | undefined, target: Float32Array | undefined, paramCount: number): GanOutcome {
  if (c.objective !== 'generate' || c.data.type !== 'target2d') return { ok: false, code: 'scoring/mismatch', message: `${c.id} is not a generating challenge` };
  if (!points || !target) return { ok: false, code: 'scoring/mismatch', message: 'no generated points or no target sample to compare' };
  if (points.length !== target.length || target.length !== 2 * c.data.test) {
    return { ok: false, code: 'scoring/mismatch', message: `got ${points.length / 2} generated points for ${target.length / 2} hidden target points (${c.data.test} expected)` };
  }
  const measure = measureGenerator(c, Float32Array.from(points), target);
  return {
    ok: true,
    score: { score: measure.score, correct: measure.modesCovered, total: measure.modeCount },
    stars: ganStars(c, measure, paramCount),
    measure,
  };
}
