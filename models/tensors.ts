/** Turns decoded data set splits into tensors for training and evaluation. */
import * as tf from '@tensorflow/tfjs';
import { isFeatureSplit, type Examples } from './challenge-data';

export interface XY {
  /** Images [N, H, W, C], float32 in 0..1, feature vectors [N, F] or sequences [N, T, F]. */
  xs: tf.Tensor;
  /** One-hot labels [N, numClasses]. */
  ys: tf.Tensor2D;
}

export function splitToTensors(split: Examples, numClasses: number): XY {
  return tf.tidy(() => {
    if (isFeatureSplit(split)) {
      const steps = split.steps;
      const xs = steps
        ? tf.tensor3d(split.features, [split.count, steps, split.width / steps])
        : tf.tensor2d(split.features, [split.count, split.width]);
      const ys = tf.oneHot(tf.tensor1d(split.labels, 'int32'), numClasses).toFloat() as tf.Tensor2D;
      return { xs, ys };
    }
    const pixels = tf.tensor4d(split.images, [split.count, split.height, split.width, split.channels], 'int32');
    const xs = pixels.toFloat().div(255) as tf.Tensor4D;
    const ys = tf.oneHot(tf.tensor1d(split.labels, 'int32'), numClasses).toFloat() as tf.Tensor2D;
    return { xs, ys };
  });
}
