/// <reference lib="webworker" />
/**
 * What every GAN studio's worker does (gan.worker.ts for the points GAN, gan-digits/digit-gan.worker.ts
 * for photos): pick the backend, build the pair, train it with trainGan while sending the losses
 * in batches and the live view's snapshot at most every so often, then the weights; Stop aborts
 * between rounds. Each worker only says how to build its pair, what it trains on and what its
 * snapshot is.
 */
import { selectBackend, type BackendChoice } from '../../../../models/backend';
import type { BackendName } from '../../../../models/backend-names';
import { disposeGan, ganRoundsPerEpoch, ganWeights, trainGan, type GanModels, type GanPhotos } from '../../../../models/gan';
import type { ModelSpec } from '../../../../models/spec';
import type { FromGanWorker, LossPoint } from './gan-protocol';

/** Losses go to the page in batches at most this often (one message per round would flood it). */
const LOSS_INTERVAL_MS = 120;

/** One worker's run, from its start message. */
export interface GanRunPlan<S> {
  spec: ModelSpec;
  prefer?: BackendName;
  build: () => GanModels;
  /** x, y pairs, or photos with their classes. */
  real: Float32Array | GanPhotos;
  /** Real samples in `real` (sets the rounds per epoch). */
  realCount: number;
  snapshot: (models: GanModels, step: number) => Promise<S>;
  /** The snapshot's buffers, moved to the page rather than copied. */
  transfer: (s: S) => Transferable[];
  /** The live view is refreshed at most this often while training. */
  snapshotIntervalMs: number;
}

/**
 * The backend, on one WASM thread (the badge says why): a round is two small steps, and tfjs's
 * pool made both GANs slower. In Chromium on two cores (tests/e2e/gan*.test.ts, alone, 2026-12-03):
 * the points GAN's known-good trained in 40.7 and 31.6 s on two threads, 21.0 and 20.9 s on one;
 * the digit GAN's 270.8 s on two, 222.4 and 234.5 s on one, with the same server scores.
 */
const startBackend = (prefer: BackendName | undefined): Promise<BackendChoice> => selectBackend({ ...(prefer ? { prefer } : {}), wasmThreads: 1, light: true });

/** Answers the page's start and stop messages with `plan` (the worker's own part of a run). */
export function serveGanWorker<Start extends { type: 'start' }, S>(scope: DedicatedWorkerGlobalScope, plan: (msg: Start) => GanRunPlan<S>): void {
  const post = (msg: FromGanWorker<S>, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
  let controller: AbortController | null = null;

  async function run(p: GanRunPlan<S>): Promise<void> {
    controller = new AbortController();
    const choice = await startBackend(p.prefer);
    let models: GanModels | null = null;
    try {
      models = p.build();
      const live = models;
      const batch = Math.min(p.spec.training.batchSize, p.realCount);
      post({ type: 'backend', choice, totalSteps: ganRoundsPerEpoch(p.realCount, batch) * p.spec.training.epochs });
      const send = (s: S) => post({ type: 'snapshot', snapshot: s }, p.transfer(s));
      send(await p.snapshot(live, 0));
      let pending: LossPoint[] = [];
      let lastLoss = performance.now();
      let lastSnap = performance.now();
      const result = await trainGan(live, p.spec, p.real, {
        onStep: async (s) => {
          pending.push({ step: s.step + 1, dLoss: s.dLoss, gLoss: s.gLoss });
          const now = performance.now();
          if (now - lastLoss >= LOSS_INTERVAL_MS) {
            post({ type: 'losses', points: pending, elapsedMs: s.elapsedMs });
            pending = [];
            lastLoss = now;
          }
          if (now - lastSnap >= p.snapshotIntervalMs) {
            send(await p.snapshot(live, s.step + 1));
            lastSnap = performance.now();
          }
        },
      }, controller.signal);
      if (pending.length > 0) post({ type: 'losses', points: pending, elapsedMs: result.elapsedMs });
      const last = await p.snapshot(live, result.steps);
      const weights = ganWeights(live);
      post({ type: 'done', stopped: result.stopped, steps: result.steps, elapsedMs: result.elapsedMs, weights, snapshot: last }, [weights, ...p.transfer(last)]);
    } finally {
      if (models) disposeGan(models);
      controller = null;
    }
  }

  scope.onmessage = (e: MessageEvent<Start | { type: 'stop' }>) => {
    const msg = e.data;
    if (msg.type === 'stop') {
      controller?.abort();
      return;
    }
    // The plan is made inside the promise so a bad start message is reported like a failed run.
    Promise.resolve().then(() => run(plan(msg as Start))).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
  };
}
