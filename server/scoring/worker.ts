/**
 * Scoring worker (piscina): runs jobs with tfjs on the WASM backend (server/scoring/scorer.ts:
 * rebuild the model, load its weights or train the spec itself, predict the hidden test split).
 * Runs in a worker thread so inference and the server's own training never block the event loop.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { workerData } from 'piscina';
import { createScorer } from './scorer';
import type { ScoringJob, ScoringOutput, ScoringWorkerData } from './types';

const { dataDir } = workerData as ScoringWorkerData;
const scorer = createScorer(dataDir);

let backendReady: Promise<void> | undefined;

async function ensureBackend(): Promise<void> {
  backendReady ??= (async () => {
    if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to initialise');
    await tf.ready();
  })();
  return backendReady;
}

export default async function score(job: ScoringJob): Promise<ScoringOutput> {
  await ensureBackend();
  return scorer.score(job);
}
