/**
 * The tools against overfitting in the model vocabulary: L1/L2 weight decay (in the loss the loop
 * minimizes), early stopping on validation loss (best weights restored) and image augmentation.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { modelChallenge } from '../../../game/challenges';
import { validateSubmission } from '../../../game/submission';
import { augmentImages, augmentParams, augments } from '../../../models/augment';
import { buildModel, lossFunction } from '../../../models/build';
import { parseModelSpec, type ModelSpec } from '../../../models/spec';
import { trainModel } from '../../../models/train';

const dense = (units: number, activation: 'tanh' | 'softmax', decay: { l1?: number; l2?: number } = {}) => ({ type: 'dense' as const, units, activation, ...decay });
const spec = (layers: ModelSpec['layers'], over: Partial<ModelSpec['training']> = {}): ModelSpec => ({
  version: 1,
  layers,
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'sgd', learningRate: 0.1 }, batchSize: 64, epochs: 1, seed: 3, ...over },
});
const OPTS = { inputShape: [2], numClasses: 2 };

/** Points left/right of x = 0, labelled by side; `flip` swaps the labels. */
function sides(n: number, flip = false) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = ((i % 7) - 3) / 3 + (i % 2 ? 0.1 : -0.1);
    xs.push(x, ((i * 13) % 5) / 5 - 0.4);
    const right = x > 0 !== flip;
    ys.push(right ? 0 : 1, right ? 1 : 0);
  }
  return { xs: tf.tensor2d(xs, [n, 2]), ys: tf.tensor2d(ys, [n, 2]) };
}

const sumSquares = (m: tf.LayersModel) => tf.tidy(() => tf.addN(m.layers.map((l) => l.getWeights()[0]!.square().sum())).dataSync()[0]!);

before(async () => {
  await tf.setBackend('cpu');
});

describe('L1 and L2 weight decay', () => {
  test('the loss of the first batch is cross-entropy plus λ₂·Σw² at the starting weights', async () => {
    const s = spec([dense(4, 'tanh', { l2: 0.05 }), dense(2, 'softmax', { l2: 0.05 })], { optimizer: { type: 'sgd', learningRate: 1e-5 } });
    const data = sides(64);
    const model = buildModel(s, OPTS);
    const expected = tf.tidy(() => {
      const ce = lossFunction(s.training.loss)(data.ys, model.predict(data.xs) as tf.Tensor).mean().dataSync()[0]!;
      return ce + 0.05 * sumSquares(model);
    });
    let first = NaN;
    await trainModel(model, s, data, undefined, { onBatchEnd: (p) => void (p.batch === 0 && (first = p.loss)) });
    assert.ok(Math.abs(first - expected) < 1e-4, `batch loss ${first}, expected ${expected}`);
    model.dispose();
    tf.dispose([data.xs, data.ys]);
  });

  test('L2 keeps the weights smaller than the same run without it', async () => {
    const data = sides(64);
    const run = async (l2?: number) => {
      const s = spec([dense(8, 'tanh', { l2 }), dense(2, 'softmax', { l2 })], { epochs: 30, batchSize: 16 });
      const m = buildModel(s, OPTS);
      await trainModel(m, s, data, undefined);
      const size = sumSquares(m);
      m.dispose();
      return size;
    };
    const [plain, decayed] = [await run(undefined), await run(0.05)];
    assert.ok(decayed < plain * 0.8, `Σw² with L2 ${decayed}, without ${plain}`);
    tf.dispose([data.xs, data.ys]);
  });

  test('the vocabulary refuses decay out of range and unknown fields', () => {
    for (const bad of [{ l2: -0.1 }, { l2: 0.5 }, { l1: 1 }]) {
      const r = parseModelSpec(spec([dense(2, 'softmax', bad)]));
      assert.equal(r.ok, false, JSON.stringify(bad));
    }
    assert.equal(parseModelSpec(spec([dense(2, 'softmax', { l1: 0.001, l2: 0.01 })])).ok, true);
  });
});

describe('early stopping', () => {
  test('stops `patience` epochs after the best validation loss and restores that epoch’s weights', async () => {
    // Validation labels are the training labels flipped: the better it learns, the worse validation gets.
    const train = sides(64);
    const val = sides(32, true);
    const s = spec([dense(4, 'tanh'), dense(2, 'softmax')], { epochs: 30, batchSize: 8, earlyStopping: { patience: 3 } });
    const model = buildModel(s, OPTS);
    const result = await trainModel(model, s, train, val);
    const best = result.bestEpoch ?? -1;
    assert.ok(best >= 0 && best < 5, `best epoch ${best}`);
    assert.equal(result.history.length, best + 1 + 3, 'ran exactly patience epochs past the best');
    const now = tf.tidy(() => lossFunction(s.training.loss)(val.ys, model.predict(val.xs) as tf.Tensor).mean().dataSync()[0]!);
    assert.ok(Math.abs(now - result.history[best]!.valLoss!) < 1e-5, `val loss now ${now}, at best ${result.history[best]!.valLoss}`);
    model.dispose();
    tf.dispose([train.xs, train.ys, val.xs, val.ys]);
  });

  test('without validation data it trains every epoch and leaks no tensor', async () => {
    const data = sides(32);
    const s = spec([dense(2, 'softmax')], { epochs: 4, earlyStopping: { patience: 1 } });
    const model = buildModel(s, OPTS);
    const before = tf.memory().numTensors;
    const result = await trainModel(model, s, data, undefined);
    assert.equal(result.history.length, 4);
    assert.equal(result.bestEpoch, undefined);
    assert.equal(tf.memory().numTensors, before);
    model.dispose();
    tf.dispose([data.xs, data.ys]);
  });
});

