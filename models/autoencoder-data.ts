/**
 * The autoencoder challenges' examples and the arithmetic on them, without tfjs (game/ and the
 * views use it): photos shrunk to the challenge's size, seeded noise for the denoising level, the
 * mean photo (the baseline a score is measured against), per-example errors and code
 * interpolation. models/autoencoder.ts adds the tfjs side and re-exports all of this.
 */
import type { SplitData } from './dataset';
import { mulberry32 } from './random';

/**
 * An autoencoder's examples: `images` are the targets (clean photos); `noisy`, when set, is what
 * the model sees instead (the denoising level), same layout. models/tensors.ts splitToTensors turns
 * it into inputs and image targets instead of one-hot labels.
 */
export interface ReconstructionSplit extends SplitData {
  reconstruct: true;
  noisy?: Uint8Array;
}

export const isReconstructionSplit = (s: object): s is ReconstructionSplit => 'reconstruct' in s && (s as { reconstruct?: unknown }).reconstruct === true;

/**
 * Each `factor` × `factor` block of pixels averaged into one (rounded): 64×64 photos at factor 2
 * become 32×32. Factor 1 returns the split unchanged.
 */
export function downsampleSplit(split: SplitData, factor: number): SplitData {
  if (factor === 1) return split;
  if (!Number.isInteger(factor) || factor < 1 || split.height % factor !== 0 || split.width % factor !== 0) {
    throw new Error(`cannot shrink ${split.height}x${split.width} photos by ${factor}`);
  }
  const { height: h, width: w, channels: c } = split;
  const oh = h / factor;
  const ow = w / factor;
  const out = new Uint8Array(split.count * oh * ow * c);
  const area = factor * factor;
  for (let n = 0; n < split.count; n++) {
    const src = n * h * w * c;
    const dst = n * oh * ow * c;
    for (let y = 0; y < oh; y++) {
      for (let x = 0; x < ow; x++) {
        for (let ch = 0; ch < c; ch++) {
          let sum = 0;
          for (let dy = 0; dy < factor; dy++) {
            for (let dx = 0; dx < factor; dx++) sum += split.images[src + ((y * factor + dy) * w + x * factor + dx) * c + ch] ?? 0;
          }
          out[dst + (y * ow + x) * c + ch] = Math.round(sum / area);
        }
      }
    }
  }
  return { ...split, height: oh, width: ow, images: out };
}

/** A standard normal draw from two uniform ones (Box-Muller). */
function gaussian(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * The photos with Gaussian noise of standard deviation `sigma` (on 0..1 pixels) added to every
 * pixel, clipped to 0..1 and kept as bytes: the same seed gives the same noisy photos in the
 * browser and on the server.
 */
export function addNoise(images: Uint8Array, sigma: number, seed: number): Uint8Array {
  const rand = mulberry32(seed);
  const out = new Uint8Array(images.length);
  const spread = sigma * 255;
  for (let i = 0; i < images.length; i++) {
    const v = (images[i] ?? 0) + spread * gaussian(rand);
    out[i] = Math.min(255, Math.max(0, Math.round(v)));
  }
  return out;
}

/** A split as an autoencoder's examples: clean targets, and noisy inputs when `noisy` is given. */
export function asReconstruction(split: SplitData, noisy?: Uint8Array): ReconstructionSplit {
  if (noisy && noisy.length !== split.images.length) throw new Error(`noisy inputs have ${noisy.length} pixels, the photos ${split.images.length}`);
  return { ...split, reconstruct: true, ...(noisy && { noisy }) };
}

/** The average photo of a split, per pixel, on 0..1. */
export function meanImage(split: SplitData): Float32Array {
  const size = split.height * split.width * split.channels;
  const sum = new Float64Array(size);
  for (let n = 0; n < split.count; n++) {
    for (let p = 0; p < size; p++) sum[p] = (sum[p] ?? 0) + (split.images[n * size + p] ?? 0);
  }
  return Float32Array.from(sum, (s) => s / Math.max(1, split.count) / 255);
}

/**
 * Mean squared error of each example, over its `size` pixels on 0..1: `predicted` holds the
 * model's floats, `targets` the photos as bytes (0..255) or floats (0..1), example after example.
 */
export function exampleErrors(predicted: ArrayLike<number>, targets: Uint8Array | Float32Array, size: number): Float32Array {
  if (predicted.length !== targets.length || size <= 0 || targets.length % size !== 0) {
    throw new Error(`${predicted.length} predicted pixels for ${targets.length} target pixels in examples of ${size}`);
  }
  const scale = targets instanceof Uint8Array ? 1 / 255 : 1;
  const count = targets.length / size;
  const out = new Float32Array(count);
  for (let n = 0; n < count; n++) {
    let sum = 0;
    for (let p = n * size; p < (n + 1) * size; p++) {
      const d = (predicted[p] ?? 0) - (targets[p] ?? 0) * scale;
      sum += d * d;
    }
    out[n] = sum / size;
  }
  return out;
}

/** Each photo's error when the model answers the mean photo whatever it sees (the baseline). */
export function meanImageErrors(mean: Float32Array, targets: SplitData): Float32Array {
  const size = mean.length;
  const repeated = new Float32Array(targets.count * size);
  for (let n = 0; n < targets.count; n++) repeated.set(mean, n * size);
  return exampleErrors(repeated, targets.images, size);
}

/**
 * `steps` codes evenly spaced from `a` to `b`, both ends included (steps ≥ 2), one after another:
 * what the decoder paints on the way from one photo's code to another's.
 */
export function interpolateCodes(a: ArrayLike<number>, b: ArrayLike<number>, steps: number): Float32Array {
  if (a.length !== b.length) throw new Error(`codes of ${a.length} and ${b.length} numbers`);
  if (!Number.isInteger(steps) || steps < 2) throw new Error(`steps must be a whole number of at least 2, got ${steps}`);
  const k = a.length;
  const out = new Float32Array(steps * k);
  for (let s = 0; s < steps; s++) {
    const t = s / (steps - 1);
    for (let i = 0; i < k; i++) out[s * k + i] = (a[i] ?? 0) * (1 - t) + (b[i] ?? 0) * t;
  }
  return out;
}
