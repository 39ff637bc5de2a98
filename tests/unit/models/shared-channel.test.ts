import assert from 'node:assert/strict';
import { once } from 'node:events';
import { before, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../models/build';
import type { ReplicaInit } from '../../../models/replica';
import { variableSizes } from '../../../models/replica';
import { createSharedBlock, sharedPeer } from '../../../models/shared-channel';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { trainModel } from '../../../models/train';
import { photos, trainAlone } from './parallel-fixture';

const spec: ModelSpec = {
  version: 1,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'flatten' },
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.02 }, batchSize: 16, epochs: 2, seed: 9 },
};

/**
 * A replica in a worker thread and its peer on this thread, once the worker is ready (its module
 * loads through tsx's hooks, which need this thread free); `exited` resolves when the worker ends.
 */
async function startReplica(init: ReplicaInit, fail = false) {
  const block = createSharedBlock(variableSizes(init), init.spec.training.batchSize);
  const module = new URL('./shared-replica.worker.ts', import.meta.url).href;
  const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { module, block, init, fail } });
  const exited = once(worker, 'exit');
  await once(worker, 'message');
  return { peer: sharedPeer(block, () => void 0, 30_000), worker, exited };
}

describe('replicas over shared memory (models/shared-channel.ts)', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  test('a replica in another thread takes the same steps as this thread alone, then ends when closed', async () => {
    const split = photos();
    const init = { spec, inputShape: [8, 8, 1], numClasses: 3, train: split };
    const alone = await trainAlone(spec, split);
    const { peer, exited } = await startReplica(init);
    const data = splitToTensors(split, 3);
    const model = buildModel(spec, { inputShape: [8, 8, 1], numClasses: 3 });
    try {
      const result = await trainModel(model, spec, data, undefined, {}, undefined, { peers: [peer] });
      assert.equal(result.history.length, 2);
      const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
      const diff = Math.max(...weights.flatMap((w, i) => w.map((v, j) => Math.abs(v - (alone[i]?.[j] ?? NaN)))));
      assert.ok(diff < 1e-4, `weights differ by ${diff}`);
    } finally {
      peer.close();
      model.dispose();
      tf.dispose([data.xs, data.ys]);
    }
    const [code] = await exited;
    assert.equal(code, 0, 'the replica left its loop once closed');
  });

  test("a replica's failed step rejects the loop's step with the replica's message", async () => {
    const split = photos();
    const { peer, worker } = await startReplica({ spec, inputShape: [8, 8, 1], numClasses: 3, train: split }, true);
    const data = splitToTensors(split, 3);
    const model = buildModel(spec, { inputShape: [8, 8, 1], numClasses: 3 });
    try {
      await assert.rejects(trainModel(model, spec, data, undefined, {}, undefined, { peers: [peer] }), /told to fail/);
    } finally {
      peer.close();
      await worker.terminate();
      model.dispose();
      tf.dispose([data.xs, data.ys]);
    }
  });
});
