import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../models/build';
import type { SplitData } from '../../../models/dataset';
import { photos } from './parallel-fixture';
import { createBalance, MIN_MACS_PER_SAMPLE, MIN_WEIGHT_REUSE, planReplicas, shardRanges, stepWork, weightedRanges } from '../../../models/parallel';
import { defaultSpec } from '../../../models/presets';
import { SIGN_DIGITS_TINY } from '../../../models/presets-sign-digits';
import { localPeer, type ReplicaInit } from '../../../models/replica';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { trainModel } from '../../../models/train';

const spec = (over: Partial<ModelSpec['training']> = {}, dropout = false): ModelSpec => ({
  version: 1,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'flatten' },
    ...(dropout ? [{ type: 'dropout' as const, rate: 0.3 }] : []),
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.02 }, batchSize: 16, epochs: 3, seed: 5, ...over },
});

const init = (s: ModelSpec, train: SplitData): ReplicaInit => ({ spec: s, inputShape: [8, 8, 1], numClasses: 3, train });

async function trainWith(s: ModelSpec, peers: number) {
  const split = photos();
  const data = splitToTensors(split, 3);
  const model = buildModel(s, { inputShape: [8, 8, 1], numClasses: 3 });
  const replicas = Array.from({ length: peers }, () => localPeer(init(s, split)));
  const losses: number[] = [];
  try {
    const result = await trainModel(model, s, data, undefined, { onBatchEnd: (p) => void losses.push(p.loss) }, undefined, { peers: replicas });
    const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
    return { result, weights, losses };
  } finally {
    for (const r of replicas) r.close();
    model.dispose();
    tf.dispose([data.xs, data.ys]);
  }
}

const maxDiff = (a: number[][], b: number[][]) => Math.max(...a.flatMap((w, i) => w.map((v, j) => Math.abs(v - (b[i]?.[j] ?? NaN)))));

