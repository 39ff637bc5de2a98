/**
 * A conditional GAN for Sign Digits at 16×16 (bench/gan-digits.ts collapsed or hopped between a few
 * digits): the generator and the discriminator are told the digit, so every digit is asked for.
 * Prints, every 30 s: how often the judge (trained once on real photos) reads the digit that was
 * asked for, its confidence, and how many digits it reads.
 *
 *   npx tsx bench/gan-digits-conditional.ts [--minutes 4] [--noise 16] [--batch 64] [--seed 1]
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadSplitFromDisk } from '../models/dataset-node';
import { useBackend } from '../tests/unit/challenges/harness';
import { bce, judgeImages, shrink, SIDE, trainJudge, vars } from './lib/digits16';
import { machine, numArg, parseArgs } from './lib/stats';

const args = parseArgs();
const minutes = numArg(args, 'minutes', 4);
const noiseDim = numArg(args, 'noise', 16);
const batch = numArg(args, 'batch', 64);
const seed = numArg(args, 'seed', 1);
const DATA = join(import.meta.dirname, '..', 'data', 'sign-digits');
const init = (s: number) => tf.initializers.glorotUniform({ seed: seed * 100 + s });

function generator(): tf.LayersModel {
  const z = tf.input({ shape: [noiseDim] });
  const y = tf.input({ shape: [10] });
  let h = tf.layers.concatenate().apply([z, y]) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 4 * 4 * 32, activation: 'relu', kernelInitializer: init(1) }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reshape({ targetShape: [4, 4, 32] }).apply(h) as tf.SymbolicTensor;
  for (const [filters, s] of [[32, 2], [16, 3]] as const) {
    h = tf.layers.upSampling2d({ size: [2, 2] }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(s) }).apply(h) as tf.SymbolicTensor;
  }
  h = tf.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'same', activation: 'sigmoid', kernelInitializer: init(4) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, y], outputs: tf.layers.flatten().apply(h) as tf.SymbolicTensor });
}

function discriminator(): tf.LayersModel {
  const x = tf.input({ shape: [SIDE * SIDE] });
  const y = tf.input({ shape: [10] });
  let h = tf.layers.reshape({ targetShape: [SIDE, SIDE, 1] }).apply(x) as tf.SymbolicTensor;
  for (const [filters, s] of [[16, 5], [32, 6]] as const) {
    h = tf.layers.conv2d({ filters, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(s) }).apply(h) as tf.SymbolicTensor;
  }
  h = tf.layers.flatten().apply(h) as tf.SymbolicTensor;
  h = tf.layers.concatenate().apply([h, y]) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init(7) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, y], outputs: tf.layers.dense({ units: 1, kernelInitializer: init(8) }).apply(h) as tf.SymbolicTensor });
}

const backend = await useBackend('wasm');
console.log(`gan-digits-conditional: ${SIDE}x${SIDE}, noise ${noiseDim}, batch ${batch}, ${minutes} min, ${backend}; machine ${JSON.stringify(machine())}`);
const train = shrink(loadSplitFromDisk(DATA, 'train').data);
const test = shrink(loadSplitFromDisk(DATA, 'test').data);
const { judge, acc } = await trainJudge(train, test, true, seed);
console.log(`judge: conv 16-32, test accuracy on real photos ${(acc * 100).toFixed(1)} %`);
const labels = tf.tensor1d(train.y, 'int32');
const g = generator();
const d = discriminator();
const dOpt = tf.train.adam(0.0005, 0.5);
const gOpt = tf.train.adam(0.001, 0.5);
const n = train.x.shape[0];
/** 500 photos, 50 of each digit, from fixed noise. */
const asked = Int32Array.from({ length: 500 }, (_, i) => i % 10);
const started = performance.now();
let nextReport = 30;
for (let round = 1; ; round++) {
  tf.tidy(() => {
    const idx = tf.randomUniform([batch], 0, n, 'int32', seed * 7 + round);
    const realX = tf.gather(train.x, idx);
    const realY = tf.oneHot(tf.gather(labels, idx), 10).toFloat();
    const fakeY = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32', seed * 11 + round), 10).toFloat();
    const fake = g.predict([tf.randomNormal([batch, noiseDim], 0, 1, 'float32', seed * 13 + round), fakeY]) as tf.Tensor;
    dOpt.minimize(() => bce(d.apply([realX, realY], { training: true }) as tf.Tensor, 0.9).add(bce(d.apply([fake, fakeY], { training: true }) as tf.Tensor, 0)), false, vars(d));
    const z = tf.randomNormal([batch, noiseDim], 0, 1, 'float32', seed * 17 + round);
    gOpt.minimize(() => bce(d.apply([g.apply([z, fakeY], { training: true }) as tf.Tensor, fakeY], { training: true }) as tf.Tensor, 1), false, vars(g));
  });
  const s = (performance.now() - started) / 1000;
  if (s < nextReport) continue;
  const r = tf.tidy(() => {
    const y = tf.oneHot(tf.tensor1d(asked, 'int32'), 10).toFloat();
    return judgeImages(g.predict([tf.randomNormal([500, noiseDim], 0, 1, 'float32', 4242), y]) as tf.Tensor2D, judge);
  });
  const match = r.read.filter((c, i) => c === asked[i]).length / 500;
  console.log(`${String(Math.round(s)).padStart(4)} s  round ${String(round).padStart(6)}  read as asked ${(match * 100).toFixed(1)} %  confidence ${r.conf.toFixed(3)}  digits >=5 %: ${r.covered}  entropy ${r.entropy.toFixed(2)}`);
  nextReport += 30;
  if (s >= minutes * 60) break;
}
