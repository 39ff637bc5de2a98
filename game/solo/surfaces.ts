/**
 * Two-dimensional loss surfaces for the optimizer race: each has a value, an exact gradient, a start
 * point and its minimum, so the server can replay any optimizer on it and count the steps.
 */

export type Vec2 = readonly [number, number];

export interface Surface {
  id: SurfaceId;
  /** Loss at (x, y). */
  f(p: Vec2): number;
  /** Exact gradient of f at (x, y). */
  grad(p: Vec2): Vec2;
  start: Vec2;
  /** The global minima (the saddle has two valleys; reaching either finishes the race). */
  minima: readonly Vec2[];
  /** Plot window, for the UI: [xMin, xMax, yMin, yMax]. */
  view: readonly [number, number, number, number];
}

export type SurfaceId = 'bowl' | 'ravine' | 'saddle' | 'rosenbrock';

/** A round bowl: every direction is equally steep, plain gradient descent is at its best. */
const bowl: Surface = {
  id: 'bowl',
  f: ([x, y]) => x * x + y * y,
  grad: ([x, y]) => [2 * x, 2 * y],
  start: [-1.6, 1.2],
  minima: [[0, 0]],
  view: [-2, 2, -2, 2],
};

/** A long, narrow valley: 50× steeper across than along, so plain GD zig-zags; momentum helps. */
const ravine: Surface = {
  id: 'ravine',
  f: ([x, y]) => 0.5 * x * x + 25 * y * y,
  grad: ([x, y]) => [x, 50 * y],
  start: [-1.8, 0.6],
  minima: [[0, 0]],
  view: [-2, 2, -1, 1],
};

/**
 * A saddle point at the origin between two valleys at y = ±1 (f = x² − y² + y⁴/2): starting almost on
 * the ridge, the gradient across it is tiny, so plain GD lingers and momentum-like methods roll off.
 */
const saddle: Surface = {
  id: 'saddle',
  f: ([x, y]) => x * x + 0.5 * y ** 4 - y * y,
  grad: ([x, y]) => [2 * x, 2 * y ** 3 - 2 * y],
  start: [-1.5, 0.01],
  minima: [[0, 1], [0, -1]],
  view: [-2, 2, -2, 2],
};

/** Rosenbrock's banana valley (a = 1, b = 10, scaled for a classroom): easy to find, slow to follow. */
const rosenbrock: Surface = {
  id: 'rosenbrock',
  f: ([x, y]) => (1 - x) ** 2 + 10 * (y - x * x) ** 2,
  grad: ([x, y]) => [-2 * (1 - x) - 40 * x * (y - x * x), 20 * (y - x * x)],
  start: [-1.2, 1],
  minima: [[1, 1]],
  view: [-2, 2, -1, 3],
};

export const SURFACES: Readonly<Record<SurfaceId, Surface>> = { bowl, ravine, saddle, rosenbrock };

export function isSurfaceId(value: unknown): value is SurfaceId {
  return typeof value === 'string' && Object.hasOwn(SURFACES, value);
}
