/**
 * Scoring latency of one submission, as the server does it: a piscina worker rebuilds the model on
 * tfjs WASM and predicts the hidden test split. Prints the first (cold) job and p50/p95/max of warm
 * jobs, round trip and in-worker. Usage: npx tsx bench/score.ts [runs=20] [default|tiny]
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { getChallenge } from '../game/challenges';
import { buildModel } from '../models/build';
import { defaultSpec, tinySpec } from '../models/presets';
import { serializeWeights } from '../models/weights';
import { createScoringPool } from '../server/scoring/pool';

const runs = Number(process.argv[2] ?? 20);
const spec = process.argv[3] === 'tiny' ? tinySpec('sign-digits') : defaultSpec('sign-digits');
const challenge = getChallenge('sign-digits')!;
await tf.setBackend('cpu');
const model = buildModel(spec, { inputShape: challenge.inputShape, numClasses: challenge.numClasses });
const weights = new Uint8Array(serializeWeights(model));
const job = { challengeId: 'sign-digits', specJson: JSON.stringify(spec), weights };
const pool = createScoringPool({ workers: 1, dataDir: join(import.meta.dirname, '..', 'data') });

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
const round: number[] = [];
const inWorker: number[] = [];
for (let i = 0; i <= runs; i++) {
  const t0 = performance.now();
  const out = await pool.score(job);
  const ms = performance.now() - t0;
  if (!out.ok) throw new Error(out.error.message);
  if (i === 0) console.log(`cold job (WASM start-up + test split load): ${ms.toFixed(0)} ms`);
  else {
    round.push(ms);
    inWorker.push(out.workerMs);
  }
}
const fmt = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(0)} ms, p95 ${pct(xs, 0.95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
console.log(`${model.countParams()} params, ${runs} warm jobs: round trip ${fmt(round)}; in worker ${fmt(inWorker)}`);
await pool.close();
