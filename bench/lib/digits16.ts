/** Sign Digits at 16×16 and a judge for generated photos (bench/gan-digits*.ts). */
import * as tf from '@tensorflow/tfjs';
import type { SplitData } from '../../models/dataset';

export const SIDE = 16;

export interface Digits {
  x: tf.Tensor2D;
  y: Int32Array;
}

/** Photos as [n, 256] on 0..1, shrunk by 4×4 means, and their labels. */
export function shrink(split: SplitData): { x: tf.Tensor2D; y: Int32Array } {
  const x = tf.tidy(() => {
    const px = tf.tensor4d(split.images, [split.count, split.height, split.width, 1], 'int32').toFloat().div(255) as tf.Tensor4D;
    return tf.avgPool(px, split.height / SIDE, split.height / SIDE, 'valid').reshape([split.count, SIDE * SIDE]) as tf.Tensor2D;
  });
  return { x, y: Int32Array.from(split.labels) };
}

export const asImage = (): tf.layers.Layer[] => [tf.layers.reshape({ inputShape: [SIDE * SIDE], targetShape: [SIDE, SIDE, 1] })];

/** The judge: a small classifier on 16×16 real photos, trained once (dense, or with --conv two convs). */
export async function trainJudge(train: Digits, test: Digits, convolutional: boolean, seed: number) {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed + s });
  const layers = convolutional
    ? [
        ...asImage(),
        tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(2) }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(3) }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dropout({ rate: 0.3 }),
        tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(1) }),
      ]
    : [
        tf.layers.dense({ inputShape: [SIDE * SIDE], units: 128, activation: 'relu', kernelInitializer: init(0) }),
        tf.layers.dropout({ rate: 0.2 }),
        tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(1) }),
      ];
  const judge = tf.sequential({ layers });
  judge.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const ys = tf.oneHot(tf.tensor1d(train.y, 'int32'), 10);
  await judge.fit(train.x, ys, { epochs: 60, batchSize: 64, shuffle: true, verbose: 0 });
  ys.dispose();
  const pred = Array.from(tf.tidy(() => (judge.predict(test.x) as tf.Tensor).argMax(1).dataSync()));
  const acc = pred.reduce((s, p, i) => s + (p === test.y[i] ? 1 : 0), 0) / test.y.length;
  return { judge, acc };
}


/** The judge's view of `images` [n, 256]: mean confidence, digits with at least 5 %, their entropy, counts, and the labels it read. */
export function judgeImages(images: tf.Tensor2D, judge: tf.Sequential) {
  return tf.tidy(() => {
    const n = images.shape[0];
    const p = judge.predict(images) as tf.Tensor2D;
    const conf = p.max(1).mean().dataSync()[0] ?? NaN;
    const read = Array.from(p.argMax(1).dataSync());
    const counts = new Array<number>(10).fill(0);
    for (const c of read) counts[c] = (counts[c] ?? 0) + 1;
    const shares = counts.map((c) => c / n);
    const entropy = -shares.reduce((s, q) => s + (q > 0 ? q * Math.log2(q) : 0), 0);
    return { conf, covered: shares.filter((q) => q >= 0.05).length, entropy, counts, read };
  });
}

export const bce = (logits: tf.Tensor, target: number) => tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, target), logits) as tf.Scalar;
export const vars = (m: tf.LayersModel) => m.trainableWeights.map((w) => w.read() as tf.Variable);
