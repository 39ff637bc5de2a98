/**
 * Augmented copies of a few training images for the preview, made in the page with the same
 * `augmentImages` the training loop uses. Imported dynamically by AugmentPreview.tsx (it pulls in
 * tfjs); the CPU backend is plenty for a dozen 64×64 images and leaves the GPU to the training
 * worker. Every tensor made here is disposed before the call returns.
 */
import * as tf from '@tensorflow/tfjs';
import { augmentImages } from '../../../../models/augment';
import type { AugmentSpec } from '../../../../models/spec';

export async function ensureBackend(): Promise<void> {
  // engine().backendName is empty until a backend was set; reading `backend` would start WebGL.
  if (!tf.engine().backendName) await tf.setBackend('cpu');
  await tf.ready();
}

/**
 * `copies` augmented versions of each image (0..255 bytes, height × width, one channel): result[c][i]
 * is copy c of image i. One batch for all of them, so each copy gets its own random draw from `seed`.
 */
export function augmentPixels(images: readonly Uint8Array[], height: number, width: number, augment: AugmentSpec, seed: number, copies: number): Uint8Array[][] {
  const n = images.length;
  const size = height * width;
  if (n === 0 || copies === 0) return [];
  const batch = new Float32Array(copies * n * size);
  for (let c = 0; c < copies; c++) {
    images.forEach((img, i) => {
      const at = (c * n + i) * size;
      for (let p = 0; p < size; p++) batch[at + p] = (img[p] ?? 0) / 255;
    });
  }
  const out = tf.tidy(() => augmentImages(tf.tensor4d(batch, [copies * n, height, width, 1]), augment, seed));
  let values: Float32Array;
  try {
    values = out.dataSync() as Float32Array;
  } finally {
    out.dispose();
  }
  return Array.from({ length: copies }, (_, c) =>
    Array.from({ length: n }, (_, i) => {
      const at = (c * n + i) * size;
      const px = new Uint8Array(size);
      for (let p = 0; p < size; p++) px[p] = Math.round((values[at + p] ?? 0) * 255);
      return px;
    }),
  );
}
