/**
 * The optimizer race: gradient descent and its family stepping on a 2-D surface, replayable from a
 * seed. The server replays a player's settings to score them; the UI draws the same trajectory.
 */
import { mulberry32 } from '../random';
import type { Surface, Vec2 } from './surfaces';

export const RACE_OPTIMIZERS = ['gd', 'sgd', 'minibatch', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const;
export type RaceOptimizer = (typeof RACE_OPTIMIZERS)[number];

export interface RaceSettings {
  optimizer: RaceOptimizer;
  learningRate: number;
  /** Momentum coefficient (momentum) or β₁ (adam); ignored by the others. */
  momentum: number;
}

/** Standard deviation of the gradient noise of one-sample SGD; a mini-batch of 16 divides it by 4. */
export const SGD_NOISE = 1.0;
export const MINIBATCH_SIZE = 16;
/** Close enough to the minimum to finish. */
export const RACE_TOLERANCE = 0.05;
export const RACE_MAX_STEPS = 2_000;
/** Beyond this distance from the start the run has diverged. */
const DIVERGED = 1e3;
const EPS = 1e-8;

export interface RaceResult {
  /** Steps taken until within RACE_TOLERANCE of the minimum; null when it never got there. */
  steps: number | null;
  diverged: boolean;
  /** Every position, start included (at most RACE_MAX_STEPS + 1). */
  path: Vec2[];
}

/** Box-Muller normal samples from a seeded uniform source. */
function gaussian(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

type Stepper = (p: Vec2, g: Vec2) => Vec2;

function makeStepper(s: RaceSettings): Stepper {
  const lr = s.learningRate;
  let v: [number, number] = [0, 0];
  let cache: [number, number] = [0, 0];
  let t = 0;
  switch (s.optimizer) {
    case 'gd':
    case 'sgd':
    case 'minibatch':
      return ([x, y], [gx, gy]) => [x - lr * gx, y - lr * gy];
    case 'momentum':
      return ([x, y], [gx, gy]) => {
        v = [s.momentum * v[0] - lr * gx, s.momentum * v[1] - lr * gy];
        return [x + v[0], y + v[1]];
      };
    case 'adagrad':
      return ([x, y], [gx, gy]) => {
        cache = [cache[0] + gx * gx, cache[1] + gy * gy];
        return [x - (lr * gx) / (Math.sqrt(cache[0]) + EPS), y - (lr * gy) / (Math.sqrt(cache[1]) + EPS)];
      };
    case 'rmsprop':
      return ([x, y], [gx, gy]) => {
        cache = [0.9 * cache[0] + 0.1 * gx * gx, 0.9 * cache[1] + 0.1 * gy * gy];
        return [x - (lr * gx) / (Math.sqrt(cache[0]) + EPS), y - (lr * gy) / (Math.sqrt(cache[1]) + EPS)];
      };
    case 'adam':
      return ([x, y], [gx, gy]) => {
        const b1 = s.momentum;
        const b2 = 0.999;
        t += 1;
        v = [b1 * v[0] + (1 - b1) * gx, b1 * v[1] + (1 - b1) * gy];
        cache = [b2 * cache[0] + (1 - b2) * gx * gx, b2 * cache[1] + (1 - b2) * gy * gy];
        const mh = [v[0] / (1 - b1 ** t), v[1] / (1 - b1 ** t)] as const;
        const vh = [cache[0] / (1 - b2 ** t), cache[1] / (1 - b2 ** t)] as const;
        return [x - (lr * mh[0]) / (Math.sqrt(vh[0]) + EPS), y - (lr * mh[1]) / (Math.sqrt(vh[1]) + EPS)];
      };
    default: {
      const unknown: never = s.optimizer;
      throw new Error(`unknown optimizer ${String(unknown)}`);
    }
  }
}

/** The gradient the optimizer sees: exact for GD, noisy for SGD, less noisy for a mini-batch. */
function observedGradient(settings: RaceSettings, surface: Surface, noise: () => number): (p: Vec2) => Vec2 {
  const sigma = settings.optimizer === 'sgd' ? SGD_NOISE : settings.optimizer === 'minibatch' ? SGD_NOISE / Math.sqrt(MINIBATCH_SIZE) : 0;
  return (p) => {
    const [gx, gy] = surface.grad(p);
    return sigma === 0 ? [gx, gy] : [gx + sigma * noise(), gy + sigma * noise()];
  };
}

/** Runs one optimizer from the surface's start; the same settings and seed give the same path. */
export function race(surface: Surface, settings: RaceSettings, seed: number, maxSteps = RACE_MAX_STEPS): RaceResult {
  const step = makeStepper(settings);
  const grad = observedGradient(settings, surface, gaussian(mulberry32(seed)));
  const path: Vec2[] = [surface.start];
  let p = surface.start;
  const far = (q: Vec2) => Math.hypot(q[0] - surface.start[0], q[1] - surface.start[1]) > DIVERGED;
  for (let i = 1; i <= maxSteps; i++) {
    p = step(p, grad(p));
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || far(p)) return { steps: null, diverged: true, path };
    path.push(p);
    if (surface.minima.some((m) => Math.hypot(p[0] - m[0], p[1] - m[1]) < RACE_TOLERANCE)) return { steps: i, diverged: false, path };
  }
  return { steps: null, diverged: false, path };
}
