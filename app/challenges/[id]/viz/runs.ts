/**
 * Figures of a run for the comparison views, pure: epochs until the validation accuracy reached a
 * target, steps per epoch for a batch size, and curves of different runs on one shared x axis.
 */
import type { EpochLog } from '../../../../models/train';
import type { TrainingSpec } from '../../../../models/spec';

/** A finished run, kept so the next one can be drawn beside it. */
export interface RunRecord {
  runId: number;
  /** What the run trained on, as the page tagged it ('data' or a practice gate). */
  tag: string | null;
  loss: TrainingSpec['loss'];
  batchSize: number;
  epochs: EpochLog[];
  /** Per-batch training loss against examples seen. */
  batches: { seen: number; loss: number }[];
  stopped: boolean;
}

/** First epoch (1-based) whose validation accuracy reached `goal`, or null. */
export function epochsToReach(epochs: readonly EpochLog[], goal: number): number | null {
  // The same tolerance as the star rules: 0.95 must not fail on float division.
  const hit = epochs.find((e) => (e.valAcc ?? -1) >= goal - 1e-9);
  return hit ? hit.epoch + 1 : null;
}

/** Weight updates in one epoch: the last batch may be smaller, and a batch larger than the set is the set. */
export function stepsPerEpoch(trainCount: number, batchSize: number): number {
  if (!(batchSize >= 1) || trainCount <= 0) return 0;
  return Math.ceil(trainCount / Math.min(Math.floor(batchSize), trainCount));
}

/**
 * Curves with their own x values on one ascending x axis (what a uPlot chart takes): each curve's
 * values at its own x, null elsewhere (the chart spans the gaps).
 */
export function alignCurves(curves: readonly { x: readonly number[]; y: readonly (number | null)[] }[]): { x: number[]; ys: (number | null)[][] } {
  const x = [...new Set(curves.flatMap((c) => c.x))].sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  const ys = curves.map((c) => {
    const out: (number | null)[] = new Array<number | null>(x.length).fill(null);
    c.x.forEach((v, i) => {
      const at = index.get(v);
      if (at !== undefined) out[at] = c.y[i] ?? null;
    });
    return out;
  });
  return { x, ys };
}
