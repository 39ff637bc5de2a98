/**
 * Issue 18's "then, if it trains in a class period on a CPU": can a small GAN make Sign Digits
 * photos (16×16, shrunk from 64×64 by 4×4 means) that a classifier trained once on real photos
 * recognises, and how many digits does it cover, within a class period on one CPU core? Plain tfjs
 * in Node on WASM, the two-network loop of models/gan.ts written out for images.
 *
 * Prints the judge's test accuracy on real photos, then at each checkpoint: rounds, seconds, the
 * judge's mean confidence on 500 generated photos, how many digits get at least 5 % of them, and
 * the entropy of the digits (log2 10 = 3.32 is all ten equally).
 *
 *   npx tsx bench/gan-digits.ts [--minutes 6] [--hidden 128] [--noise 16] [--batch 64] [--seed 1] [--conv]
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadSplitFromDisk } from '../models/dataset-node';
import type { SplitData } from '../models/dataset';
import { useBackend } from '../tests/unit/challenges/harness';
import { machine, numArg, parseArgs } from './lib/stats';

const args = parseArgs();
const minutes = numArg(args, 'minutes', 6);
const hidden = numArg(args, 'hidden', 128);
const noiseDim = numArg(args, 'noise', 16);
const batch = numArg(args, 'batch', 64);
const seed = numArg(args, 'seed', 1);
// --conv: a convolutional generator, discriminator and judge instead of dense ones.
const convolutional = args.has('conv');
const SIDE = 16;
const DATA = join(import.meta.dirname, '..', 'data', 'sign-digits');

/** Photos as [n, 256] on 0..1, shrunk by 4×4 means, and their labels. */
function shrink(split: SplitData): { x: tf.Tensor2D; y: Int32Array } {
  const x = tf.tidy(() => {
    const px = tf.tensor4d(split.images, [split.count, split.height, split.width, 1], 'int32').toFloat().div(255) as tf.Tensor4D;
    return tf.avgPool(px, split.height / SIDE, split.height / SIDE, 'valid').reshape([split.count, SIDE * SIDE]) as tf.Tensor2D;
  });
  return { x, y: Int32Array.from(split.labels) };
}

const asImage = (): tf.layers.Layer[] => [tf.layers.reshape({ inputShape: [SIDE * SIDE], targetShape: [SIDE, SIDE, 1] })];

/** The judge: a small classifier on 16×16 real photos, trained once (dense, or with --conv two convs). */
async function trainJudge(train: { x: tf.Tensor2D; y: Int32Array }, test: { x: tf.Tensor2D; y: Int32Array }) {
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

/** A DCGAN-like pair at 16×16: dense to 4×4×32, two upsamplings; two strided convs to one logit. */
function convGan() {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed * 100 + s });
  const g = tf.sequential({ layers: [
    tf.layers.dense({ inputShape: [noiseDim], units: 4 * 4 * 32, activation: 'relu', kernelInitializer: init(1) }),
    tf.layers.reshape({ targetShape: [4, 4, 32] }),
    tf.layers.upSampling2d({ size: [2, 2] }),
    tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(2) }),
    tf.layers.upSampling2d({ size: [2, 2] }),
    tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(3) }),
    tf.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'same', activation: 'sigmoid', kernelInitializer: init(4) }),
    tf.layers.flatten(),
  ] });
  const d = tf.sequential({ layers: [
    ...asImage(),
    tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(5) }),
    tf.layers.conv2d({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(6) }),
    tf.layers.flatten(),
    tf.layers.dropout({ rate: 0.3 }),
    tf.layers.dense({ units: 1, kernelInitializer: init(7) }),
  ] });
  return { g, d };
}

function gan() {
  if (convolutional) return convGan();
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed * 100 + s });
  const g = tf.sequential({ layers: [
    tf.layers.dense({ inputShape: [noiseDim], units: hidden, activation: 'relu', kernelInitializer: init(1) }),
    tf.layers.dense({ units: hidden * 2, activation: 'relu', kernelInitializer: init(2) }),
    tf.layers.dense({ units: SIDE * SIDE, activation: 'sigmoid', kernelInitializer: init(3) }),
  ] });
  const d = tf.sequential({ layers: [
    tf.layers.dense({ inputShape: [SIDE * SIDE], units: hidden * 2, activation: 'relu', kernelInitializer: init(4) }),
    tf.layers.dropout({ rate: 0.3 }),
    tf.layers.dense({ units: hidden, activation: 'relu', kernelInitializer: init(5) }),
    tf.layers.dense({ units: 1, kernelInitializer: init(6) }),
  ] });
  return { g, d };
}

