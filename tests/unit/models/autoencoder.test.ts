/**
 * models/autoencoder.ts and models/autoencoder-data.ts: the pure helpers on known inputs, encode
 * then decode equal to a whole reconstruction, errors equal to the plain formula, and a training
 * run of a small autoencoder (loss falls, no accuracy, every tensor freed).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import {
  addNoise,
  asReconstruction,
  decode,
  downsampleSplit,
  encode,
  exampleErrors,
  imagesTensor,
  interpolateCodes,
  meanImage,
  meanImageErrors,
  reconstruct,
  reconstructionErrors,
} from '../../../models/autoencoder';
import { buildModel } from '../../../models/build';
import type { SplitData } from '../../../models/dataset';
import type { LayerSpec, ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { trainModel } from '../../../models/train';

const split = (count: number, side: number, pixel: (n: number, i: number) => number): SplitData => {
  const size = side * side;
  const images = Uint8Array.from({ length: count * size }, (_, p) => pixel(Math.floor(p / size), p % size));
  return { count, height: side, width: side, channels: 1, images, labels: new Uint8Array(count) };
};

const LAYERS: LayerSpec[] = [
  { type: 'flatten' },
  { type: 'dense', units: 16, activation: 'relu' },
  { type: 'dense', units: 3, activation: 'linear', bottleneck: true },
  { type: 'dense', units: 16, activation: 'relu' },
  { type: 'dense', units: 64, activation: 'sigmoid' },
  { type: 'reshape', targetShape: [8, 8, 1] },
];
const SPEC: ModelSpec = {
  version: 1,
  layers: LAYERS,
  training: { loss: 'meanSquaredError', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 16, epochs: 8, seed: 3 },
};
const SHAPE = [8, 8, 1];
const OPTS = { inputShape: SHAPE, numClasses: 10, outputShape: SHAPE };
/** Bars at one of four places, brightness by example: something a 3-number code can carry. */
const bars = (count: number) => split(count, 8, (n, i) => ((i % 8) >> 1 === n % 4 ? 100 + (n % 7) * 20 : 10));

