/**
 * An autoencoder's model-side API (issue 18), the same in the browser and on the server. A spec
 * is an autoencoder when one dense layer is marked `bottleneck: true` (models/spec-decoder.ts):
 * the layers up to and including it are the encoder, the ones after it the decoder, and its units
 * are the code length. Build it with models/build.ts buildModel(spec, { inputShape, numClasses,
 * outputShape: inputShape }) (game/challenges.ts buildTarget gives those options) and train it with
 * models/train.ts trainModel on splitToTensors of the challenge's examples: those are a
 * ReconstructionSplit (game/challenge-data.ts forChallenge makes them), so the targets are the clean
 * photos, the inputs the noisy ones on the denoising level, and no accuracy is reported (NaN).
 *
 *   reconstruct(model, xs)               model(xs): N × H × W × C floats on 0..1
 *   encode(model, spec, xs)              the bottleneck's output: N × codeLength
 *   decode(model, spec, codes)           the decoder alone on codes (interpolation, the code map)
 *   reconstructionErrors(model, xs, ys)  per-example mean squared error (what the server scores)
 *   imagesTensor(pixels, count, shape)   floats or bytes of `count` photos as the [N, H, W, C] input
 *
 * and, without tfjs (re-exported from models/autoencoder-data.ts): downsampleSplit, addNoise
 * (seeded), asReconstruction, meanImage, exampleErrors, meanImageErrors, interpolateCodes; with
 * codeLength / bottleneckIndex from models/spec-decoder.ts. Every function here frees what it
 * makes: the caller owns only the tensors it passed in.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from './spec';
import { bottleneckIndex } from './spec-decoder';

export {
  addNoise,
  asReconstruction,
  downsampleSplit,
  exampleErrors,
  interpolateCodes,
  isReconstructionSplit,
  meanImage,
  meanImageErrors,
  type ReconstructionSplit,
} from './autoencoder-data';
export { autoencoderIssues, bottleneckIndex, codeLength } from './spec-decoder';

/** Examples per forward pass: bounds peak memory for wide conv decoders. */
const BATCH = 64;

/** Runs `step` on consecutive batches of `xs` and concatenates its outputs, read back, in order. */
async function inBatches(xs: tf.Tensor, batchSize: number, step: (batch: tf.Tensor) => tf.Tensor): Promise<Float32Array> {
  const n = xs.shape[0] ?? 0;
  const parts: Float32Array[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const out = tf.tidy(() => step(xs.slice(start, size)));
    try {
      parts.push((await out.data()) as Float32Array);
    } finally {
      out.dispose();
    }
  }
  const all = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** The spec's bottleneck layer index; throws (a programming error) when the spec has none. */
function splitAt(spec: ModelSpec): number {
  const b = bottleneckIndex(spec);
  if (b === null) throw new Error('the spec has no single bottleneck layer (models/spec-decoder.ts autoencoderIssues)');
  return b;
}

/** Applies the model's layers from..to (inclusive) to `x`, as inference (dropout off). */
function applyLayers(model: tf.LayersModel, from: number, to: number, x: tf.Tensor): tf.Tensor {
  let y = x;
  // buildModel adds one tfjs layer per spec layer, so spec index i is model.layers[i].
  for (const layer of model.layers.slice(from, to + 1)) y = layer.apply(y, { training: false }) as tf.Tensor;
  return y;
}

/** `count` photos (floats on 0..1, or bytes 0..255) as the model's input [count, ...shape]. */
export function imagesTensor(pixels: Float32Array | Uint8Array, count: number, shape: readonly number[]): tf.Tensor {
  return tf.tidy(() => {
    const t = tf.tensor(pixels, [count, ...shape], pixels instanceof Uint8Array ? 'int32' : 'float32');
    return pixels instanceof Uint8Array ? t.toFloat().div(255) : t;
  });
}

/** The model's rebuilt photos for `xs`: N × H × W × C floats, example after example. */
export function reconstruct(model: tf.LayersModel, xs: tf.Tensor, batchSize = BATCH): Promise<Float32Array> {
  return inBatches(xs, batchSize, (b) => model.predict(b) as tf.Tensor);
}

/** Each example's code, the bottleneck's output: N × codeLength numbers. */
export function encode(model: tf.LayersModel, spec: ModelSpec, xs: tf.Tensor, batchSize = BATCH): Promise<Float32Array> {
  const b = splitAt(spec);
  return inBatches(xs, batchSize, (x) => applyLayers(model, 0, b, x));
}

/**
 * The decoder alone: photos painted from `codes` (count × codeLength numbers, code after code),
 * N × H × W × C floats. Codes need not come from a photo: interpolateCodes gives the way between two.
 */
export async function decode(model: tf.LayersModel, spec: ModelSpec, codes: Float32Array, batchSize = BATCH): Promise<Float32Array> {
  const b = splitAt(spec);
  const k = (spec.layers[b] as { units: number }).units;
  if (codes.length % k !== 0) throw new Error(`${codes.length} numbers are not whole codes of ${k}`);
  const t = tf.tensor2d(codes, [codes.length / k, k]);
  try {
    return await inBatches(t, batchSize, (c) => applyLayers(model, b + 1, model.layers.length - 1, c));
  } finally {
    t.dispose();
  }
}

/**
 * Mean squared error of each example's reconstruction of `xs` against `targets` (the clean photos,
 * the same shape), over its pixels on 0..1: N numbers. The server's autoencoder score comes from
 * these on the hidden test photos (game/autoencoder.ts).
 */
export function reconstructionErrors(model: tf.LayersModel, xs: tf.Tensor, targets: tf.Tensor, batchSize = BATCH): Promise<Float32Array> {
  const n = xs.shape[0] ?? 0;
  if (targets.shape[0] !== n) throw new Error(`${n} inputs for ${targets.shape[0]} targets`);
  let start = 0;
  return inBatches(xs, batchSize, (x) => {
    const size = x.shape[0] ?? 0;
    const y = targets.slice(start, size);
    start += size;
    const pred = model.predict(x) as tf.Tensor;
    return tf.square(tf.sub(pred, y)).reshape([size, -1]).mean(1);
  });
}