const bce = (logits: tf.Tensor, target: number) => tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, target), logits) as tf.Scalar;
const vars = (m: tf.LayersModel) => m.trainableWeights.map((w) => w.read() as tf.Variable);

function judgeFakes(g: tf.Sequential, judge: tf.Sequential) {
  return tf.tidy(() => {
    const z = tf.randomNormal([500, noiseDim], 0, 1, 'float32', 4242);
    const p = judge.predict(g.predict(z) as tf.Tensor) as tf.Tensor2D;
    const conf = p.max(1).mean().dataSync()[0] ?? NaN;
    const counts = new Array<number>(10).fill(0);
    for (const c of p.argMax(1).dataSync()) counts[c] = (counts[c] ?? 0) + 1;
    const shares = counts.map((c) => c / 500);
    const entropy = -shares.reduce((s, q) => s + (q > 0 ? q * Math.log2(q) : 0), 0);
    return { conf, covered: shares.filter((q) => q >= 0.05).length, entropy, counts };
  });
}

const backend = await useBackend('wasm');
console.log(`gan-digits: ${SIDE}x${SIDE}, ${convolutional ? 'convolutional' : `dense, hidden ${hidden}/${hidden * 2}`}, noise ${noiseDim}, batch ${batch}, ${minutes} min, ${backend}; machine ${JSON.stringify(machine())}`);
const train = shrink(loadSplitFromDisk(DATA, 'train').data);
const test = shrink(loadSplitFromDisk(DATA, 'test').data);
const t0 = performance.now();
const { judge, acc } = await trainJudge(train, test);
console.log(`judge: ${convolutional ? 'conv 16-32' : 'dense 256-128-10'}, test accuracy on real photos ${(acc * 100).toFixed(1)} %, trained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const real = judgeFakes({ predict: () => test.x.slice([0, 0], [Math.min(500, test.x.shape[0]), SIDE * SIDE]) } as unknown as tf.Sequential, judge);
console.log(`real test photos as the judge sees them: confidence ${real.conf.toFixed(3)}, digits covered ${real.covered}, entropy ${real.entropy.toFixed(2)}`);

const { g, d } = gan();
const dOpt = tf.train.adam(0.0005, 0.5);
const gOpt = tf.train.adam(0.001, 0.5);
const n = train.x.shape[0];
const started = performance.now();
let nextReport = 30;
for (let round = 1; ; round++) {
  tf.tidy(() => {
    const idx = tf.randomUniform([batch], 0, n, 'int32', seed * 7 + round);
    const realB = tf.gather(train.x, idx);
    const fake = g.predict(tf.randomNormal([batch, noiseDim], 0, 1, 'float32', seed * 13 + round)) as tf.Tensor;
    dOpt.minimize(() => bce(d.apply(realB, { training: true }) as tf.Tensor, 0.9).add(bce(d.apply(fake, { training: true }) as tf.Tensor, 0)), false, vars(d));
    gOpt.minimize(() => bce(d.apply(g.apply(tf.randomNormal([batch, noiseDim], 0, 1, 'float32', seed * 17 + round), { training: true }) as tf.Tensor, { training: true }) as tf.Tensor, 1), false, vars(g));
  });
  const s = (performance.now() - started) / 1000;
  if (s >= nextReport) {
    const r = judgeFakes(g, judge);
    console.log(`${String(Math.round(s)).padStart(4)} s  round ${String(round).padStart(6)}  confidence ${r.conf.toFixed(3)}  digits >=5 %: ${r.covered}  entropy ${r.entropy.toFixed(2)}  counts ${r.counts.join(' ')}`);
    nextReport += 30;
    if (s >= minutes * 60) break;
  }
}
