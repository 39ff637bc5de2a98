/**
 * A GAN in tfjs (issue 18): a generator (noise [noiseDim] -> x, y) and a discriminator (x, y ->
 * P(real)) built from one spec (models/spec-gan.ts), trained in alternation, the same in the
 * browser worker and on the server. With a GanIO of photos and classes it is a conditional GAN
 * (models/gan-conditional.ts): noise + one-hot class -> photo, photo + class channels -> P(real).
 * Every function frees the tensors it makes.
 *
 * API:
 * - buildGan(spec, io?) -> GanModels; disposeGan(models)
 * - trainGan(models, spec, real, { onStep }, signal) -> GanTrainResult: `real` is x, y pairs or
 *   { photos, classes }; rounds of dSteps discriminator steps then gSteps generator steps, each
 *   model with its own optimizer; onStep gets { step, epoch, dLoss, gLoss, ... } once per round;
 *   the signal stops it between rounds.
 * - generate(models, noise, classes?) -> the samples for the given noise (and classes);
 *   generatePoints(models, noise) for the points GAN (gaussianNoise from models/gan-noise.ts draws
 *   seeded noise)
 * - discriminate(models, xy) -> P(real) per point; discriminatorGrid(models, grid) -> the heatmap
 * - ganWeights(models) / applyGanWeights(models, bytes): the generator's values, then the
 *   discriminator's (the submission wire format, as models/weights.ts for one model)
 *
 * The discriminator is built with a linear last layer: it outputs the LOGIT, and the sigmoid the
 * spec declares is applied in the losses (tf.losses.sigmoidCrossEntropy, stable where a confident
 * discriminator would saturate a sigmoid and starve the generator of gradient) and in discriminate.
 * The weights are the same either way: an activation has none.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel, createOptimizer, disposeOptimizer, SpecError } from './build';
import { gaussianNoise } from './gan-noise';
import { mulberry32, shuffled } from './random';
import { classInputs, fakeClasses, withClasses, type GanPhotos } from './gan-conditional';
import { discriminatorSpec, generatorInput, inferGanShapes } from './shapes-gan';
import type { GanSpec, ModelSpec, SpecIssue } from './spec';
import { discriminatorInput, GAN_POINTS_IO, sampleSize, type GanIO } from './spec-gan';
import { YIELD_EVERY_MS, yieldEvery } from './train';
import { applyWeights, serializeWeights } from './weights';

export type { GanPhotos };

export interface GanModels {
  generator: tf.Sequential;
  /** Outputs the logit of P(real); use discriminate() for probabilities. */
  discriminator: tf.Sequential;
  noiseDim: number;
  /** What the pair handles: points, or photos of classes (a conditional GAN). */
  io: GanIO;
  generatorParams: number;
  discriminatorParams: number;
}

/** Seeds the discriminator's layers apart from the generator's (which use seed + layer index). */
const DISCRIMINATOR_SEED_OFFSET = 1009;

/**
 * Builds both models for the challenge's `io` (default: 2-D points); throws SpecError (naming the
 * field) for a spec without a fitting gan block.
 */
export function buildGan(spec: ModelSpec, io: GanIO = GAN_POINTS_IO): GanModels {
  const shapes = inferGanShapes(spec, io);
  if (!shapes.ok) throw new SpecError(shapes.issues);
  const { gan } = shapes;
  const single = io.sample.length === 1 ? { numClasses: io.sample[0] ?? 2 } : { numClasses: 1, outputShape: io.sample };
  const generator = buildModel(spec, { inputShape: generatorInput(gan, io), ...single });
  const d = discriminatorSpec(spec, gan);
  const layers = d.layers.map((l, i) => (i === d.layers.length - 1 && l.type === 'dense' ? { ...l, activation: 'linear' as const } : l));
  const discriminator = buildModel(
    { ...d, layers, training: { ...d.training, seed: spec.training.seed + DISCRIMINATOR_SEED_OFFSET } },
    { inputShape: discriminatorInput(io), numClasses: 1 },
  );
  return { generator, discriminator, noiseDim: gan.noiseDim, io, generatorParams: shapes.generatorParams, discriminatorParams: shapes.discriminatorParams };
}

export function disposeGan(models: GanModels): void {
  models.generator.dispose();
  models.discriminator.dispose();
}

export interface GanStep {
  /** 0-based round index over the whole run (a round: dSteps, then gSteps). */
  step: number;
  /** 0-based epoch index; an epoch is ceil(real points / batch size) rounds. */
  epoch: number;
  totalSteps: number;
  /** The discriminator's loss on its last step of the round (real and fake terms summed). */
  dLoss: number;
  /** The generator's loss on its last step of the round. */
  gLoss: number;
  elapsedMs: number;
}

export interface GanCallbacks {
  onStep?: (s: GanStep) => void | Promise<void>;
}

