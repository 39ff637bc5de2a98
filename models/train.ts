/**
 * The training loop used in the browser worker and in Node. A custom loop rather than model.fit:
 * the data order comes from the spec's seed, Stop takes effect after the batch in flight, and the
 * per-batch readback doubles as the point where the thread yields to other work.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32, shuffled } from './random';
import { batchInputs, stepLoss } from './batch';
import { createOptimizer, disposeOptimizer, lossFunction } from './build';
import { evaluateLossAccuracy } from './evaluate';
import { createBalance, parallelStep, type GradientPeer, type ShardBalance } from './parallel';
import type { AugmentSpec, ModelSpec } from './spec';
import type { XY } from './tensors';

export interface BatchProgress {
  /** 0-based epoch index. */
  epoch: number;
  /** 0-based batch index within the epoch. */
  batch: number;
  batchesPerEpoch: number;
  /** Training examples processed so far, over all epochs. */
  samplesSeen: number;
  /** Training examples the whole run will process. */
  totalSamples: number;
  /** Mean loss of this batch. */
  loss: number;
  /** Accuracy of this batch (dropout active); NaN for an autoencoder (XY targets 'inputs'). */
  acc: number;
  elapsedMs: number;
}

export interface EpochLog {
  epoch: number;
  /** Mean training loss over the epoch's batches. */
  loss: number;
  acc: number;
  valLoss?: number;
  valAcc?: number;
  elapsedMs: number;
}

export interface TrainCallbacks {
  onBatchEnd?: (p: BatchProgress) => void | Promise<void>;
  onEpochEnd?: (log: EpochLog) => void | Promise<void>;
}

export interface TrainOptions {
  now?: () => number;
  /**
   * Replicas (models/parallel.ts) that compute a share of every batch's gradient on other cores.
   * The caller starts and closes them; validation and everything else run in this thread.
   */
  peers?: readonly GradientPeer[];
}

export interface TrainResult {
  history: EpochLog[];
  /** True when the signal aborted the run before its last batch. */
  stopped: boolean;
  /** Set when early stopping ended the run: the model holds this epoch's (the best) weights. */
  bestEpoch?: number;
  elapsedMs: number;
  samplesPerSecond: number;
}

/**
 * Lets queued messages (a Stop, a paint) run between batches. Not setTimeout(0): browsers clamp
 * nested timers to >= 4 ms, which cost a small model ~10 % of its throughput (bench:throughput,
 * dense on WASM). A MessageChannel task is not clamped and still runs after messages already
 * queued; Node has setImmediate, and an open MessagePort would keep its process alive.
 */
let channel: { port: MessagePort; waiting: (() => void)[] } | undefined;

export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    const mc = new MessageChannel();
    const waiting: (() => void)[] = [];
    mc.port1.onmessage = () => waiting.shift()?.();
    channel = { port: mc.port2, waiting };
  }
  const { port, waiting } = channel;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/**
 * Yields at most every YIELD_EVERY_MS: a yield costs about as much as a small model's step
 * (bench:throughput, the tiny CNN at ~6 ms a batch trained at 0.86-0.90 of model.fit's speed when
 * the loop yielded after every batch; tfjs's fit yields only every 125 ms). A Stop still lands
 * within this much of training and the batch under way.
 */
export const YIELD_EVERY_MS = 10;

export function yieldEvery(ms: number, now: () => number): () => Promise<void> {
  let last = now();
  return async () => {
    if (now() - last < ms) return;
    await yieldToEventLoop();
    last = now();
  };
}

/** Distinct, reproducible data order per epoch. */
const EPOCH_SEED_STRIDE = 7919;

function epochOrder(n: number, seed: number, epoch: number): tf.Tensor1D {
  const indices = Array.from({ length: n }, (_, i) => i);
  return tf.tensor1d(shuffled(indices, mulberry32(seed + epoch * EPOCH_SEED_STRIDE)), 'int32');
}

/** A batch whose update has been dispatched; its loss and accuracy are still on the backend. */
interface InFlight {
  lossT: tf.Scalar;
  accT: tf.Tensor;
  batch: number;
  size: number;
}

