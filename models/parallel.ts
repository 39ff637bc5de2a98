/**
 * Data-parallel training on WASM: each batch is cut into shards, one per replica, and every replica
 * (this thread and one Web Worker per other core) computes its shard's gradient at the same weights;
 * the loop applies their size-weighted mean, which is the gradient of the whole batch. Why: tfjs
 * WASM's own threads only split a few kernels (bench:kernels: Conv2D 1.3x, MaxPoolGrad 1.0x on two
 * threads), so a second core trained the default CNN no faster; replicas keep both cores busy for
 * the whole step. Dropout draws its own masks per shard and augmentation its own draws, so a step
 * equals the single-threaded one in expectation, and exactly when neither is on.
 */
import * as tf from '@tensorflow/tfjs';
import { shardGradients, trainableVariables, type ShardContext } from './batch';
import { inferShapes, type OutputTarget } from './shapes';
import type { ModelSpec } from './spec';

/** What a replica is asked for one step: the weights to use, its rows of the training set. */
export interface ShardRequest {
  /** trainableVariables' values, in order. */
  weights: Float32Array[];
  /** Rows of the training set this replica holds. */
  indices: Int32Array;
  augmentSeed: number;
}

export interface ShardResult {
  /** The gradient of the shard's mean loss, one array per trainable variable, in order. */
  grads: Float32Array[];
  loss: number;
  acc: number;
  /** Milliseconds the replica spent on the shard (for the balance of the next shards). */
  ms: number;
}

/** Another replica of the model (a worker, or in tests one in this thread). */
export interface GradientPeer {
  gradients(req: ShardRequest): Promise<ShardResult>;
  close(): void;
}

/**
 * Half a batch is not half the work (bench:kernels, one thread: 16 photos 40.2 ms, 32 photos
 * 67.8 ms), so small shards keep little of the gain; below 8 rows a shard is not worth a replica.
 */
export const MIN_SHARD = 8;
/**
 * Four replicas keep the default batch of 32 at 8 rows a shard; more cores go to each replica's
 * tfjs threads. Only two cores were measured here.
 */
export const MAX_REPLICAS = 4;

/**
 * A model is worth sharing out when a step's work dwarfs what the replicas exchange (its weights
 * and their gradient): measured in bench:throughput on two cores, the default CNN (34 k weights,
 * each used 83 times a photo on average) trained 1.36x faster on two replicas, while a dense
 * 4096-48-10 model (197 k weights, each used once per photo) fell to 0.68x.
 */
export const MIN_WEIGHT_REUSE = 32;
/** ... and when one photo's work is large enough that a shard's step outlasts the exchange. */
export const MIN_MACS_PER_SAMPLE = 1_000_000;

/**
 * Pure: multiply-adds per sample and how often a step uses each weight (multiply-adds ÷ weights).
 * A convolution applies its filters at every output position (a transposed one at every input
 * position); any other layer uses each weight about once.
 */
export function stepWork(spec: ModelSpec, inputShape: readonly number[], target: OutputTarget): { macs: number; reuse: number } {
  const shapes = inferShapes(spec, [...inputShape], target);
  if (!shapes.ok || shapes.totalParams === 0) return { macs: 0, reuse: 1 };
  let before: readonly number[] = inputShape;
  let macs = 0;
  shapes.layers.forEach((info, i) => {
    const type = spec.layers[i]?.type;
    const at = type === 'conv2d' ? info.outputShape : type === 'conv2dTranspose' ? before : undefined;
    macs += info.params * (at ? (at[0] ?? 1) * (at[1] ?? 1) : 1);
    before = info.outputShape;
  });
  return { macs, reuse: macs / shapes.totalParams };
}

/**
 * Pure: how many replicas train each batch and how many WASM threads each gets. A model worth
 * sharing out (stepWork) gets one replica per core (at most MAX_REPLICAS, each shard at least
 * MIN_SHARD rows), or tfjs's threads on every core when its batch is too small to share. Any other
 * model trains on one thread (`light` where there were more cores): tfjs's pool did not speed it
 * up and the threaded build is slower. bench:throughput, 2026-12-03, two cores, app loop, one
 * thread against tfjs's two: the tiny CNN 1,972.9 against 1,838.6 samples/s, the dense 4096-48-10
 * 834.3 against 831.1, while the default CNN gained 1.17x from the pool (371.4 against 434.4).
 */
export function planReplicas(env: { cores: number; batchSize: number; work: { macs: number; reuse: number } }): { replicas: number; threadsEach: number; light: boolean } {
  const cores = Math.max(1, Math.floor(env.cores));
  const heavy = env.work.reuse >= MIN_WEIGHT_REUSE && env.work.macs >= MIN_MACS_PER_SAMPLE;
  if (!heavy) return { replicas: 1, threadsEach: 1, light: cores > 1 };
  const replicas = Math.max(1, Math.min(cores, MAX_REPLICAS, Math.floor(env.batchSize / MIN_SHARD)));
  return { replicas, threadsEach: Math.max(1, Math.floor(cores / replicas)), light: false };
}

