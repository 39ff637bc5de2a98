import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { raceOnRealTask, REAL_TASK_OPTIMIZERS, realTaskSpec } from '../../../app/challenges/[id]/play/real-task';
import { modelSpecSchema } from '../../../models/spec';

test('every optimizer trains the circle network, the loss falls, and no tensor is left behind', async () => {
  await tf.setBackend('cpu');
  const before = tf.memory().numTensors;
  const seen: string[] = [];
  const runs = await raceOnRealTask(0.1, { onEpoch: (o, e) => seen.push(`${o}:${e}`) }, 8);
  assert.deepEqual(runs.map((r) => r.optimizer), [...REAL_TASK_OPTIMIZERS]);
  assert.equal(seen.length, 5 * 8);
  for (const r of runs) {
    assert.equal(r.losses.length, 8);
    assert.ok(r.losses.every(Number.isFinite), `${r.optimizer}: ${r.losses}`);
    assert.ok(r.valAccuracy >= 0 && r.valAccuracy <= 1);
  }
  // Adam at 0.1 learns the circle within 8 epochs; plain SGD is visibly slower (the lesson).
  const adam = runs.find((r) => r.optimizer === 'adam')!;
  const sgd = runs.find((r) => r.optimizer === 'sgd')!;
  assert.ok(adam.losses.at(-1)! < adam.losses[0]! * 0.7, `adam ${adam.losses}`);
  assert.ok(adam.losses.at(-1)! < sgd.losses.at(-1)!, `adam ${adam.losses.at(-1)} vs sgd ${sgd.losses.at(-1)}`);
  assert.equal(tf.memory().numTensors, before);
});

test('cancelling stops after the epoch in flight', async () => {
  let epochs = 0;
  const runs = await raceOnRealTask(0.1, { onEpoch: () => epochs++, cancelled: () => epochs >= 2 }, 8);
  assert.equal(runs.length, 1);
  assert.equal(epochs, 2);
});

test('the specs are valid model specs, the same but for the optimizer', () => {
  for (const o of REAL_TASK_OPTIMIZERS) assert.ok(modelSpecSchema.safeParse(realTaskSpec(o, 0.05)).success, o);
  assert.deepEqual(realTaskSpec('sgd', 0.05).layers, realTaskSpec('adam', 0.05).layers);
});
