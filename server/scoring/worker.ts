/**
 * Scoring worker (piscina): rebuilds a submitted model with tfjs on the WASM backend, loads its
 * weights and predicts the hidden test split. Runs in a worker thread so inference never blocks
 * the event loop. The test examples are decoded once per worker and challenge and kept as one tensor.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { workerData } from 'piscina';
import { getModelChallenge, type ModelChallenge } from '../../game/challenges';
import { buildModel } from '../../models/build';
import { predictLabels } from '../../models/evaluate';
import { parseModelSpec } from '../../models/spec';
import { splitToTensors } from '../../models/tensors';
import { applyWeights } from '../../models/weights';
import type { ApiError } from '../protocol';
import { bossTrainExamples, testExamples } from './test-split';
import type { ScoringJob, ScoringOutput, ScoringWorkerData } from './types';

const { dataDir } = workerData as ScoringWorkerData;
/** Images per predict call: bounds peak memory for wide conv models. */
const PREDICT_BATCH = 50;

let backendReady: Promise<void> | undefined;
const testInputs = new Map<string, tf.Tensor>();
const bossTrainInputs = new Map<string, tf.Tensor>();

async function ensureBackend(): Promise<void> {
  backendReady ??= (async () => {
    if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to initialise');
    await tf.ready();
  })();
  return backendReady;
}

/** A boss level's training images, kept like the test ones; null for other challenges. */
function bossTrainFor(challenge: ModelChallenge): tf.Tensor | null {
  let xs = bossTrainInputs.get(challenge.id);
  if (!xs) {
    const examples = bossTrainExamples(dataDir, challenge);
    if (!examples) return null;
    const t = splitToTensors(examples, challenge.numClasses);
    t.ys.dispose();
    xs = t.xs;
    bossTrainInputs.set(challenge.id, xs);
  }
  return xs;
}

function inputsFor(challenge: ModelChallenge): tf.Tensor {
  let xs = testInputs.get(challenge.id);
  if (!xs) {
    const { xs: inputs, ys } = splitToTensors(testExamples(dataDir, challenge), challenge.numClasses);
    ys.dispose();
    xs = inputs;
    testInputs.set(challenge.id, xs);
  }
  return xs;
}

const failure = (code: string, message: string, issues?: ApiError['issues']): ScoringOutput => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

export default async function score(job: ScoringJob): Promise<ScoringOutput> {
  const started = performance.now();
  const challenge = getModelChallenge(job.challengeId);
  if (!challenge) return failure('challenge/unknown', `no model challenge ${job.challengeId}`);
  const parsed = parseModelSpec(JSON.parse(job.specJson));
  if (!parsed.ok) return failure('spec/invalid', 'the stored spec is not valid', parsed.issues);
  await ensureBackend();
  const xs = inputsFor(challenge);

  let model: tf.Sequential | undefined;
  try {
    try {
      model = buildModel(parsed.spec, { inputShape: challenge.inputShape, numClasses: challenge.numClasses });
    } catch (err) {
      const issues = (err as { issues?: ApiError['issues'] }).issues;
      return failure('spec/invalid', `the model could not be built: ${(err as Error).message}`, issues);
    }
    const applied = applyWeights(model, job.weights);
    if (!applied.ok) return failure('weights/invalid', 'the weights do not fit the model', applied.issues);
    const predictions = await predictLabels(model, xs, PREDICT_BATCH);
    const trainXs = bossTrainFor(challenge);
    const trainPredictions = trainXs ? await predictLabels(model, trainXs, PREDICT_BATCH) : undefined;
    // Structured clone copies the predictions (4 bytes per test image, ~1.6 KB): cheaper to keep
    // than piscina's move(), which only transfers a top-level buffer.
    return { ok: true, predictions, ...(trainPredictions && { trainPredictions }), workerMs: performance.now() - started };
  } finally {
    model?.dispose();
  }
}