export interface GanTrainResult {
  /** Rounds completed. */
  steps: number;
  /** True when the signal stopped the run before its last round. */
  stopped: boolean;
  /** The last round's losses (NaN when no round ran). */
  dLoss: number;
  gLoss: number;
  elapsedMs: number;
}

/** Rounds per epoch: one real batch per round, so an epoch shows the discriminator every point about dSteps times. */
export function ganRoundsPerEpoch(realCount: number, batchSize: number): number {
  return Math.ceil(realCount / Math.max(1, Math.min(batchSize, realCount)));
}

type Losses = (real: tf.Tensor, fake: tf.Tensor) => tf.Scalar;

/**
 * The two losses on the discriminator's logits. 'categoricalCrossentropy' is the standard GAN
 * (binary cross-entropy; the generator's is the non-saturating -log D(G(z))), 'meanSquaredError'
 * the least-squares GAN on the probabilities.
 */
function ganLosses(loss: ModelSpec['training']['loss']): { d: Losses; g: (fake: tf.Tensor) => tf.Scalar } {
  if (loss === 'meanSquaredError') {
    const sq = (logits: tf.Tensor, target: number) => tf.sigmoid(logits).sub(target).square().mean() as tf.Scalar;
    return { d: (real, fake) => sq(real, 1).add(sq(fake, 0)), g: (fake) => sq(fake, 1) };
  }
  const bce = (logits: tf.Tensor, target: number) => tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, target), logits) as tf.Scalar;
  return { d: (real, fake) => bce(real, 1).add(bce(fake, 0)), g: (fake) => bce(fake, 1) };
}

/** The model's loss plus its layers' L1/L2 penalties, as models/train.ts minimizes. */
function withPenalties(model: tf.LayersModel, base: tf.Scalar): tf.Scalar {
  const penalties = model.calculateLosses();
  return penalties.length > 0 ? (tf.addN([base, ...penalties]) as tf.Scalar) : base;
}

interface Loop {
  models: GanModels;
  gan: GanSpec;
  /** Real samples [n, ...sample] and, for a conditional GAN, their classes. */
  real: tf.Tensor;
  realClasses: tf.Tensor1D | null;
  batch: number;
  seed: number;
  dOpt: tf.Optimizer;
  gOpt: tf.Optimizer;
  losses: ReturnType<typeof ganLosses>;
  /** Shuffled real-point indices; the next batch starts at `cursor`. */
  order: number[];
  cursor: number;
  /** Noise draws so far (each step's noise comes from its own seed). */
  draws: number;
}

const NOISE_SEED_STRIDE = 104729;

/** A conditional GAN's batch: the one-hot classes asked for (null for a plain GAN). */
type Classes = tf.Tensor2D | null;

/** The generator's next input: fresh noise and, for a conditional GAN, the classes it is asked for. */
function nextNoise(loop: Loop): { z: tf.Tensor2D; classes: Classes } {
  const seed = (loop.seed * 31 + loop.draws * NOISE_SEED_STRIDE) >>> 0;
  const noise = tf.tensor2d(gaussianNoise(loop.batch, loop.gan.noiseDim, seed), [loop.batch, loop.gan.noiseDim]);
  loop.draws += 1;
  const k = loop.models.io.classes;
  if (k === 0) return { z: noise, classes: null };
  const classes = tf.tidy(() => tf.oneHot(tf.tensor1d(fakeClasses(loop.batch, k, seed), 'int32'), k).toFloat() as tf.Tensor2D);
  const z = tf.concat([noise, classes], 1);
  noise.dispose();
  return { z, classes };
}

/** The next real batch (and its one-hot classes), reshuffling (seeded) when the order runs out. */
function nextReal(loop: Loop): { x: tf.Tensor; classes: Classes } {
  const n = loop.real.shape[0];
  if (loop.cursor + loop.batch > n) {
    loop.order = shuffled(loop.order, mulberry32(loop.seed + loop.draws));
    loop.cursor = 0;
  }
  const idx = tf.tensor1d(loop.order.slice(loop.cursor, loop.cursor + loop.batch), 'int32');
  loop.cursor += loop.batch;
  const x = tf.gather(loop.real, idx);
  const { realClasses } = loop;
  const classes = realClasses ? tf.tidy(() => tf.oneHot(tf.gather(realClasses, idx), loop.models.io.classes).toFloat() as tf.Tensor2D) : null;
  idx.dispose();
  return { x, classes };
}

const trainable = (m: tf.LayersModel) => m.trainableWeights.map((w) => w.read() as tf.Variable);

