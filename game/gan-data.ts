/**
 * The GAN challenge's 2-D target distributions (issue 18), seeded and pure: the browser draws its
 * training points from a public seed, the server its hidden test sample from one it never sends.
 * The ring of 8 Gaussians is the scored target: its separate modes make mode collapse visible (a
 * generator that found one blob covers 1 of 8). Two moons and a 3 × 3 grid of Gaussians are for
 * practice. Points lie within about [-1.3, 1.3] on both axes (the studio's view is [-1.5, 1.5]).
 */
import { gaussianNoise } from '../models/gan-noise';
import { mulberry32 } from './random';

export { gaussianNoise };

export type GanTargetId = 'ring' | 'moons' | 'grid';
export const GAN_TARGET_IDS: readonly GanTargetId[] = ['ring', 'moons', 'grid'];

/** A GAN challenge's data: training points from the public seed, `test` hidden points from the server's. */
export interface GanData {
  type: 'target2d';
  target: GanTargetId;
  train: number;
  test: number;
}

/** Radius of the ring and the standard deviation of each of its Gaussians. */
export const RING = { modes: 8, radius: 1, spread: 0.05 } as const;
/** Spacing of the 3 × 3 grid's centres and each Gaussian's standard deviation. */
export const GRID = { side: 3, spacing: 0.8, spread: 0.05 } as const;
const MOONS_NOISE = 0.05;

/** The centres of a target's modes (the moons have none: they are two curves). */
export function targetModes(id: GanTargetId): [number, number][] {
  if (id === 'ring') {
    return Array.from({ length: RING.modes }, (_, k): [number, number] => {
      const a = (2 * Math.PI * k) / RING.modes;
      return [RING.radius * Math.cos(a), RING.radius * Math.sin(a)];
    });
  }
  if (id === 'grid') {
    const half = (GRID.side - 1) / 2;
    return Array.from({ length: GRID.side * GRID.side }, (_, k): [number, number] => [
      (Math.floor(k / GRID.side) - half) * GRID.spacing,
      ((k % GRID.side) - half) * GRID.spacing,
    ]);
  }
  return [];
}

/** The standard deviation of each mode's Gaussian (0 for the moons). */
export function targetSpread(id: GanTargetId): number {
  return id === 'ring' ? RING.spread : id === 'grid' ? GRID.spread : 0;
}

/** Two interleaved half circles, centred on the origin, with Gaussian noise. */
function moons(count: number, rand: () => number, noise: Float32Array): Float32Array {
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const t = Math.PI * rand();
    const upper = i % 2 === 0;
    const x = upper ? Math.cos(t) : 1 - Math.cos(t);
    const y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    // Centre the pair (x in -1..2, y in -0.5..1) and scale it into about [-1.2, 1.2] × [-0.6, 0.6].
    out[2 * i] = (x - 0.5) * 0.8 + MOONS_NOISE * (noise[2 * i] ?? 0);
    out[2 * i + 1] = (y - 0.25) * 0.8 + MOONS_NOISE * (noise[2 * i + 1] ?? 0);
  }
  return out;
}

/** `count` x, y pairs of target `id`, drawn from `seed` alone (each mode equally likely). */
export function sampleTarget(id: GanTargetId, count: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const noise = gaussianNoise(count, 2, (seed ^ 0x5bd1e995) >>> 0);
  if (id === 'moons') return moons(count, rand, noise);
  const modes = targetModes(id);
  const spread = targetSpread(id);
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const [cx, cy] = modes[Math.floor(rand() * modes.length)] ?? [0, 0];
    out[2 * i] = cx + spread * (noise[2 * i] ?? 0);
    out[2 * i + 1] = cy + spread * (noise[2 * i + 1] ?? 0);
  }
  return out;
}

/** The public seed of every GAN challenge's training points (the hidden sample's seed is the server's). */
export const GAN_TRAIN_SEED = 1;

/** The training points the browser trains on: `train` points of the target from the public seed. */
export function ganTrainingPoints(d: GanData): Float32Array {
  return sampleTarget(d.target, d.train, GAN_TRAIN_SEED);
}
