/** A replica in a Node worker thread, answering over shared memory (tests/unit/models/shared-channel.test.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { createReplica, type ReplicaInit } from '../../../models/replica';
import { serveShared, type SharedBlock } from '../../../models/shared-channel';

const { block, init, fail } = workerData as { block: SharedBlock; init: ReplicaInit; fail?: boolean };
await tf.setBackend('cpu');
const replica = createReplica(init);
parentPort?.postMessage('ready');
serveShared(block, (req) => {
  if (fail) throw new Error('this replica was told to fail');
  return replica.gradients(req);
});
replica.dispose();
