/// <reference lib="webworker" />
/**
 * Trains the GAN studio's pair off the main thread. A worker rather than the page with yields:
 * a round is a few small kernels, but WASM runs them on the thread that calls it, and drawing the
 * plane, the heatmap and the curves at the same time would stutter the page; here the page only
 * draws. The run itself is gan-worker-loop.ts's, as for the digit GAN.
 */
import { buildGan, discriminatorGrid, generatePoints } from '../../../../models/gan';
import type { GanSnapshot, ToGanWorker } from './gan-protocol';
import { viewGrid } from './gan-plane';
import { serveGanWorker } from './gan-worker-loop';

declare const self: DedicatedWorkerGlobalScope;

/** The plane (generated points and heatmap) is refreshed at most this often while training. */
const SNAPSHOT_INTERVAL_MS = 300;

serveGanWorker<Extract<ToGanWorker, { type: 'start' }>, GanSnapshot>(self, (msg) => ({
  spec: msg.spec,
  prefer: msg.prefer,
  build: () => buildGan(msg.spec),
  real: msg.real,
  realCount: msg.real.length / 2,
  snapshot: async (models, step) => ({ step, fake: await generatePoints(models, msg.viewNoise), grid: await discriminatorGrid(models, viewGrid(msg.view)) }),
  transfer: (s) => [s.fake.buffer as ArrayBuffer, s.grid.buffer as ArrayBuffer],
  snapshotIntervalMs: SNAPSHOT_INTERVAL_MS,
}));
