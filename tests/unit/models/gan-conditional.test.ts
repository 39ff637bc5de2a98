/**
 * The conditional GAN of photos (models/gan.ts with GanIO, models/gan-conditional.ts) on the CPU
 * and WASM backends in Node: the shapes of both models (the generator from noise + one-hot digit
 * to a photo, the discriminator from a photo + 10 class channels to one logit), field-named issues
 * for specs that do not fit, a training run on photos that learns the class it is told (finite
 * losses, no tensor left behind, replayable), and refusals of bad classes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { SpecError } from '../../../models/build';
import { buildGan, disposeGan, ganRoundsPerEpoch, ganWeights, generate, trainGan } from '../../../models/gan';
import { fakeClasses, withClasses } from '../../../models/gan-conditional';
import { gaussianNoise } from '../../../models/gan-noise';
import { knownGoodSpec } from '../../../models/presets';
import { inferGanShapes } from '../../../models/shapes-gan';
import type { LayerSpec, ModelSpec } from '../../../models/spec';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';

/** Photos 4×4×1 of 2 classes: class 0 dark, class 1 bright. */
const IO = { sample: [4, 4, 1], classes: 2 } as const;
const dense = (units: number, activation: 'relu' | 'sigmoid'): LayerSpec => ({ type: 'dense', units, activation });
const tiny = (epochs: number, seed = 3): ModelSpec => ({
  version: 1,
  layers: [dense(16, 'relu'), dense(16, 'sigmoid'), { type: 'reshape', targetShape: [4, 4, 1] }],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 16, epochs, seed },
  gan: { noiseDim: 4, dSteps: 1, gSteps: 1, discriminator: { layers: [{ type: 'flatten' }, dense(16, 'relu'), dense(1, 'sigmoid')], optimizer: { type: 'adam', learningRate: 0.01 } } },
});
function photos(n: number) {
  const classes = Int32Array.from({ length: n }, (_, i) => i % 2);
  const px = new Float32Array(n * 16);
  for (let i = 0; i < n; i++) px.fill(classes[i] === 1 ? 0.9 : 0.1, i * 16, (i + 1) * 16);
  return { photos: px, classes };
}
const mean = (a: Float32Array, from: number, to: number) => a.subarray(from, to).reduce((s, v) => s + v, 0) / (to - from);

describe('conditional GAN shapes', () => {
  test('the known-good digit GAN: generator 26 -> 16x16x1, discriminator 16x16x11 -> 1', () => {
    const shapes = inferGanShapes(knownGoodSpec('gan-digits'), { sample: [16, 16, 1], classes: 10 });
    assert.ok(shapes.ok, JSON.stringify(!shapes.ok && shapes.issues));
    assert.deepEqual(shapes.generator.at(-1)?.outputShape, [16, 16, 1]);
    assert.equal(shapes.generator[0]?.params, (16 + 10) * 512 + 512, 'noise and the one-hot digit feed the first layer');
    assert.equal(shapes.discriminator[0]?.params, 3 * 3 * 11 * 16 + 16, 'the photo and 10 class channels feed the first conv');
    assert.deepEqual(shapes.discriminator.at(-1)?.outputShape, [1]);
  });

  test('a generator that does not end in a photo, or a discriminator that does not end in a probability, is named', () => {
    const spec = tiny(1);
    const flat = inferGanShapes({ ...spec, layers: spec.layers.slice(0, 2) }, IO);
    assert.ok(!flat.ok);
    assert.equal(flat.issues[0]?.path, 'layers.1');
    assert.match(flat.issues[0]?.message ?? '', /the shape of one photo.*reshape/);
    const d = spec.gan!.discriminator;
    const linear = inferGanShapes({ ...spec, gan: { ...spec.gan!, discriminator: { ...d, layers: [...d.layers.slice(0, 2), { type: 'dense', units: 1, activation: 'linear' }] } } }, IO);
    assert.ok(!linear.ok);
    assert.equal(linear.issues[0]?.path, 'gan.discriminator.layers.2');
    assert.match(linear.issues[0]?.message ?? '', /probability that a photo is real/);
    assert.throws(() => buildGan({ ...spec, layers: spec.layers.slice(0, 2) }, IO), (e: unknown) => e instanceof SpecError && e.issues[0]?.path === 'layers.1');
  });

  test('fake classes are seeded and in range', () => {
    assert.deepEqual(fakeClasses(50, 10, 4), fakeClasses(50, 10, 4));
    assert.notDeepEqual(fakeClasses(50, 10, 4), fakeClasses(50, 10, 5));
    const c = fakeClasses(1000, 10, 1);
    assert.ok(c.every((v) => v >= 0 && v < 10));
    assert.equal(new Set(c).size, 10);
  });
});

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`conditional GAN loop on ${backend}`, () => {
    test('backend starts', async () => {
      registerWasmGradKernels();
      assert.ok(await tf.setBackend(backend));
      await tf.ready();
    });

    test('class channels: the photo first, then a plane of 1s for the asked class', () => {
      const out = tf.tidy(() => withClasses(tf.zeros([2, 2, 2, 1]), tf.oneHot(tf.tensor1d([1, 0], 'int32'), 2).toFloat() as tf.Tensor2D).arraySync()) as number[][][][];
      assert.deepEqual(out[0]?.[1]?.[1], [0, 0, 1]);
      assert.deepEqual(out[1]?.[0]?.[1], [0, 1, 0]);
    });

    test('trains on photos: finite losses, the generator draws the class it is asked for, nothing leaks', async () => {
      const start = tf.memory().numTensors;
      const spec = tiny(40);
      const models = buildGan(spec, IO);
      const built = tf.memory().numTensors;
      const real = photos(128);
      const losses: number[] = [];
      const result = await trainGan(models, spec, real, { onStep: (s) => void losses.push(s.dLoss, s.gLoss) });
      assert.equal(tf.memory().numTensors, built, 'training frees every tensor it made');
      assert.equal(result.steps, ganRoundsPerEpoch(128, 16) * 40);
      assert.ok(losses.every(Number.isFinite));
      const asked = Int32Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 1));
      const out = await generate(models, gaussianNoise(40, 4, 11), asked);
      assert.equal(out.length, 40 * 16);
      const dark = mean(out, 0, 20 * 16);
      const bright = mean(out, 20 * 16, 40 * 16);
      assert.ok(bright - dark > 0.3, `asked for class 1 it draws brighter photos: ${dark.toFixed(2)} vs ${bright.toFixed(2)}`);
      disposeGan(models);
      assert.equal(tf.memory().numTensors, start);
    });

    test('the same seed replays the same run and the same weights', async () => {
      const run = async () => {
        const spec = tiny(2);
        const models = buildGan(spec, IO);
        await trainGan(models, spec, photos(32));
        const w = new Float32Array(ganWeights(models));
        disposeGan(models);
        return Array.from(w);
      };
      assert.deepEqual(await run(), await run());
    });

    test('a generator not told the classes, or photos with an unknown class, are refused and leave nothing behind', async () => {
      const spec = tiny(1);
      const models = buildGan(spec, IO);
      const built = tf.memory().numTensors;
      await assert.rejects(generate(models, gaussianNoise(3, 4, 1)), /needs the class of each/);
      const bad = photos(8);
      bad.classes[3] = 2;
      await assert.rejects(trainGan(models, spec, bad), /classes must be 0..1/);
      assert.equal(tf.memory().numTensors, built);
      disposeGan(models);
    });
  });
}
