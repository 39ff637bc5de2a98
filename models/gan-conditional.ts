/**
 * The tensor side of a CONDITIONAL GAN (the sign-digits GAN, models/spec-gan.ts GanIO): the
 * generator gets the one-hot class after its noise, the discriminator gets it as extra channels of
 * each photo. With no classes every function passes its input through, so the points GAN's loop
 * is the same code.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from './random';

/** A conditional GAN's real examples: photos on 0..1 (row after row) and each one's class. */
export interface GanPhotos {
  photos: Float32Array;
  classes: Int32Array;
}

/** `count` classes in 0..k-1 from `seed` alone (the classes the generator is asked for). */
export function fakeClasses(count: number, k: number, seed: number): Int32Array {
  const rand = mulberry32(seed ^ 0x2c1b3c6d);
  return Int32Array.from({ length: count }, () => Math.floor(rand() * k));
}

/** The photos [b, h, w, c] with the one-hot classes [b, k] as k more channels, or the photos alone. */
export function withClasses(x: tf.Tensor, classes: tf.Tensor2D | null): tf.Tensor {
  if (!classes) return x;
  return tf.tidy(() => {
    const [b = 0, h = 1, w = 1] = x.shape;
    const k = classes.shape[1];
    return tf.concat([x, classes.reshape([b, 1, 1, k]).tile([1, h, w, 1])], 3);
  });
}

/**
 * The generator's input for noise `z` [count, noiseDim]: with k classes, `classes` (one per row)
 * as one-hot after the noise. Throws when a conditional generator is not told the classes.
 */
export function classInputs(z: tf.Tensor2D, k: number, classes: Int32Array | undefined): tf.Tensor2D {
  if (k === 0) return z;
  const count = z.shape[0];
  if (!classes || classes.length < count) throw new Error(`a conditional generator needs the class of each of its ${count} noise vectors`);
  return tf.tidy(() => tf.concat([z, tf.oneHot(tf.tensor1d(classes.subarray(0, count), 'int32'), k).toFloat()], 1) as tf.Tensor2D);
}
