/**
 * How long a run will take on this device: samples to go ÷ samples per second, the rate measured
 * from the run's first batches (after the first, which also compiles kernels) and kept in this
 * browser for the next runs. Pure: the hook (useTrainingRates.ts) does the storage and the clock.
 *
 * A model never measured here gets the rate of the last one that was, scaled by the ratio of their
 * multiply-adds per sample (a convolution's cost is its output size × kernel area × input channels
 * × filters); before any run here, a typical CPU-only device's rate for the default (bench figures).
 */
import { z } from 'zod';
import { inferShapes, type Shape } from '../../../../models/shapes';
import type { ModelSpec } from '../../../../models/spec';

export const RATES_STORAGE_KEY = 'gradient-arena.train-rates.v1';
/** Enough for the three presets and a few of the student's own models. */
export const MAX_RATES = 12;
/** Batches measured before a rate counts (the first one is left out: it compiles the kernels). */
export const WARMUP_BATCHES = 3;
/** A cost-scaled rate is trusted only this far from the model that was measured (10x cheaper or dearer). */
const MAX_SCALE = 10;

/** Multiply-adds of one forward pass of one example (training costs about three times this). */
export function forwardMacs(spec: ModelSpec, inputShape: Shape, numClasses: number): number | null {
  const shapes = inferShapes(spec, inputShape, numClasses);
  if (!shapes.ok) return null;
  let input: Shape = inputShape;
  let macs = 0;
  spec.layers.forEach((layer, i) => {
    const out = shapes.layers[i]!.outputShape;
    const size = out.reduce((a, b) => a * b, 1);
    if (layer.type === 'conv2d') macs += size * layer.kernelSize * layer.kernelSize * (input[2] ?? 1);
    else if (layer.type === 'dense') macs += shapes.layers[i]!.params;
    // Other layers: params as a floor (recurrent and attention layers reuse their weights per step).
    else macs += Math.max(shapes.layers[i]!.params, size);
    input = out;
  });
  return macs;
}

export const rateSchema = z.strictObject({
  /** Which model (layers, batch size, augmentation) ran: the same key is the same cost. */
  key: z.string().max(4000),
  backend: z.string().max(20),
  macs: z.number().positive(),
  samplesPerSecond: z.number().positive(),
  at: z.number(),
});
export type MeasuredRate = z.infer<typeof rateSchema>;

/** The cost-relevant part of a spec: the epochs, seed and learning rate change no batch's cost. */
export function costKey(spec: ModelSpec): string {
  return JSON.stringify({ layers: spec.layers, batchSize: spec.training.batchSize, augment: spec.training.augment ?? null });
}

/** Samples the whole run trains on (epochs × training examples; early stopping may end it sooner). */
export const runSamples = (spec: ModelSpec, trainCount: number): number => spec.training.epochs * trainCount;

export interface Estimate {
  seconds: number;
  samplesPerSecond: number;
  /** measured: this model on this device; scaled: another model measured here; typical: bench figure. */
  source: 'measured' | 'scaled' | 'typical';
}

/** The rate a model will train at: this model measured here, else scaled from the newest measurement. */
export function rateFor(key: string, macs: number, rates: readonly MeasuredRate[], typical?: { macs: number; samplesPerSecond: number }): Omit<Estimate, 'seconds'> | null {
  const newest = [...rates].sort((a, b) => b.at - a.at);
  const backend = newest[0]?.backend;
  const same = newest.find((r) => r.key === key && r.backend === backend);
  if (same) return { samplesPerSecond: same.samplesPerSecond, source: 'measured' };
  const base = newest[0];
  const scale = (from: { macs: number; samplesPerSecond: number }) => {
    const ratio = from.macs / macs;
    return ratio <= MAX_SCALE && ratio >= 1 / MAX_SCALE ? from.samplesPerSecond * ratio : null;
  };
  const scaled = base ? scale(base) : null;
  if (scaled !== null) return { samplesPerSecond: scaled, source: 'scaled' };
  const typ = typical ? scale(typical) : null;
  return typ !== null ? { samplesPerSecond: typ, source: 'typical' } : null;
}

/** Seconds for `samples` at the rate found for the model; null when nothing can be said. */
export function estimateRun(spec: ModelSpec, opts: { inputShape: Shape; numClasses: number; trainCount: number; rates: readonly MeasuredRate[]; typical?: { macs: number; samplesPerSecond: number } }): Estimate | null {
  const macs = forwardMacs(spec, opts.inputShape, opts.numClasses);
  if (macs === null || macs <= 0 || opts.trainCount <= 0) return null;
  const rate = rateFor(costKey(spec), macs, opts.rates, opts.typical);
  if (!rate) return null;
  return { ...rate, seconds: runSamples(spec, opts.trainCount) / rate.samplesPerSecond };
}

/** A batch's figures as the trainer reports them. */
export interface ProgressPoint {
  batch: number;
  epoch: number;
  batchesPerEpoch: number;
  samplesSeen: number;
  elapsedMs: number;
}

/**
 * The rate between the end of the run's first batch and `now` (null until WARMUP_BATCHES more have
 * run): the first batch's kernel compilation is not training speed.
 */
export function rateSince(first: ProgressPoint, now: ProgressPoint): number | null {
  const index = (p: ProgressPoint) => p.epoch * p.batchesPerEpoch + p.batch;
  const batches = index(now) - index(first);
  const ms = now.elapsedMs - first.elapsedMs;
  if (batches < WARMUP_BATCHES || ms <= 0) return null;
  return ((now.samplesSeen - first.samplesSeen) * 1000) / ms;
}

/** Seconds left in a run: the samples still to train at the measured rate. */
export function secondsLeft(samplesSeen: number, totalSamples: number, samplesPerSecond: number): number {
  return samplesPerSecond > 0 ? Math.max(0, totalSamples - samplesSeen) / samplesPerSecond : Infinity;
}

/** The stored list with `rate` in it: one entry per (model, backend), the newest MAX_RATES kept. */
export function withRate(rates: readonly MeasuredRate[], rate: MeasuredRate): MeasuredRate[] {
  const rest = rates.filter((r) => !(r.key === rate.key && r.backend === rate.backend));
  return [rate, ...rest].sort((a, b) => b.at - a.at).slice(0, MAX_RATES);
}

/** What localStorage held, or [] when it is missing, foreign or malformed (never trusted further). */
export function parseRates(raw: string | null): MeasuredRate[] {
  if (!raw) return [];
  try {
    const parsed = z.array(rateSchema).max(MAX_RATES * 2).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.slice(0, MAX_RATES) : [];
  } catch {
    return [];
  }
}
