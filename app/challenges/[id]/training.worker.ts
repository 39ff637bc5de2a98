/// <reference lib="webworker" />
/**
 * Trains off the main thread so the page stays responsive; tfjs is loaded here and nowhere else
 * in the app.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendChoice } from '../../../models/backend';
import { planReplicas, stepWork } from '../../../models/parallel';
import { peersForRun, withReplicas, type RunPeers } from '../../../models/parallel-worker';
import { buildModel, lossFunction } from '../../../models/build';
import { predictLabels } from '../../../models/evaluate';
import { makeProber, type Probe, type Prober } from '../../../models/probe';
import { splitToTensors } from '../../../models/tensors';
import { trainModel, type TrainCallbacks } from '../../../models/train';
import { serializeWeights } from '../../../models/weights';
import type { FromWorker, ToWorker } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;
const post = (msg: FromWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

/** Within a long epoch, the heatmap is refreshed at most this often (every epoch end regardless). */
const PROBE_INTERVAL_MS = 400;

let controller: AbortController | null = null;

const probeTransfer = (p: Probe | undefined): Transferable[] => (p ? [p.grid.buffer as ArrayBuffer] : []);

/**
 * Progress callbacks; with a prober, each epoch's log carries a probe with gradients, and a long
 * epoch sends grid-only probes in between (throttled, so probing never dominates training).
 */
function callbacks(prober: Prober | null): TrainCallbacks {
  let lastProbe = performance.now();
  return {
    onBatchEnd: async (progress) => {
      post({ type: 'batch', progress });
      const last = progress.batch + 1 === progress.batchesPerEpoch;
      if (!prober || last || performance.now() - lastProbe < PROBE_INTERVAL_MS) return;
      const probe = await prober.probe(progress.epoch + (progress.batch + 1) / progress.batchesPerEpoch, false);
      post({ type: 'probe', probe }, probeTransfer(probe));
      lastProbe = performance.now();
    },
    onEpochEnd: async (log) => {
      const probe = prober ? await prober.probe(log.epoch + 1, true) : undefined;
      post({ type: 'epoch', log, ...(probe ? { probe } : {}) }, probeTransfer(probe));
      lastProbe = performance.now();
    },
  };
}

type Start = Extract<ToWorker, { type: 'start' }>;

/**
 * The backend, and on WASM a replica worker per other core (models/parallel.ts) when the model's
 * step is worth sharing out (stepWork); the badge counts every thread that trains.
 */
async function startBackend(msg: Start): Promise<{ choice: BackendChoice; peers: RunPeers }> {
  const work = stepWork(msg.spec, msg.inputShape, msg.outputShape ?? msg.numClasses);
  const plan = planReplicas({ cores: navigator.hardwareConcurrency ?? 1, batchSize: msg.spec.training.batchSize, work });
  const choice = await selectBackend({ ...(msg.prefer ? { prefer: msg.prefer } : {}), wasmThreads: plan.threadsEach, light: plan.light });
  const init = { spec: msg.spec, inputShape: msg.inputShape, numClasses: msg.numClasses, train: msg.train, ...(msg.outputShape ? { outputShape: msg.outputShape } : {}) };
  const make = () => new Worker(new URL('./replica.worker.ts', import.meta.url), { type: 'module' });
  const peers = await peersForRun({ make, backend: choice.backend, ...plan, ownThreads: choice.wasm?.threads ?? 1, init });
  return { choice: withReplicas(choice, peers), peers };
}

async function run(msg: Start): Promise<void> {
  controller = new AbortController();
  const { choice, peers } = await startBackend(msg);
  post({ type: 'backend', choice });
  // Everything allocated below is released in `finally`, even when building the model throws.
  let model: tf.Sequential | null = null;
  let prober: Prober | null = null;
  const tensors: tf.Tensor[] = [];
  try {
    const train = splitToTensors(msg.train, msg.numClasses);
    tensors.push(train.xs, train.ys);
    const val = splitToTensors(msg.val, msg.numClasses);
    tensors.push(val.xs, val.ys);
    model = buildModel(msg.spec, { inputShape: msg.inputShape, numClasses: msg.numClasses, ...(msg.outputShape ? { outputShape: msg.outputShape } : {}) });
    if (msg.probe) {
      prober = makeProber(model, lossFunction(msg.spec.training.loss), train, msg.probe);
      // The untrained model's boundary (and gradients), so the view has a starting point.
      const first = await prober.probe(0, true);
      post({ type: 'probe', probe: first }, probeTransfer(first));
    }
    const result = await trainModel(model, msg.spec, train, val, callbacks(prober), controller.signal, { peers: peers.peers });
    // An autoencoder has no classes to predict: its views rebuild photos from the weights instead.
    const valPredictions = msg.outputShape ? new Int32Array(0) : await predictLabels(model, val.xs);
    const weights = serializeWeights(model);
    post(
      {
        type: 'done',
        stopped: result.stopped,
        ...(result.bestEpoch !== undefined ? { bestEpoch: result.bestEpoch } : {}),
        valPredictions,
        weights,
        samplesPerSecond: result.samplesPerSecond,
        elapsedMs: result.elapsedMs,
      },
      [valPredictions.buffer, weights],
    );
  } finally {
    for (const p of peers.peers) p.close();
    prober?.dispose();
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
