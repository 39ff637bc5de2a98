/** Turns decoded data set splits into tensors for training and evaluation. */
import * as tf from '@tensorflow/tfjs';
import { isReconstructionSplit, type ReconstructionSplit } from './autoencoder-data';
import { isFeatureSplit, type Examples } from './challenge-data';

export interface XY {
  /** Images [N, H, W, C], float32 in 0..1, feature vectors [N, F] or sequences [N, T, F]. */
  xs: tf.Tensor;
  /** One-hot labels [N, numClasses]; for an autoencoder (`targets: 'inputs'`) the clean images, shaped as xs. */
  ys: tf.Tensor;
  /**
   * 'inputs': the model rebuilds its input (an autoencoder; ys are images, and training reports no
   * accuracy). Absent: ys are classes.
   */
  targets?: 'inputs';
}

/** An autoencoder's inputs (the noisy photos when there are) and clean target photos, on 0..1. */
function reconstructionTensors(split: ReconstructionSplit): XY {
  const shape: [number, number, number, number] = [split.count, split.height, split.width, split.channels];
  const floats = (bytes: Uint8Array) => tf.tidy(() => tf.tensor4d(bytes, shape, 'int32').toFloat().div(255) as tf.Tensor4D);
  const ys = floats(split.images);
  return { xs: split.noisy ? floats(split.noisy) : ys.clone(), ys, targets: 'inputs' };
}

export function splitToTensors(split: Examples, numClasses: number): XY {
  if (isReconstructionSplit(split)) return reconstructionTensors(split);
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