/**
 * Dispatches one optimizer step; nothing is read back, so a GPU can queue it behind the last one.
 * The loss minimized (and reported) includes the layers' L1/L2 penalties, as Keras does.
 */
function dispatchBatch(ctx: EpochContext, indices: tf.Tensor1D, augmentSeed: number): { lossT: tf.Scalar; accT: tf.Tensor } {
  const xb = batchInputs(ctx.train, indices, ctx.augment, augmentSeed);
  const yb = tf.gather(ctx.train.ys, indices);
  const step = stepLoss(ctx, xb, yb);
  const lossT = ctx.optimizer.minimize(step.loss, true) as tf.Scalar;
  tf.dispose([xb, yb]);
  return { lossT, accT: step.acc() };
}

/** A step shared with the replicas (models/parallel.ts); it has finished, and been read, when it returns. */
async function dispatchShared(ctx: EpochContext, peers: readonly GradientPeer[], indices: tf.Tensor1D, augmentSeed: number): Promise<{ lossT: tf.Scalar; accT: tf.Tensor }> {
  const { loss, acc } = await parallelStep(ctx, peers, indices.dataSync() as Int32Array, augmentSeed, ctx.balance);
  return { lossT: tf.scalar(loss), accT: tf.scalar(acc) };
}

async function readBatch(f: InFlight): Promise<{ loss: number; acc: number }> {
  try {
    const [loss, acc] = await Promise.all([f.lossT.data(), f.accT.data()]);
    return { loss: loss[0] ?? NaN, acc: acc[0] ?? NaN };
  } finally {
    tf.dispose([f.lossT, f.accT]);
  }
}

/**
 * On a GPU backend the loss of batch i is read after batch i+1 has been dispatched, so the GPU is
 * never idle while the worker waits on a readback (WebGL's fence is polled with timers): measured
 * on software WebGL, the dense model trained at 0.65-0.87 of model.fit's speed with a readback
 * after every batch. On WASM and CPU a step has finished when it returns, so nothing is deferred
 * and progress is reported for the batch just trained.
 */
const deferReadback = () => ['webgl', 'webgpu'].includes(tf.getBackend());

interface EpochContext {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  lossFn: ReturnType<typeof lossFunction>;
  train: XY;
  batchSize: number;
  augment?: AugmentSpec;
  /** Seeds this epoch's augmentation draws (batch index added). */
  augmentSeed: number;
  signal?: AbortSignal;
  /** Replicas that take a share of every batch; none: this thread trains alone. */
  peers?: readonly GradientPeer[];
  /** The replicas' shares of a batch, kept over the run. */
  balance?: ShardBalance;
  /** Called with each batch's figures, in batch order. */
  onBatch: (batch: number, size: number, loss: number, acc: number) => Promise<void>;
  /** Between batches: lets queued messages run (yieldEvery). */
  pause: () => Promise<void>;
}

/** One pass over the data in `order`; returns false when the signal stopped it. */
async function runEpoch(ctx: EpochContext, order: tf.Tensor1D): Promise<boolean> {
  const n = ctx.train.xs.shape[0];
  const batches = Math.ceil(n / ctx.batchSize);
  const defer = deferReadback();
  let pending: InFlight | undefined;
  const settle = async () => {
    if (!pending) return;
    const p = pending;
    pending = undefined;
    const { loss, acc } = await readBatch(p);
    await ctx.onBatch(p.batch, p.size, loss, acc);
  };
  try {
    for (let batch = 0; batch < batches; batch++) {
      if (ctx.signal?.aborted) {
        // The batch in flight when Stop came still counts.
        await settle();
        return false;
      }
      const size = Math.min(ctx.batchSize, n - batch * ctx.batchSize);
      const indices = order.slice(batch * ctx.batchSize, size);
      let step: { lossT: tf.Scalar; accT: tf.Tensor };
      try {
        step = ctx.peers?.length ? await dispatchShared(ctx, ctx.peers, indices, ctx.augmentSeed + batch) : dispatchBatch(ctx, indices, ctx.augmentSeed + batch);
      } finally {
        indices.dispose();
      }
      if (defer) await settle();
      pending = { ...step, batch, size };
      if (!defer) await settle();
      await ctx.pause();
    }
    await settle();
    return true;
  } finally {
    // Only after an error is a batch still pending: free its tensors unread.
    if (pending) tf.dispose([pending.lossT, pending.accT]);
  }
}

