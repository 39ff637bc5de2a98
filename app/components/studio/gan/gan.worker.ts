/// <reference lib="webworker" />
/**
 * Trains the GAN studio's pair off the main thread. A worker rather than the page with yields:
 * a round is a few small kernels, but WASM runs them on the thread that calls it, and drawing the
 * plane, the heatmap and the curves at the same time would stutter the page; here the page only
 * draws. The same backend choice as the ordinary studio's worker (models/backend.ts).
 */
import { selectBackend } from '../../../../models/backend';
import { buildGan, discriminatorGrid, disposeGan, ganRoundsPerEpoch, ganWeights, generatePoints, trainGan, type GanModels } from '../../../../models/gan';
import type { FromGanWorker, GanSnapshot, LossPoint, ToGanWorker } from './gan-protocol';
import { viewGrid } from './gan-plane';

declare const self: DedicatedWorkerGlobalScope;
const post = (msg: FromGanWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

/** Losses go to the page in batches at most this often (one message per round would flood it). */
const LOSS_INTERVAL_MS = 120;
/** The plane (generated points and heatmap) is refreshed at most this often while training. */
const SNAPSHOT_INTERVAL_MS = 300;

let controller: AbortController | null = null;

async function snapshot(models: GanModels, msg: Extract<ToGanWorker, { type: 'start' }>, step: number): Promise<GanSnapshot> {
  const fake = await generatePoints(models, msg.viewNoise);
  const grid = await discriminatorGrid(models, viewGrid(msg.view));
  return { step, fake, grid };
}

const snapTransfer = (s: GanSnapshot): Transferable[] => [s.fake.buffer as ArrayBuffer, s.grid.buffer as ArrayBuffer];

async function run(msg: Extract<ToGanWorker, { type: 'start' }>): Promise<void> {
  controller = new AbortController();
  const choice = await selectBackend({ prefer: msg.prefer });
  let models: GanModels | null = null;
  try {
    models = buildGan(msg.spec);
    const real = msg.real.length / 2;
    const batch = Math.min(msg.spec.training.batchSize, real);
    post({ type: 'backend', choice, totalSteps: ganRoundsPerEpoch(real, batch) * msg.spec.training.epochs });
    const first = await snapshot(models, msg, 0);
    post({ type: 'snapshot', snapshot: first }, snapTransfer(first));
    let pending: LossPoint[] = [];
    let lastLoss = performance.now();
    let lastSnap = performance.now();
    const live = models;
    const result = await trainGan(live, msg.spec, msg.real, {
      onStep: async (s) => {
        pending.push({ step: s.step + 1, dLoss: s.dLoss, gLoss: s.gLoss });
        const now = performance.now();
        if (now - lastLoss >= LOSS_INTERVAL_MS) {
          post({ type: 'losses', points: pending, elapsedMs: s.elapsedMs });
          pending = [];
          lastLoss = now;
        }
        if (now - lastSnap >= SNAPSHOT_INTERVAL_MS) {
          const snap = await snapshot(live, msg, s.step + 1);
          post({ type: 'snapshot', snapshot: snap }, snapTransfer(snap));
          lastSnap = performance.now();
        }
      },
    }, controller.signal);
    if (pending.length > 0) post({ type: 'losses', points: pending, elapsedMs: result.elapsedMs });
    const last = await snapshot(live, msg, result.steps);
    const weights = ganWeights(live);
    post({ type: 'done', stopped: result.stopped, steps: result.steps, elapsedMs: result.elapsedMs, weights, snapshot: last }, [weights, ...snapTransfer(last)]);
  } finally {
    if (models) disposeGan(models);
    controller = null;
  }
}

self.onmessage = (e: MessageEvent<ToGanWorker>) => {
  const msg = e.data;
  if (msg.type === 'stop') {
    controller?.abort();
    return;
  }
  run(msg).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
