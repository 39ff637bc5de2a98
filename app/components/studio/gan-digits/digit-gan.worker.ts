/// <reference lib="webworker" />
/**
 * Trains the digit GAN studio's pair off the main thread, as gan.worker.ts does the points GAN's
 * (a round of convolutions on WASM would freeze the page it ran on). It loads nothing itself: the
 * page sends the 16×16 training photos it already decoded for the view. The same backend choice as
 * every studio (models/backend.ts).
 */
import { selectBackend } from '../../../../models/backend';
import { buildGan, disposeGan, ganRoundsPerEpoch, ganWeights, generate, trainGan, type GanModels } from '../../../../models/gan';
import type { LossPoint } from '../gan/gan-protocol';
import type { DigitSnapshot, FromDigitGanWorker, ToDigitGanWorker } from './digit-gan-protocol';

declare const self: DedicatedWorkerGlobalScope;
const post = (msg: FromDigitGanWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

/** Losses go to the page in batches at most this often (one message per round would flood it). */
const LOSS_INTERVAL_MS = 120;
/** The view's photos are regenerated at most this often: often enough to watch them form. */
const SNAPSHOT_INTERVAL_MS = 500;

type Start = Extract<ToDigitGanWorker, { type: 'start' }>;

let controller: AbortController | null = null;

async function snapshot(models: GanModels, msg: Start, step: number): Promise<DigitSnapshot> {
  return { step, fakes: await generate(models, msg.viewNoise, msg.viewClasses) };
}

const sendSnapshot = (s: DigitSnapshot) => post({ type: 'snapshot', snapshot: s }, [s.fakes.buffer as ArrayBuffer]);

async function run(msg: Start): Promise<void> {
  controller = new AbortController();
  const choice = await selectBackend({ prefer: msg.prefer });
  let models: GanModels | null = null;
  try {
    models = buildGan(msg.spec, msg.io);
    const live = models;
    const batch = Math.min(msg.spec.training.batchSize, msg.classes.length);
    post({ type: 'backend', choice, totalSteps: ganRoundsPerEpoch(msg.classes.length, batch) * msg.spec.training.epochs });
    sendSnapshot(await snapshot(live, msg, 0));
    let pending: LossPoint[] = [];
    let lastLoss = performance.now();
    let lastSnap = performance.now();
    const result = await trainGan(live, msg.spec, { photos: msg.photos, classes: msg.classes }, {
      onStep: async (s) => {
        pending.push({ step: s.step + 1, dLoss: s.dLoss, gLoss: s.gLoss });
        const now = performance.now();
        if (now - lastLoss >= LOSS_INTERVAL_MS) {
          post({ type: 'losses', points: pending, elapsedMs: s.elapsedMs });
          pending = [];
          lastLoss = now;
        }
        if (now - lastSnap >= SNAPSHOT_INTERVAL_MS) {
          sendSnapshot(await snapshot(live, msg, s.step + 1));
          lastSnap = performance.now();
        }
      },
    }, controller.signal);
    if (pending.length > 0) post({ type: 'losses', points: pending, elapsedMs: result.elapsedMs });
    const last = await snapshot(live, msg, result.steps);
    const weights = ganWeights(live);
    post({ type: 'done', stopped: result.stopped, steps: result.steps, elapsedMs: result.elapsedMs, weights, snapshot: last }, [weights, last.fakes.buffer as ArrayBuffer]);
  } finally {
    if (models) disposeGan(models);
    controller = null;
  }
}

self.onmessage = (e: MessageEvent<ToDigitGanWorker>) => {
  const msg = e.data;
  if (msg.type === 'stop') {
    controller?.abort();
    return;
  }
  run(msg).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
