/**
 * Data augmentation for image batches: a random shift, rotation and zoom (one affine transform per
 * image, tf.image.transform, which every backend we use implements) and a random brightness change.
 * The random draws come from a seed, so a run can be replayed and a preview shows what training sees.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from './random';
import type { AugmentSpec } from './spec';

/** Whether the settings change anything at all. */
export function augments(a: AugmentSpec | undefined): a is AugmentSpec {
  return !!a && (a.shift > 0 || a.rotate > 0 || a.zoom > 0 || a.brightness > 0);
}

/**
 * One projective-transform row per image ([a0 a1 a2 b0 b1 b2 c0 c1], output pixel → input pixel)
 * and one brightness offset per image, drawn from `seed`.
 */
export function augmentParams(a: AugmentSpec, count: number, height: number, width: number, seed: number): { transforms: Float32Array; brightness: Float32Array } {
  const rand = mulberry32(seed);
  const between = (m: number) => (rand() * 2 - 1) * m;
  const transforms = new Float32Array(count * 8);
  const brightness = new Float32Array(count);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let i = 0; i < count; i++) {
    const theta = (between(a.rotate) * Math.PI) / 180;
    const scale = 1 + between(a.zoom);
    const tx = between(a.shift) * width;
    const ty = between(a.shift) * height;
    const a0 = Math.cos(theta) / scale;
    const a1 = -Math.sin(theta) / scale;
    const b0 = Math.sin(theta) / scale;
    const b1 = Math.cos(theta) / scale;
    transforms.set([a0, a1, cx - a0 * cx - a1 * cy - tx, b0, b1, cy - b0 * cx - b1 * cy - ty, 0, 0], i * 8);
    brightness[i] = between(a.brightness);
  }
  return { transforms, brightness };
}

/**
 * tfjs 4.22's CPU Transform kernel fills every image after the first of a batch with zeros (checked:
 * a batch of four ones gives sums 64, 0, 0, 0 on CPU and 64 × 4 on WASM), so on CPU each image is
 * transformed alone.
 */
function perImage(images: tf.Tensor4D, rows: tf.Tensor2D): tf.Tensor4D {
  const n = images.shape[0];
  const parts = Array.from({ length: n }, (_, i) =>
    tf.image.transform(images.slice(i, 1), rows.slice(i, 1), 'bilinear', 'nearest'),
  );
  return tf.concat(parts, 0);
}

/** A new tensor: `images` [N, H, W, C] (0..1) shifted, rotated, zoomed and brightened, clipped to 0..1. */
export function augmentImages(images: tf.Tensor4D, a: AugmentSpec, seed: number): tf.Tensor4D {
  const [n, h, w] = images.shape;
  const { transforms, brightness } = augmentParams(a, n, h, w, seed);
  return tf.tidy(() => {
    const rows = tf.tensor2d(transforms, [n, 8]);
    const moved = tf.getBackend() === 'cpu' ? perImage(images, rows) : tf.image.transform(images, rows, 'bilinear', 'nearest');
    const lit = moved.add(tf.tensor4d(brightness, [n, 1, 1, 1]));
    return lit.clipByValue(0, 1) as tf.Tensor4D;
  });
}