describe('data-parallel training (models/parallel.ts)', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  test('plans one replica per core for models whose step dwarfs their weights, capped, with at least 8 rows a shard', () => {
    const cnn = stepWork(defaultSpec('sign-digits'), [64, 64, 1], 10);
    assert.ok(cnn.reuse > MIN_WEIGHT_REUSE && cnn.macs > MIN_MACS_PER_SAMPLE, JSON.stringify(cnn));
    const plan = (cores: number, batchSize: number) => planReplicas({ cores, batchSize, work: cnn });
    assert.deepEqual(plan(2, 32), { replicas: 2, threadsEach: 1, light: false });
    assert.deepEqual(plan(8, 32), { replicas: 4, threadsEach: 2, light: false });
    assert.deepEqual(plan(4, 16), { replicas: 2, threadsEach: 2, light: false });
    assert.deepEqual(plan(1, 32), { replicas: 1, threadsEach: 1, light: false });
    // A batch too small to share: tfjs's threads split the convolutions instead.
    assert.deepEqual(plan(4, 8), { replicas: 1, threadsEach: 4, light: false });
  });

  test('trains a small model on one thread, whatever the cores', () => {
    // Dense layers use each weight once a photo: the exchange would cost more than a shard saves.
    const dense: ModelSpec = { ...defaultSpec('sign-digits'), layers: [{ type: 'flatten' }, { type: 'dense', units: 48, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }] };
    assert.equal(stepWork(dense, [64, 64, 1], 10).reuse, 1);
    // A small convolution (the tiny preset) has too little work a photo.
    const tiny = stepWork(SIGN_DIGITS_TINY, [64, 64, 1], 10);
    assert.ok(tiny.macs < MIN_MACS_PER_SAMPLE);
    for (const work of [stepWork(dense, [64, 64, 1], 10), tiny]) {
      for (const cores of [2, 4, 8]) assert.deepEqual(planReplicas({ cores, batchSize: 32, work }), { replicas: 1, threadsEach: 1, light: true });
      // On one core one thread is no choice, so there is nothing to explain.
      assert.deepEqual(planReplicas({ cores: 1, batchSize: 32, work }), { replicas: 1, threadsEach: 1, light: false });
    }
  });

  test('counts a convolution once per output position and a dense layer once', () => {
    const s: ModelSpec = { ...spec(), layers: [{ type: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' }, { type: 'flatten' }, { type: 'dense', units: 3, activation: 'softmax' }] };
    // conv: (3*3*1 + 1) * 2 = 20 weights at 6x6 positions; dense: (6*6*2 + 1) * 3 = 219 weights once.
    assert.deepEqual(stepWork(s, [8, 8, 1], 3), { macs: 20 * 36 + 219, reuse: (20 * 36 + 219) / 239 });
  });

  test('cuts a batch into contiguous shards whose sizes differ by at most one', () => {
    assert.deepEqual(shardRanges(10, 3), [[0, 4], [4, 7], [7, 10]]);
    assert.deepEqual(shardRanges(32, 2), [[0, 16], [16, 32]]);
    assert.deepEqual(shardRanges(5, 1), [[0, 5]]);
  });

  test('two or three replicas take the same steps as one thread alone (no dropout, no augmentation)', async () => {
    const s = spec();
    const alone = await trainWith(s, 0);
    for (const peers of [1, 2]) {
      const shared = await trainWith(s, peers);
      assert.equal(shared.losses.length, alone.losses.length);
      assert.ok(maxDiff(shared.weights, alone.weights) < 1e-4, `${peers} peers: weights differ by ${maxDiff(shared.weights, alone.weights)}`);
      shared.losses.forEach((l, i) => assert.ok(Math.abs(l - (alone.losses[i] as number)) < 1e-4, `batch ${i}: ${l} vs ${alone.losses[i]}`));
    }
    assert.ok((alone.losses.at(-1) as number) < (alone.losses[0] as number), 'the toy problem is learnt');
  });

  test('with dropout the replicas still learn, and nothing leaks', async () => {
    const before = tf.memory().numTensors;
    const shared = await trainWith(spec({ epochs: 6 }, true), 1);
    assert.ok((shared.result.history.at(-1)?.acc ?? 0) > 0.8, `accuracy ${shared.result.history.at(-1)?.acc}`);
    assert.equal(tf.memory().numTensors, before);
  });

  test('a replica sent weights of the wrong shape refuses the step, and the loop applies nothing', async () => {
    const s = spec();
    const split = photos();
    const peer = localPeer(init(s, split));
    const wrong = localPeer(init({ ...s, layers: [{ type: 'flatten' }, { type: 'dense', units: 3, activation: 'softmax' }] }, split));
    const data = splitToTensors(split, 3);
    const model = buildModel(s, { inputShape: [8, 8, 1], numClasses: 3 });
    const start = model.getWeights().map((w) => Array.from(w.dataSync()));
    try {
      await assert.rejects(trainModel(model, s, data, undefined, {}, undefined, { peers: [peer, wrong] }), /do not fit the model/);
      assert.equal(maxDiff(model.getWeights().map((w) => Array.from(w.dataSync())), start), 0);
    } finally {
      peer.close();
      wrong.close();
      model.dispose();
      tf.dispose([data.xs, data.ys]);
    }
  });
});

describe('shard balance', () => {
  test('weighted shards follow the weights, cover every row once and fall back to equal ones', () => {
    assert.deepEqual(weightedRanges(32, [1, 1]), [[0, 16], [16, 32]]);
    assert.deepEqual(weightedRanges(30, [2, 1]), [[0, 20], [20, 30]]);
    assert.deepEqual(weightedRanges(10, [1, NaN]), shardRanges(10, 2));
    for (const [n, w] of [[33, [0.3, 0.5, 0.2]], [5, [100, 1, 1]], [2, [1, 1, 1]]] as const) {
      const r = weightedRanges(n, w);
      assert.equal(r[0]?.[0], 0);
      assert.equal(r.at(-1)?.[1], n);
      r.forEach((x, i) => i > 0 && assert.equal(x[0], r[i - 1]?.[1]));
      if (n >= w.length) assert.ok(r.every(([a, b]) => b > a), `${n} rows over ${w.length}: none empty`);
    }
  });

  test('a replica twice as slow per row gets half as many rows once measured', () => {
    const b = createBalance(2);
    assert.deepEqual(b.split(30), [[0, 15], [15, 30]]);
    b.record(0, 15, 15);
    b.record(1, 15, 30);
    assert.deepEqual(b.split(30), [[0, 20], [20, 30]]);
  });
});
