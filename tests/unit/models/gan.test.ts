/**
 * The two-model GAN loop (models/gan.ts) on the CPU and WASM backends in Node: both losses stay
 * finite, the generator moves its points onto the real ones, Stop ends the run between rounds, the
 * weights of both models round-trip in the submission format, and no tensor is left behind.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { SpecError } from '../../../models/build';
import {
  applyGanWeights, buildGan, discriminate, discriminatorGrid, disposeGan, ganRoundsPerEpoch, ganWeights, generatePoints, gridPoints, trainGan,
  type GanStep,
} from '../../../models/gan';
import { gaussianNoise } from '../../../models/gan-noise';
import { ganSpec } from '../../../models/presets-gan';
import type { ModelSpec } from '../../../models/spec';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';

/** Real points: one tight blob at (1, 1), where an untrained generator (outputs near 0) is not. */
function blob(n: number): Float32Array {
  const noise = gaussianNoise(n, 2, 3);
  return noise.map((v) => 1 + 0.05 * v);
}

const small = (over: Partial<Parameters<typeof ganSpec>[0]> = {}): ModelSpec =>
  ganSpec({ generator: [8], discriminator: [8], gLearningRate: 0.01, dLearningRate: 0.01, batchSize: 32, epochs: 4, seed: 7, ...over });

const meanDistanceTo = (xy: Float32Array, x: number, y: number) => {
  let sum = 0;
  for (let i = 0; i < xy.length / 2; i++) sum += Math.hypot((xy[2 * i] ?? 0) - x, (xy[2 * i + 1] ?? 0) - y);
  return sum / (xy.length / 2);
};

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`GAN loop on ${backend}`, () => {
    test('backend starts', async () => {
      registerWasmGradKernels();
      assert.ok(await tf.setBackend(backend));
      await tf.ready();
      assert.equal(tf.getBackend(), backend);
    });

    test('trains: finite losses every round, points move onto the real ones, nothing leaks', async () => {
      const start = tf.memory().numTensors;
      const spec = small({ epochs: 30 });
      const real = blob(256);
      const models = buildGan(spec);
      const built = tf.memory().numTensors;
      const noise = gaussianNoise(200, 2, 99);
      const before = meanDistanceTo(await generatePoints(models, noise), 1, 1);
      const steps: GanStep[] = [];
      const result = await trainGan(models, spec, real, { onStep: (s) => void steps.push(s) });
      assert.equal(tf.memory().numTensors, built, 'training frees every tensor it made');
      assert.equal(result.steps, ganRoundsPerEpoch(256, 32) * 30);
      assert.equal(result.stopped, false);
      assert.deepEqual(steps.map((s) => s.step), Array.from({ length: result.steps }, (_, i) => i));
      assert.equal(steps.at(-1)?.epoch, 29);
      assert.ok(steps.every((s) => Number.isFinite(s.dLoss) && Number.isFinite(s.gLoss)), 'finite losses');
      const after = meanDistanceTo(await generatePoints(models, noise), 1, 1);
      assert.ok(after < before / 2, `the generated points moved towards (1, 1): ${before.toFixed(3)} -> ${after.toFixed(3)}`);
      disposeGan(models);
      assert.equal(tf.memory().numTensors, start);
    });

    test('least-squares loss and several steps per round train too, without leaks', async () => {
      const spec = small({ loss: 'meanSquaredError', dSteps: 2, gSteps: 3, epochs: 2 });
      const models = buildGan(spec);
      const built = tf.memory().numTensors;
      const result = await trainGan(models, spec, blob(64));
      assert.equal(tf.memory().numTensors, built);
      assert.ok(Number.isFinite(result.dLoss) && Number.isFinite(result.gLoss));
      disposeGan(models);
    });

    test('Stop ends the run after the round in flight, and frees everything', async () => {
      const spec = small({ epochs: 50 });
      const models = buildGan(spec);
      const built = tf.memory().numTensors;
      const stop = new AbortController();
      const result = await trainGan(models, spec, blob(64), { onStep: (s) => (s.step === 3 ? stop.abort() : undefined) }, stop.signal);
      assert.equal(result.stopped, true);
      assert.equal(result.steps, 4);
      assert.equal(tf.memory().numTensors, built);
      disposeGan(models);
    });

    test('the same seed replays the same run', async () => {
      const run = async () => {
        const spec = small({ epochs: 2 });
        const models = buildGan(spec);
        await trainGan(models, spec, blob(64));
        const pts = await generatePoints(models, gaussianNoise(20, 2, 5));
        disposeGan(models);
        return Array.from(pts);
      };
      assert.deepEqual(await run(), await run());
    });

    test('weights: generator then discriminator round-trip; a wrong size or a NaN is refused and changes nothing', async () => {
      const spec = small({ epochs: 1 });
      const trained = buildGan(spec);
      await trainGan(trained, spec, blob(64));
      const bytes = ganWeights(trained);
      assert.equal(bytes.byteLength, (trained.generatorParams + trained.discriminatorParams) * 4);
      assert.equal(trained.generatorParams, 2 * 8 + 8 + 8 * 2 + 2);
      const fresh = buildGan({ ...spec, training: { ...spec.training, seed: 8 } });
      const noise = gaussianNoise(10, 2, 1);
      const grid = { xMin: -1, xMax: 1, yMin: -1, yMax: 1, cols: 4, rows: 3 };
      const freshPoints = await generatePoints(fresh, noise);
      assert.match((applyGanWeights(fresh, bytes.slice(4)) as { issues: { message: string }[] }).issues[0]!.message, /generator \+ \d+ discriminator/);
      const poisoned = new Float32Array(bytes.slice(0));
      poisoned[poisoned.length - 1] = NaN;
      assert.match((applyGanWeights(fresh, poisoned.buffer) as { issues: { message: string }[] }).issues[0]!.message, /discriminator value is not a finite/);
      assert.deepEqual(await generatePoints(fresh, noise), freshPoints, 'a refused load leaves the generator as it was');
      assert.deepEqual(applyGanWeights(fresh, new Uint8Array(bytes)), { ok: true });
      assert.deepEqual(await generatePoints(fresh, noise), await generatePoints(trained, noise));
      assert.deepEqual(await discriminatorGrid(fresh, grid), await discriminatorGrid(trained, grid));
      const p = await discriminate(trained, Float32Array.from([0, 0, 1, 1]));
      assert.ok(p.every((v) => v > 0 && v < 1), 'probabilities');
      disposeGan(trained);
      disposeGan(fresh);
    });
  });
}

describe('GAN building and grid', () => {
  test('a spec without a fitting gan block throws a SpecError naming the field', () => {
    const { gan: _, ...plain } = small();
    assert.throws(() => buildGan(plain), (e: unknown) => e instanceof SpecError && e.issues[0]?.path === 'gan');
    const spec = small();
    const linearEnd = { ...spec, gan: { ...spec.gan!, discriminator: { ...spec.gan!.discriminator, layers: [{ type: 'dense' as const, units: 1, activation: 'linear' as const }] } } };
    assert.throws(() => buildGan(linearEnd), (e: unknown) => e instanceof SpecError && e.issues[0]?.path === 'gan.discriminator.layers.0');
  });

  test('grid cells run left to right, top (yMax) row first', () => {
    const xy = gridPoints({ xMin: 0, xMax: 2, yMin: 0, yMax: 4, cols: 2, rows: 2 });
    assert.deepEqual(Array.from(xy), [0.5, 3, 1.5, 3, 0.5, 1, 1.5, 1]);
  });
});
