/**
 * Seeded 2-D classification data sets (the classic playground four) and logic-gate truth tables.
 * Pure: the same seed gives the same points, so the server can regenerate a hidden test set from a
 * seed it never sends, while the browser gets the training set from a public one.
 */
import { mulberry32, shuffled } from '../random';

export type Data2dId = 'circle' | 'xor' | 'gaussians' | 'spiral';
export const DATA2D_IDS: readonly Data2dId[] = ['circle', 'xor', 'gaussians', 'spiral'];

export interface Points2d {
  /** x0, y0, x1, y1, ... in [-1, 1] (before noise). */
  xy: Float32Array;
  /** 0 or 1 per point. */
  labels: Uint8Array;
  count: number;
}

export interface Data2dOptions {
  /** Points in all; half of each class (an odd count gives class 0 the extra point). */
  count: number;
  seed: number;
  /** Standard deviation of Gaussian noise added to each coordinate (0 = clean). */
  noise: number;
}

type Sampler = (rand: () => number, normal: () => number, label: 0 | 1) => [number, number];

/** Inner disc (class 1) inside a ring (class 0). */
const circle: Sampler = (rand, _normal, label) => {
  const r = label === 1 ? rand() * 0.45 : 0.65 + rand() * 0.3;
  const a = rand() * 2 * Math.PI;
  return [r * Math.cos(a), r * Math.sin(a)];
};

/** Quadrants: class 1 where x and y share a sign. A margin keeps points off the axes. */
const xor: Sampler = (rand, _normal, label) => {
  const margin = 0.08;
  const mag = () => margin + rand() * (1 - margin);
  const sx = rand() < 0.5 ? -1 : 1;
  const sy = label === 1 ? sx : -sx;
  return [sx * mag(), sy * mag()];
};

/** Two round clouds, one per class. */
const gaussians: Sampler = (_rand, normal, label) => {
  const c = label === 1 ? 0.45 : -0.45;
  return [c + 0.22 * normal(), c + 0.22 * normal()];
};

/** Two interleaved spiral arms, one per class. */
const spiral: Sampler = (rand, _normal, label) => {
  const t = rand();
  const r = 0.05 + 0.9 * t;
  const a = 1.75 * t * 2 * Math.PI + (label === 1 ? Math.PI : 0);
  return [r * Math.cos(a), r * Math.sin(a)];
};

const SAMPLERS: Readonly<Record<Data2dId, Sampler>> = { circle, xor, gaussians, spiral };

function normalFrom(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** `count` points of data set `id`, classes balanced and shuffled, from `seed`. */
export function generate2d(id: Data2dId, opts: Data2dOptions): Points2d {
  const rand = mulberry32(opts.seed);
  const normal = normalFrom(rand);
  const sample = SAMPLERS[id];
  const order = shuffled(Array.from({ length: opts.count }, (_, i) => (i % 2 === 0 ? 0 : 1) as 0 | 1), rand);
  const xy = new Float32Array(opts.count * 2);
  const labels = new Uint8Array(opts.count);
  order.forEach((label, i) => {
    const [x, y] = sample(rand, normal, label);
    xy[2 * i] = x + opts.noise * normal();
    xy[2 * i + 1] = y + opts.noise * normal();
    labels[i] = label;
  });
  return { xy, labels, count: opts.count };
}

export type GateId = 'and' | 'or' | 'xor';

/** The four rows of a two-input logic gate: inputs (0/1) and the expected output. */
export function gateTable(gate: GateId): Points2d {
  const outputs: Record<GateId, number[]> = { and: [0, 0, 0, 1], or: [0, 1, 1, 1], xor: [0, 1, 1, 0] };
  return { xy: Float32Array.from([0, 0, 0, 1, 1, 0, 1, 1]), labels: Uint8Array.from(outputs[gate]), count: 4 };
}

/** Whether one straight line w·x + b = 0 separates the classes (perceptron learning decides it). */
export function linearlySeparable(points: Points2d, epochs = 1_000): boolean {
  let w0 = 0;
  let w1 = 0;
  let b = 0;
  for (let e = 0; e < epochs; e++) {
    let errors = 0;
    for (let i = 0; i < points.count; i++) {
      const x = points.xy[2 * i] ?? 0;
      const y = points.xy[2 * i + 1] ?? 0;
      const target = (points.labels[i] ?? 0) === 1 ? 1 : -1;
      if (target * (w0 * x + w1 * y + b) <= 0) {
        w0 += target * x;
        w1 += target * y;
        b += target;
        errors++;
      }
    }
    if (errors === 0) return true;
  }
  return false;
}