/** One discriminator step; returns its loss (to be read and disposed by the caller). */
function discriminatorStep(loop: Loop): tf.Scalar {
  const { generator, discriminator } = loop.models;
  const real = nextReal(loop);
  const noise = nextNoise(loop);
  const fake = tf.tidy(() => generator.apply(noise.z, { training: true }) as tf.Tensor);
  const cost = loop.dOpt.minimize(() => {
    const dReal = discriminator.apply(withClasses(real.x, real.classes), { training: true }) as tf.Tensor;
    const dFake = discriminator.apply(withClasses(fake, noise.classes), { training: true }) as tf.Tensor;
    return withPenalties(discriminator, loop.losses.d(dReal, dFake));
  }, true, trainable(discriminator)) as tf.Scalar;
  tf.dispose([real.x, real.classes, noise.z, noise.classes, fake].filter((t) => t !== null));
  return cost;
}

/** One generator step: the discriminator's weights stay as they are. */
function generatorStep(loop: Loop): tf.Scalar {
  const { generator, discriminator } = loop.models;
  const noise = nextNoise(loop);
  const cost = loop.gOpt.minimize(() => {
    const fake = generator.apply(noise.z, { training: true }) as tf.Tensor;
    const logits = discriminator.apply(withClasses(fake, noise.classes), { training: true }) as tf.Tensor;
    return withPenalties(generator, loop.losses.g(logits));
  }, true, trainable(generator)) as tf.Scalar;
  tf.dispose([noise.z, noise.classes].filter((t) => t !== null));
  return cost;
}

async function readScalar(t: tf.Scalar): Promise<number> {
  try {
    return (await t.data())[0] ?? NaN;
  } finally {
    t.dispose();
  }
}

/** One round: dSteps discriminator steps, then gSteps generator steps; the last losses of each. */
async function runRound(loop: Loop): Promise<{ dLoss: number; gLoss: number }> {
  let dLoss = NaN;
  let gLoss = NaN;
  for (let i = 0; i < loop.gan.dSteps; i++) {
    const t = discriminatorStep(loop);
    if (i === loop.gan.dSteps - 1) dLoss = await readScalar(t);
    else t.dispose();
  }
  for (let i = 0; i < loop.gan.gSteps; i++) {
    const t = generatorStep(loop);
    if (i === loop.gan.gSteps - 1) gLoss = await readScalar(t);
    else t.dispose();
  }
  return { dLoss, gLoss };
}

/** The real samples as tensors: x, y pairs [n, 2], or photos [n, ...sample] with their classes. */
function realTensors(models: GanModels, real: Float32Array | GanPhotos): { x: tf.Tensor; classes: tf.Tensor1D | null; n: number } {
  const size = sampleSize(models.io);
  if (real instanceof Float32Array) {
    const n = Math.floor(real.length / size);
    return { x: tf.tensor(real.subarray(0, n * size), [n, ...models.io.sample]), classes: null, n };
  }
  const n = Math.min(real.classes.length, Math.floor(real.photos.length / size));
  if (models.io.classes > 0 && real.classes.some((c) => c < 0 || c >= models.io.classes)) throw new Error(`trainGan: classes must be 0..${models.io.classes - 1}`);
  const x = tf.tensor(real.photos.subarray(0, n * size), [n, ...models.io.sample]);
  return { x, classes: models.io.classes > 0 ? tf.tensor1d(real.classes.subarray(0, n), 'int32') : null, n };
}

/**
 * Trains both models on `real` for spec.training.epochs epochs: x, y pairs (the points GAN), or
 * photos with their classes (a conditional GAN: each fake is asked for a seeded random class).
 * Weights, noise, classes and batches all follow spec.training.seed, so a run replays on the same
 * backend.
 */
export async function trainGan(
  models: GanModels,
  spec: ModelSpec,
  real: Float32Array | GanPhotos,
  callbacks: GanCallbacks = {},
  signal?: AbortSignal,
  now: () => number = () => performance.now(),
): Promise<GanTrainResult> {
  const gan = spec.gan;
  if (!gan) throw new SpecError([{ path: 'gan', message: 'gan: a GAN needs the gan block' }]);
  const tensors = realTensors(models, real);
  const { n } = tensors;
  if (n < 1) {
    tf.dispose([tensors.x, tensors.classes].filter((t) => t !== null));
    throw new Error('trainGan needs at least one real sample');
  }
  const batch = Math.min(spec.training.batchSize, n);
  const totalSteps = ganRoundsPerEpoch(n, batch) * spec.training.epochs;
  const started = now();
  const loop: Loop = {
    models, gan, batch, seed: spec.training.seed,
    real: tensors.x,
    realClasses: tensors.classes,
    dOpt: createOptimizer(gan.discriminator.optimizer),
    gOpt: createOptimizer(spec.training.optimizer),
    losses: ganLosses(spec.training.loss),
    order: shuffled(Array.from({ length: n }, (_, i) => i), mulberry32(spec.training.seed)),
    cursor: 0,
    draws: 0,
  };
  let last = { dLoss: NaN, gLoss: NaN };
  let step = 0;
  const pause = yieldEvery(YIELD_EVERY_MS, now);
  try {
    for (; step < totalSteps && !signal?.aborted; step++) {
      last = await runRound(loop);
      const epoch = Math.floor(step / ganRoundsPerEpoch(n, batch));
      await callbacks.onStep?.({ step, epoch, totalSteps, ...last, elapsedMs: now() - started });
      await pause();
    }
  } finally {
    loop.real.dispose();
    loop.realClasses?.dispose();
    disposeOptimizer(loop.dOpt);
    disposeOptimizer(loop.gOpt);
  }
  return { steps: step, stopped: step < totalSteps, ...last, elapsedMs: now() - started };
}

