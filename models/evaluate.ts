/** Inference helpers: predicted classes for many examples without holding every activation at once. */
import * as tf from '@tensorflow/tfjs';

/** Predicted class (argmax) of each example in `xs`, computed `batchSize` examples at a time. */
export async function predictLabels(model: tf.LayersModel, xs: tf.Tensor, batchSize = 64): Promise<Int32Array> {
  const n = xs.shape[0] ?? 0;
  const out = new Int32Array(n);
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const labels = tf.tidy(() => {
      const batch = xs.slice(start, size);
      return (model.predict(batch) as tf.Tensor).argMax(-1);
    });
    out.set(await labels.data(), start);
    labels.dispose();
  }
  return out;
}

/**
 * Mean loss and accuracy of `model` on (xs, ys), batched; used for validation during training.
 * `classes` false (an autoencoder's image targets): no accuracy, NaN.
 */
export async function evaluateLossAccuracy(
  model: tf.LayersModel,
  lossFn: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor,
  xs: tf.Tensor,
  ys: tf.Tensor,
  batchSize = 64,
  classes = true,
): Promise<{ loss: number; acc: number }> {
  const n = xs.shape[0] ?? 0;
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const [loss, hits] = tf.tidy(() => {
      const yb = ys.slice(start, size);
      const pred = model.predict(xs.slice(start, size)) as tf.Tensor;
      const l = lossFn(yb, pred).mean().mul(size);
      const h = classes ? pred.argMax(-1).equal(yb.argMax(-1)).sum() : tf.scalar(0);
      return [l, h];
    });
    const [l, h] = await Promise.all([loss.data(), hits.data()]);
    lossSum += l[0] ?? 0;
    correct += h[0] ?? 0;
    loss.dispose();
    hits.dispose();
  }
  if (n === 0) return { loss: 0, acc: 0 };
  return { loss: lossSum / n, acc: classes ? correct / n : NaN };
}
