import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../models/build';
import type { ModelSpec } from '../../../models/spec';
import type { XY } from '../../../models/tensors';
import { trainModel, yieldEvery } from '../../../models/train';

/** Two separable blobs in 4-D, labels one-hot over 2 classes; deterministic. */
function toyData(n: number): XY {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const jitter = ((i * 37) % 11) / 22;
    xs.push(c ? 1 + jitter : -1 - jitter, c ? -1 : 1, jitter, c ? 0.5 : -0.5);
    ys.push(c ? 0 : 1, c ? 1 : 0);
  }
  return { xs: tf.tensor(xs, [n, 2, 2, 1]) as tf.Tensor4D, ys: tf.tensor2d(ys, [n, 2]) };
}

const spec = (over: Partial<ModelSpec['training']> = {}, dropout = false): ModelSpec => ({
  version: 1,
  layers: [
    { type: 'flatten' },
    ...(dropout ? [{ type: 'dropout' as const, rate: 0.2 }] : []),
    { type: 'dense', units: 6, activation: 'tanh' },
    { type: 'dense', units: 2, activation: 'softmax' },
  ],
  training: {
    loss: 'categoricalCrossentropy',
    optimizer: { type: 'adam', learningRate: 0.05 },
    batchSize: 8,
    epochs: 5,
    seed: 17,
    ...over,
  },
});
const OPTS = { inputShape: [2, 2, 1], numClasses: 2 };

describe('trainModel', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  test('learns a separable toy problem and reports every batch and epoch', async () => {
    const data = toyData(64);
    const model = buildModel(spec(), OPTS);
    let batches = 0;
    const result = await trainModel(model, spec(), data, data, { onBatchEnd: () => void batches++ });
    assert.equal(batches, 5 * 8);
    assert.equal(result.history.length, 5);
    assert.equal(result.stopped, false);
    const first = result.history[0]!;
    const last = result.history.at(-1)!;
    assert.ok(last.loss < first.loss, `loss fell: ${first.loss} → ${last.loss}`);
    assert.ok((last.valAcc ?? 0) >= 0.9, `val acc ${last.valAcc}`);
    model.dispose();
    tf.dispose([data.xs, data.ys]);
  });

  test('no tensor growth across epochs, and nothing left after disposal', async () => {
    const start = tf.memory().numTensors;
    const data = toyData(40);
    const model = buildModel(spec({ epochs: 6 }, true), OPTS);
    const counts: number[] = [];
    await trainModel(model, spec({ epochs: 6 }, true), data, data, {
      onEpochEnd: () => void counts.push(tf.memory().numTensors),
    });
    assert.equal(counts.length, 6);
    assert.ok(counts.every((c) => c === counts[0]), `tensors per epoch: ${counts.join(', ')}`);
    model.dispose();
    tf.dispose([data.xs, data.ys]);
    assert.equal(tf.memory().numTensors, start);
  });

  test('the same seed gives identical weights; another seed differs', async () => {
    const run = async (seed: number) => {
      const data = toyData(48);
      const s = spec({ seed, epochs: 2 });
      const model = buildModel(s, OPTS);
      await trainModel(model, s, data, undefined);
      const w = model.getWeights().map((t) => Array.from(t.dataSync()));
      model.dispose();
      tf.dispose([data.xs, data.ys]);
      return w;
    };
    assert.deepEqual(await run(5), await run(5));
    assert.notDeepEqual(await run(5), await run(6));
  });

  test('an abort stops the run before the next batch', async () => {
    const data = toyData(64);
    const model = buildModel(spec({ epochs: 50 }), OPTS);
    const controller = new AbortController();
    let batches = 0;
    const result = await trainModel(model, spec({ epochs: 50 }), data, undefined, {
      onBatchEnd: () => {
        batches++;
        if (batches === 2) controller.abort();
      },
    }, controller.signal);
    assert.equal(result.stopped, true);
    assert.equal(batches, 2);
    model.dispose();
    tf.dispose([data.xs, data.ys]);
  });

  for (const loss of ['categoricalCrossentropy', 'meanSquaredError'] as const) {
    for (const type of ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const) {
      test(`${loss} with ${type} trains with finite, falling loss`, async () => {
        const data = toyData(32);
        const s = spec({ loss, optimizer: { type, learningRate: type === 'sgd' || type === 'momentum' ? 0.5 : 0.05 }, epochs: 4 });
        const model = buildModel(s, OPTS);
        const result = await trainModel(model, s, data, undefined);
        const losses = result.history.map((h) => h.loss);
        assert.ok(losses.every(Number.isFinite), `finite: ${losses}`);
        assert.ok(losses.at(-1)! < losses[0]!, `falling: ${losses}`);
        model.dispose();
        tf.dispose([data.xs, data.ys]);
      });
    }
  }
});

describe('yieldEvery', () => {
  /** Whether a task queued before `pause()` ran before it resolved (it yielded to the event loop). */
  async function yielded(pause: () => Promise<void>): Promise<boolean> {
    let ran = false;
    setImmediate(() => (ran = true));
    await pause();
    const seen = ran;
    await new Promise((r) => setImmediate(r));
    return seen;
  }

  test('lets queued tasks run only once the interval has passed since the last yield', async () => {
    let t = 0;
    const pause = yieldEvery(10, () => t);
    t = 4;
    assert.equal(await yielded(pause), false);
    t = 10;
    assert.equal(await yielded(pause), true);
    t = 19;
    assert.equal(await yielded(pause), false);
    t = 20;
    assert.equal(await yielded(pause), true);
  });
});
