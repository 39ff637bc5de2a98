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
import { useBackend } from '../tests/unit/challenges/harness';
import { asImage, bce, judgeImages, shrink, SIDE, trainJudge, vars } from './lib/digits16';
import { machine, numArg, parseArgs } from './lib/stats';

const args = parseArgs();
const minutes = numArg(args, 'minutes', 6);
const hidden = numArg(args, 'hidden', 128);
const noiseDim = numArg(args, 'noise', 16);
const batch = numArg(args, 'batch', 64);
const seed = numArg(args, 'seed', 1);
// --conv: a convolutional generator, discriminator and judge instead of dense ones.
const convolutional = args.has('conv');
const DATA = join(import.meta.dirname, '..', 'data', 'sign-digits');

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

/** The judge's view of 500 photos from the generator (fixed noise). */
const judgeFakes = (g: tf.Sequential, judge: tf.Sequential) =>
  tf.tidy(() => judgeImages(g.predict(tf.randomNormal([500, noiseDim], 0, 1, 'float32', 4242)) as tf.Tensor2D, judge));

const backend = await useBackend('wasm');
console.log(`gan-digits: ${SIDE}x${SIDE}, ${convolutional ? 'convolutional' : `dense, hidden ${hidden}/${hidden * 2}`}, noise ${noiseDim}, batch ${batch}, ${minutes} min, ${backend}; machine ${JSON.stringify(machine())}`);
const train = shrink(loadSplitFromDisk(DATA, 'train').data);
const test = shrink(loadSplitFromDisk(DATA, 'test').data);
const t0 = performance.now();
const { judge, acc } = await trainJudge(train, test, convolutional, seed);
console.log(`judge: ${convolutional ? 'conv 16-32' : 'dense 256-128-10'}, test accuracy on real photos ${(acc * 100).toFixed(1)} %, trained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const real = judgeImages(test.x, judge);
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
