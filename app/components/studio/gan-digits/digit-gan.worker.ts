/// <reference lib="webworker" />
/**
 * Trains the digit GAN studio's pair off the main thread, as gan.worker.ts does the points GAN's
 * (a round of convolutions on WASM would freeze the page it ran on), with the same run
 * (gan/gan-worker-loop.ts). It loads nothing itself: the page sends the 16×16 training photos it
 * already decoded for the view.
 */
import { buildGan, generate } from '../../../../models/gan';
import { serveGanWorker } from '../gan/gan-worker-loop';
import type { DigitSnapshot, ToDigitGanWorker } from './digit-gan-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** The view's photos are regenerated at most this often: often enough to watch them form. */
const SNAPSHOT_INTERVAL_MS = 500;

serveGanWorker<Extract<ToDigitGanWorker, { type: 'start' }>, DigitSnapshot>(self, (msg) => ({
  spec: msg.spec,
  prefer: msg.prefer,
  build: () => buildGan(msg.spec, msg.io),
  real: { photos: msg.photos, classes: msg.classes },
  realCount: msg.classes.length,
  snapshot: async (models, step) => ({ step, fakes: await generate(models, msg.viewNoise, msg.viewClasses) }),
  transfer: (s) => [s.fakes.buffer as ArrayBuffer],
  snapshotIntervalMs: SNAPSHOT_INTERVAL_MS,
}));