describe('augmentation', () => {
  /** One bright pixel at (row 8, col 8) of a 17×17 image. */
  const dot = () => tf.tidy(() => tf.buffer([1, 17, 17, 1], 'float32').toTensor().add(tf.oneHot(8 * 17 + 8, 289).reshape([1, 17, 17, 1])) as tf.Tensor4D);
  const centre = (img: tf.Tensor4D) => {
    const px = img.dataSync();
    let sum = 0, r = 0, c = 0;
    px.forEach((v, i) => ((sum += v), (r += v * Math.floor(i / 17)), (c += v * (i % 17))));
    return [r / sum, c / sum] as const;
  };

  test('no-op settings leave an image as it was; a shift moves it; draws repeat with the seed', () => {
    const img = dot();
    const same = augmentImages(img, { shift: 0, rotate: 0, zoom: 0, brightness: 0 }, 1);
    assert.ok(tf.tidy(() => same.sub(img).abs().max().dataSync()[0]!) < 1e-6);
    const moved = augmentImages(img, { shift: 0.25, rotate: 0, zoom: 0, brightness: 0 }, 5);
    const [r, c] = centre(moved);
    assert.ok(Math.hypot(r - 8, c - 8) > 0.5, `centre ${r},${c}`);
    assert.deepEqual(augmentParams({ shift: 0.2, rotate: 10, zoom: 0.1, brightness: 0.2 }, 3, 64, 64, 9), augmentParams({ shift: 0.2, rotate: 10, zoom: 0.1, brightness: 0.2 }, 3, 64, 64, 9));
    assert.equal(augments({ shift: 0, rotate: 0, zoom: 0, brightness: 0 }), false);
    tf.dispose([img, same, moved]);
  });

  test('every image of a batch is transformed, not only the first (the CPU kernel alone blanks the rest)', () => {
    const img = tf.ones([4, 8, 8, 1]) as tf.Tensor4D;
    const out = augmentImages(img, { shift: 0.01, rotate: 0, zoom: 0, brightness: 0 }, 1);
    const sums = tf.tidy(() => Array.from(out.sum([1, 2, 3]).dataSync()));
    assert.equal(tf.getBackend(), 'cpu');
    for (const s of sums) assert.ok(s > 60, `sums ${sums.join(', ')}`);
    tf.dispose([img, out]);
  });

  test('brightness stays within 0..1 and nothing leaks', () => {
    const img = tf.fill([4, 8, 8, 1], 0.9) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const out = augmentImages(img, { shift: 0.1, rotate: 20, zoom: 0.2, brightness: 0.5 }, 2);
    assert.equal(tf.memory().numTensors, before + 1);
    const [lo, hi] = tf.tidy(() => [out.min().dataSync()[0]!, out.max().dataSync()[0]!]);
    assert.ok(lo >= 0 && hi <= 1, `${lo}..${hi}`);
    tf.dispose([img, out]);
  });

  test('augmentation is refused on a challenge without images', () => {
    const aug = { shift: 0.1, rotate: 0, zoom: 0, brightness: 0 };
    const flat = spec([dense(2, 'tanh'), dense(2, 'softmax')], { augment: aug });
    const r = validateSubmission(modelChallenge('logic-gates'), flat);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.issues[0]?.path, 'training.augment');
    const cnn = spec([{ type: 'flatten' }, dense(10, 'softmax')], { augment: aug });
    assert.equal(validateSubmission(modelChallenge('sign-digits'), cnn).ok, true);
  });
});

describe('optimizers', () => {
  test('a momentum run leaves no tensor behind (tfjs forgets the learning-rate scalar itself)', async () => {
    const data = sides(16);
    const s = spec([dense(2, 'softmax')], { optimizer: { type: 'momentum', learningRate: 0.1, momentum: 0.9 }, epochs: 2, batchSize: 8 });
    const model = buildModel(s, OPTS);
    const before = tf.memory().numTensors;
    await trainModel(model, s, data, undefined);
    assert.equal(tf.memory().numTensors, before);
    model.dispose();
    tf.dispose([data.xs, data.ys]);
  });
});
