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
import { mulberry32 } from './random';

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