before(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('the pure helpers', () => {
  test('downsampleSplit averages each block, rounding', () => {
    const s = split(1, 4, (_, i) => i * 10);
    const small = downsampleSplit(s, 2);
    assert.deepEqual([small.height, small.width, small.count], [2, 2, 1]);
    // Block (0,0) holds pixels 0, 1, 4, 5: (0 + 10 + 40 + 50) / 4 = 25.
    assert.deepEqual([...small.images], [25, 45, 105, 125]);
    assert.equal(downsampleSplit(s, 1), s);
    assert.throws(() => downsampleSplit(s, 3), /cannot shrink 4x4 photos by 3/);
  });

  test('addNoise is seeded, clipped and about sigma wide', () => {
    const grey = new Uint8Array(20_000).fill(128);
    const a = addNoise(grey, 0.2, 7);
    assert.deepEqual(a, addNoise(grey, 0.2, 7), 'same seed, same noise');
    assert.notDeepEqual(a, addNoise(grey, 0.2, 8), 'another seed, other noise');
    const d = [...a].map((v) => (v - 128) / 255);
    const mean = d.reduce((s, v) => s + v, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / d.length);
    assert.ok(Math.abs(mean) < 0.01, `mean ${mean}`);
    assert.ok(Math.abs(sd - 0.2) < 0.01, `sd ${sd}`);
    const black = addNoise(new Uint8Array(1000), 0.5, 1);
    assert.ok(black.every((v) => v >= 0 && v <= 255) && black.some((v) => v === 0), 'clipped at 0');
  });

  test('exampleErrors and the mean photo on known values', () => {
    assert.deepEqual([...exampleErrors([0.5, 0.5, 1, 0], Float32Array.from([0, 1, 1, 0]), 2)], [0.25, 0]);
    const bytes = Uint8Array.from([255, 0]);
    assert.deepEqual([...exampleErrors([0, 0], bytes, 2)], [0.5]);
    const s = split(2, 2, (n) => (n === 0 ? 0 : 255));
    assert.deepEqual([...meanImage(s)], [0.5, 0.5, 0.5, 0.5]);
    assert.deepEqual([...meanImageErrors(meanImage(s), s)], [0.25, 0.25]);
    assert.throws(() => exampleErrors([0], bytes, 2), /1 predicted pixels for 2 target pixels/);
  });

  test('interpolateCodes runs from one code to the other', () => {
    assert.deepEqual([...interpolateCodes([0, 10], [4, 30], 3)], [0, 10, 2, 20, 4, 30]);
    assert.throws(() => interpolateCodes([0], [1, 2], 3), /codes of 1 and 2/);
    assert.throws(() => interpolateCodes([0], [1], 1), /at least 2/);
  });

  test('asReconstruction keeps clean targets and the noisy inputs apart', () => {
    const s = bars(4);
    const noisy = addNoise(s.images, 0.3, 1);
    const xy = splitToTensors(asReconstruction(s, noisy), 10);
    assert.equal(xy.targets, 'inputs');
    assert.deepEqual(xy.ys.shape, [4, 8, 8, 1]);
    const [x, y] = [xy.xs.dataSync(), xy.ys.dataSync()];
    assert.ok(Math.abs((x[0] ?? 0) - (noisy[0] ?? 0) / 255) < 1e-6 && Math.abs((y[0] ?? 0) - (s.images[0] ?? 0) / 255) < 1e-6);
    tf.dispose([xy.xs, xy.ys]);
    assert.throws(() => asReconstruction(s, new Uint8Array(3)), /noisy inputs have 3 pixels/);
  });
});

describe('encode, decode, reconstruct and errors of a built autoencoder', () => {
  test('decode(encode(x)) is reconstruct(x), and the errors are the plain formula', async () => {
    const model = buildModel(SPEC, OPTS);
    const data = bars(10);
    const xs = imagesTensor(data.images, data.count, SHAPE);
    const before = tf.memory().numTensors;
    try {
      const codes = await encode(model, SPEC, xs, 4);
      assert.equal(codes.length, 10 * 3);
      const painted = await decode(model, SPEC, codes, 3);
      const whole = await reconstruct(model, xs, 4);
      assert.equal(whole.length, 10 * 64);
      whole.forEach((v, i) => assert.ok(Math.abs(v - (painted[i] ?? NaN)) < 1e-5, `pixel ${i}`));
      const errors = await reconstructionErrors(model, xs, xs, 4);
      const plain = exampleErrors(whole, data.images, 64);
      errors.forEach((e, i) => assert.ok(Math.abs(e - (plain[i] ?? NaN)) < 1e-5, `example ${i}: ${e} vs ${plain[i]}`));
      const between = await decode(model, SPEC, interpolateCodes(codes.subarray(0, 3), codes.subarray(3, 6), 5));
      assert.equal(between.length, 5 * 64);
      await assert.rejects(decode(model, { ...SPEC, layers: LAYERS.map((l) => ({ ...l, bottleneck: false }) as LayerSpec) }, codes), /no single bottleneck/);
      await assert.rejects(decode(model, SPEC, new Float32Array(4)), /4 numbers are not whole codes of 3/);
      assert.equal(tf.memory().numTensors, before, 'nothing left behind');
    } finally {
      xs.dispose();
      model.dispose();
    }
  });
});

describe('training an autoencoder', () => {
  test('the loss falls, no accuracy is reported, and every tensor is freed', async () => {
    const start = tf.memory().numTensors;
    const data = bars(64);
    const train = splitToTensors(asReconstruction(data), 10);
    const val = splitToTensors(asReconstruction(bars(16)), 10);
    const model = buildModel(SPEC, OPTS);
    let accs: number[] = [];
    const result = await trainModel(model, SPEC, train, val, { onBatchEnd: (p) => void accs.push(p.acc) });
    const first = result.history[0]!;
    const last = result.history.at(-1)!;
    assert.equal(result.history.length, 8);
    assert.ok(last.loss < first.loss * 0.7, `loss ${first.loss} → ${last.loss}`);
    assert.ok(last.valLoss !== undefined && last.valLoss < first.valLoss!, `val loss ${first.valLoss} → ${last.valLoss}`);
    assert.ok(accs.length === 8 * 4 && accs.every(Number.isNaN), 'no batch accuracy');
    assert.ok(Number.isNaN(last.acc) && Number.isNaN(last.valAcc ?? 0), 'no epoch accuracy');
    model.dispose();
    tf.dispose([train.xs, train.ys, val.xs, val.ys]);
    accs = [];
    assert.equal(tf.memory().numTensors, start, 'tensor count back to the start');
  });
});