/**
 * Early stopping on validation loss: remembers the best epoch's weights (a copy), says when
 * `patience` epochs have passed without a better one, and puts the best weights back at the end.
 */
function earlyStopper(model: tf.LayersModel, patience: number) {
  let best = Infinity;
  let bestEpoch = -1;
  let kept: tf.Tensor[] = [];
  return {
    /** True when training should stop after this epoch. */
    update(epoch: number, valLoss: number): boolean {
      if (valLoss < best) {
        best = valLoss;
        bestEpoch = epoch;
        tf.dispose(kept);
        kept = model.getWeights().map((w) => w.clone());
        return false;
      }
      return epoch - bestEpoch >= patience;
    },
    /** Restores the best weights (if any were kept) and frees the copy; returns the best epoch. */
    finish(): number | undefined {
      if (kept.length > 0) model.setWeights(kept);
      tf.dispose(kept);
      kept = [];
      return bestEpoch >= 0 ? bestEpoch : undefined;
    },
  };
}

export async function trainModel(
  model: tf.LayersModel,
  spec: ModelSpec,
  train: XY,
  val: XY | undefined,
  callbacks: TrainCallbacks = {},
  signal?: AbortSignal,
  opts: TrainOptions = {},
): Promise<TrainResult> {
  const now = opts.now ?? (() => performance.now());
  const { epochs, seed } = spec.training;
  const n = train.xs.shape[0];
  const batchSize = Math.min(spec.training.batchSize, n);
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const optimizer = createOptimizer(spec.training.optimizer);
  const lossFn = lossFunction(spec.training.loss);
  const started = now();
  const history: EpochLog[] = [];
  let samplesSeen = 0;
  let stopped = false;
  const patience = spec.training.earlyStopping?.patience;
  const early = val && patience !== undefined ? earlyStopper(model, patience) : undefined;
  let bestEpoch: number | undefined;
  const balance = createBalance((opts.peers?.length ?? 0) + 1);
  const pause = yieldEvery(YIELD_EVERY_MS, now);
  try {
    for (let epoch = 0; epoch < epochs && !stopped; epoch++) {
      let lossSum = 0;
      let accSum = 0;
      let seen = 0;
      const onBatch = async (batch: number, size: number, loss: number, acc: number) => {
        lossSum += loss * size;
        accSum += acc * size;
        seen += size;
        samplesSeen += size;
        const progress = { epoch, batch, batchesPerEpoch, samplesSeen, totalSamples: n * epochs, loss, acc };
        await callbacks.onBatchEnd?.({ ...progress, elapsedMs: now() - started });
      };
      const order = epochOrder(n, seed, epoch);
      try {
        const augmentSeed = seed + epoch * EPOCH_SEED_STRIDE * 1000;
        stopped = !(await runEpoch({ model, optimizer, lossFn, train, batchSize, augment: spec.training.augment, augmentSeed, signal, onBatch, pause, ...(opts.peers ? { peers: opts.peers, balance } : {}) }, order));
      } finally {
        order.dispose();
      }
      if (seen === 0) break;
      const v = val ? await evaluateLossAccuracy(model, lossFn, val.xs, val.ys, undefined, val.targets !== 'inputs') : undefined;
      const log: EpochLog = { epoch, loss: lossSum / seen, acc: accSum / seen, ...(v && { valLoss: v.loss, valAcc: v.acc }), elapsedMs: now() - started };
      history.push(log);
      await callbacks.onEpochEnd?.(log);
      if (early && log.valLoss !== undefined && early.update(epoch, log.valLoss)) break;
    }
    bestEpoch = early?.finish();
  } finally {
    disposeOptimizer(optimizer);
    early?.finish();
  }
  const elapsedMs = now() - started;
  const rate = elapsedMs > 0 ? (samplesSeen * 1000) / elapsedMs : 0;
  return { history, stopped, elapsedMs, samplesPerSecond: rate, ...(bestEpoch !== undefined ? { bestEpoch } : {}) };
}
