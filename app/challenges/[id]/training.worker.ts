/// <reference lib="webworker" />
/**
 * Trains off the main thread so the page stays responsive; tfjs is loaded here and nowhere else
 * in the app.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../models/backend';
import { buildModel } from '../../../models/build';
import { predictLabels } from '../../../models/evaluate';
import { splitToTensors } from '../../../models/tensors';
import { trainModel } from '../../../models/train';
import { serializeWeights } from '../../../models/weights';
import type { FromWorker, ToWorker } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;
const post = (msg: FromWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

let controller: AbortController | null = null;

async function run(msg: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  controller = new AbortController();
  const choice = await selectBackend({ prefer: msg.prefer });
  post({ type: 'backend', choice });
  // Everything allocated below is released in `finally`, even when building the model throws.
  let model: tf.Sequential | null = null;
  const tensors: tf.Tensor[] = [];
  try {
    const train = splitToTensors(msg.train, msg.numClasses);
    tensors.push(train.xs, train.ys);
    const val = splitToTensors(msg.val, msg.numClasses);
    tensors.push(val.xs, val.ys);
    model = buildModel(msg.spec, { inputShape: msg.inputShape, numClasses: msg.numClasses });
    const result = await trainModel(model, msg.spec, train, val, {
      onBatchEnd: (progress) => post({ type: 'batch', progress }),
      onEpochEnd: (log) => post({ type: 'epoch', log }),
    }, controller.signal);
    const valPredictions = await predictLabels(model, val.xs);
    const weights = serializeWeights(model);
    post(
      { type: 'done', stopped: result.stopped, valPredictions, weights, samplesPerSecond: result.samplesPerSecond, elapsedMs: result.elapsedMs },
      [valPredictions.buffer, weights],
    );
  } finally {
    model?.dispose();
    tf.dispose(tensors);
    controller = null;
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'stop') {
    controller?.abort();
    return;
  }
  run(msg).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
