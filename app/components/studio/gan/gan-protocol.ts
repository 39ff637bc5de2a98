/** Messages between the GAN studio and its training worker (gan.worker.ts). */
import type { BackendChoice } from '../../../../models/backend';
import type { BackendName } from '../../../../models/backend-names';
import type { ModelSpec } from '../../../../models/spec';
import type { GanView } from './gan-plane';

/** What the live view shows of the pair: the generator's points and the discriminator's verdict. */
export interface GanSnapshot {
  /** Training rounds done when it was taken (0: the untrained pair). */
  step: number;
  /** x, y pairs the generator made from the view's fixed noise. */
  fake: Float32Array;
  /** The discriminator's P(real) on the view's grid, row 0 at the top. */
  grid: Float32Array;
}

export type ToGanWorker =
  | {
      type: 'start';
      spec: ModelSpec;
      prefer?: BackendName;
      /** The real points the discriminator learns from: x, y pairs. */
      real: Float32Array;
      /** The heatmap's grid. */
      view: GanView;
      /** Noise vectors (noiseDim each, row after row) the view's generated points are made from. */
      viewNoise: Float32Array;
    }
  | { type: 'stop' };

/**
 * What a GAN worker reports. `S`: its live view's snapshot (the points GAN's plane, or the digit
 * GAN's photos, app/components/studio/gan-digits/); the rest is the same for every GAN worker.
 */
export type FromGanWorker<S = GanSnapshot> =
  | { type: 'backend'; choice: BackendChoice; totalSteps: number }
  /** Losses since the last message, one point per round. */
  | { type: 'losses'; points: LossPoint[]; elapsedMs: number }
  | { type: 'snapshot'; snapshot: S }
  /** `weights`: the generator's values, then the discriminator's (what is submitted). */
  | { type: 'done'; stopped: boolean; steps: number; elapsedMs: number; weights: ArrayBuffer; snapshot: S }
  | { type: 'error'; message: string };

/** One training round's losses (the mean over its steps of each model). */
export interface LossPoint {
  step: number;
  dLoss: number;
  gLoss: number;
}

/** Charts keep at most this many points; a long run is thinned evenly (the last point always kept). */
export const MAX_CHART_POINTS = 600;

/** Every k-th point so at most `max` remain, plus the newest. Pure. */
export function thinned<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return points.slice();
  const every = Math.ceil(points.length / max);
  const out = points.filter((_, i) => i % every === 0);
  const last = points.at(-1);
  if (last !== undefined && out.at(-1) !== last) out.push(last);
  return out;
}