/**
 * The generator's samples for `noise` (count × noiseDim values, row after row): x, y pairs, or
 * photos (count × height × width × channels). A conditional GAN needs the class of each.
 */
export async function generate(models: GanModels, noise: Float32Array, classes?: Int32Array): Promise<Float32Array> {
  const count = Math.floor(noise.length / models.noiseDim);
  const out = tf.tidy(() => {
    const z = tf.tensor2d(noise.subarray(0, count * models.noiseDim), [count, models.noiseDim]);
    return models.generator.predict(classInputs(z, models.io.classes, classes)) as tf.Tensor;
  });
  try {
    return new Float32Array(await out.data());
  } finally {
    out.dispose();
  }
}

/** The generator's x, y pairs for `noise` (the points GAN). */
export const generatePoints = (models: GanModels, noise: Float32Array): Promise<Float32Array> => generate(models, noise);

/** P(real) for each x, y pair of `xy`. */
export async function discriminate(models: GanModels, xy: Float32Array): Promise<Float32Array> {
  const count = Math.floor(xy.length / 2);
  const out = tf.tidy(() => tf.sigmoid(models.discriminator.predict(tf.tensor2d(xy.subarray(0, count * 2), [count, 2])) as tf.Tensor));
  try {
    return new Float32Array(await out.data());
  } finally {
    out.dispose();
  }
}

export interface Grid {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Cells across and down (each at least 1). */
  cols: number;
  rows: number;
}

/** The cell centres of `grid` as x, y pairs, row 0 at the top (yMax), as a canvas draws. */
export function gridPoints(grid: Grid): Float32Array {
  const out = new Float32Array(grid.cols * grid.rows * 2);
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const i = (r * grid.cols + c) * 2;
      out[i] = grid.xMin + ((c + 0.5) / grid.cols) * (grid.xMax - grid.xMin);
      out[i + 1] = grid.yMax - ((r + 0.5) / grid.rows) * (grid.yMax - grid.yMin);
    }
  }
  return out;
}

/** The discriminator's P(real) at each grid cell centre, row after row from the top (the heatmap). */
export function discriminatorGrid(models: GanModels, grid: Grid): Promise<Float32Array> {
  return discriminate(models, gridPoints(grid));
}

/** Both models' weights: the generator's float32 values, then the discriminator's. */
export function ganWeights(models: GanModels): ArrayBuffer {
  const g = new Uint8Array(serializeWeights(models.generator));
  const d = new Uint8Array(serializeWeights(models.discriminator));
  const out = new Uint8Array(g.byteLength + d.byteLength);
  out.set(g, 0);
  out.set(d, g.byteLength);
  return out.buffer;
}

/** Loads ganWeights' format into both models; on any problem neither model changes. */
export function applyGanWeights(models: GanModels, bytes: ArrayBuffer | Uint8Array): { ok: true } | { ok: false; issues: SpecIssue[] } {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const total = (models.generatorParams + models.discriminatorParams) * 4;
  if (view.byteLength !== total) {
    const message = `weights: expected ${models.generatorParams} generator + ${models.discriminatorParams} discriminator float32 values (${total} bytes), got ${view.byteLength} bytes`;
    return { ok: false, issues: [{ path: 'weights', message }] };
  }
  const split = models.generatorParams * 4;
  const gBytes = view.slice(0, split);
  const dBytes = view.slice(split);
  // Check both before loading either, so a bad discriminator part leaves the generator unchanged.
  const bad = [gBytes, dBytes].map((b) => new Float32Array(b.buffer).findIndex((v) => !Number.isFinite(v)));
  if (bad.some((i) => i >= 0)) {
    const which = (bad[0] ?? -1) >= 0 ? 'generator' : 'discriminator';
    return { ok: false, issues: [{ path: 'weights', message: `weights: a ${which} value is not a finite number` }] };
  }
  const g = applyWeights(models.generator, gBytes);
  if (!g.ok) return g;
  return applyWeights(models.discriminator, dBytes);
}