/** Pure: `n` rows cut into `k` contiguous shards whose sizes differ by at most one. */
export function shardRanges(n: number, k: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < k; i++) {
    const size = Math.floor(n / k) + (i < n % k ? 1 : 0);
    out.push([start, start + size]);
    start += size;
  }
  return out;
}

/** Pure: `n` rows cut into contiguous shards in proportion to `weights` (largest remainders; each non-empty when n allows). */
export function weightedRanges(n: number, weights: readonly number[]): [number, number][] {
  const k = weights.length;
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0) || weights.some((w) => !(w > 0) || !Number.isFinite(w))) return shardRanges(n, k);
  // One row each first (when there are enough), the rest in proportion; leftovers to the largest remainders.
  const floor = Math.min(1, Math.floor(n / k));
  const exact = weights.map((w) => ((n - floor * k) * w) / total);
  const sizes = exact.map((e) => floor + Math.floor(e));
  const order = exact.map((e, i) => ({ r: e - Math.floor(e), i })).sort((a, b) => b.r - a.r);
  let left = n - sizes.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (left-- <= 0) break;
    sizes[i] = (sizes[i] as number) + 1;
  }
  let start = 0;
  return sizes.map((size) => [start, (start += size)] as [number, number]);
}

/**
 * Keeps each replica's milliseconds per row (a moving average) so the next batch gives the faster
 * ones more rows and all finish together: a replica may share its core with the page, and the
 * loop's own thread also applies the update. Which rows go where never changes the gradient.
 */
export function createBalance(replicas: number) {
  const msPerRow: number[] = new Array<number>(replicas).fill(NaN);
  return {
    split: (n: number) => weightedRanges(n, msPerRow.map((m) => 1 / m)),
    record(i: number, rows: number, ms: number) {
      if (rows <= 0 || !(ms > 0)) return;
      const now = ms / rows;
      const before = msPerRow[i] as number;
      msPerRow[i] = Number.isNaN(before) ? now : 0.7 * before + 0.3 * now;
    },
  };
}

export type ShardBalance = ReturnType<typeof createBalance>;

/** Seeds a shard's augmentation apart from the other shards' of the same batch. */
const SHARD_SEED_STRIDE = 104729;

/**
 * One optimizer step over the batch `indices`, shared with `peers`: they get their shards first so
 * they work while this thread computes its own. Returns the batch's loss and accuracy (size-weighted
 * means of the shards'), already read; a peer's failure rejects and applies nothing.
 */
export async function parallelStep(
  ctx: ShardContext & { optimizer: tf.Optimizer },
  peers: readonly GradientPeer[],
  indices: Int32Array,
  augmentSeed: number,
  balance: ShardBalance = createBalance(peers.length + 1),
): Promise<{ loss: number; acc: number }> {
  const vars = trainableVariables(ctx.model);
  const weights = vars.map((v) => v.dataSync() as Float32Array);
  const ranges = balance.split(indices.length);
  const rows = (i: number) => (ranges[i]?.[1] ?? 0) - (ranges[i]?.[0] ?? 0);
  const shard = (i: number) => indices.subarray(...(ranges[i] as [number, number]));
  const remote = peers.map((p, i) => p.gradients({ weights, indices: shard(i + 1), augmentSeed: augmentSeed + (i + 1) * SHARD_SEED_STRIDE }));
  const started = performance.now();
  const mine = tf.tidy(() => {
    const idx = tf.tensor1d(shard(0), 'int32');
    const g = shardGradients(ctx, idx, augmentSeed);
    return { grads: g.grads, loss: g.loss, acc: g.acc };
  });
  balance.record(0, rows(0), performance.now() - started);
  const share = (i: number) => rows(i) / indices.length;
  try {
    const results = await Promise.all(remote);
    results.forEach((r, i) => balance.record(i + 1, rows(i + 1), r.ms));
    const mean = tf.tidy(() =>
      vars.map((v, j) => results.reduce((sum, r, i) => sum.add(tf.tensor(r.grads[j] as Float32Array, v.shape).mul(share(i + 1))), (mine.grads[j] as tf.Tensor).mul(share(0)))),
    );
    ctx.optimizer.applyGradients(vars.map((v, j) => ({ name: v.name, tensor: mean[j] as tf.Tensor })));
    tf.dispose(mean);
    const first = { loss: mine.loss.dataSync()[0] ?? NaN, acc: mine.acc.dataSync()[0] ?? NaN };
    const weigh = (pick: (r: { loss: number; acc: number }) => number) =>
      results.reduce((s, r, i) => s + pick(r) * share(i + 1), pick(first) * share(0));
    return { loss: weigh((r) => r.loss), acc: weigh((r) => r.acc) };
  } finally {
    tf.dispose([...mine.grads, mine.loss, mine.acc]);
  }
}
