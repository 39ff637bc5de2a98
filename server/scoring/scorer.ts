/**
 * What a scoring worker does with a job, kept apart from the worker thread so it can run (and be
 * checked for leaks) in-process: rebuild the submitted model with tfjs, then either load its
 * weights or, when the job says so, train the spec itself from its seed on the challenge's public
 * training data with the browser's loop (models/train.ts), and predict the hidden test split.
 * Examples are turned into tensors once per challenge and kept; everything else is freed per job.
 */
import * as tf from '@tensorflow/tfjs';
import { getModelChallenge, type ModelChallenge } from '../../game/challenges';
import { buildModel } from '../../models/build';
import { generatedSplits } from '../../models/challenge-data';
import { predictLabels } from '../../models/evaluate';
import { parseModelSpec, type ModelSpec } from '../../models/spec';
import { splitToTensors, type XY } from '../../models/tensors';
import { trainModel } from '../../models/train';
import { applyWeights } from '../../models/weights';
import type { ApiError } from '../protocol';
import { bossTrainExamples, testExamples } from './test-split';
import type { ScoringJob, ScoringOutput, WorkerRun } from './types';

/** Images per predict call: bounds peak memory for wide conv models. */
const PREDICT_BATCH = 50;

export interface Scorer {
  score(job: ScoringJob): Promise<ScoringOutput>;
  /** Frees the kept example tensors. */
  dispose(): void;
}

const failure = (code: string, message: string, issues?: ApiError['issues']): ScoringOutput => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Trains `model` as the browser would: the spec's settings and seed, train and validation splits. */
async function trainOnServer(model: tf.LayersModel, spec: ModelSpec, data: { train: XY; val: XY }): Promise<WorkerRun> {
  let samplesSeen = 0;
  const result = await trainModel(model, spec, data.train, data.val, {
    onBatchEnd: (p) => void (samplesSeen = p.samplesSeen),
  });
  return { epochs: result.history.length, samplesSeen, trainMs: result.elapsedMs };
}

export function createScorer(dataDir: string): Scorer {
  const testInputs = new Map<string, tf.Tensor>();
  const bossTrainInputs = new Map<string, tf.Tensor>();
  const trainingData = new Map<string, { train: XY; val: XY }>();

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

  /** The browser's training and validation examples (public seeds); null for image challenges. */
  function trainingFor(challenge: ModelChallenge): { train: XY; val: XY } | null {
    let data = trainingData.get(challenge.id);
    if (!data) {
      const splits = generatedSplits(challenge);
      if (!splits) return null;
      data = { train: splitToTensors(splits.train, challenge.numClasses), val: splitToTensors(splits.val, challenge.numClasses) };
      trainingData.set(challenge.id, data);
    }
    return data;
  }

  /** Loads the weights, or trains the spec when the job asks; an error output when neither works. */
  async function prepare(model: tf.Sequential, spec: ModelSpec, challenge: ModelChallenge, job: ScoringJob): Promise<{ run?: WorkerRun } | ScoringOutput> {
    if (!job.retrain) {
      const applied = applyWeights(model, job.weights);
      return applied.ok ? {} : failure('weights/invalid', 'the weights do not fit the model', applied.issues);
    }
    // The weights are not scored, but they must still be the spec's (the submit handler checked too).
    if (job.weights.byteLength !== model.countParams() * 4) return failure('weights/invalid', `expected ${model.countParams() * 4} bytes of weights for this model, got ${job.weights.byteLength}`);
    const data = trainingFor(challenge);
    if (!data) return failure('scoring/cannot_retrain', `the server does not train ${challenge.id} itself`);
    return { run: await trainOnServer(model, spec, data) };
  }

  async function score(job: ScoringJob): Promise<ScoringOutput> {
    const started = performance.now();
    const challenge = getModelChallenge(job.challengeId);
    if (!challenge) return failure('challenge/unknown', `no model challenge ${job.challengeId}`);
    const parsed = parseModelSpec(JSON.parse(job.specJson));
    if (!parsed.ok) return failure('spec/invalid', 'the stored spec is not valid', parsed.issues);
    const xs = inputsFor(challenge);
    let model: tf.Sequential | undefined;
    try {
      try {
        model = buildModel(parsed.spec, { inputShape: challenge.inputShape, numClasses: challenge.numClasses });
      } catch (err) {
        const issues = (err as { issues?: ApiError['issues'] }).issues;
        return failure('spec/invalid', `the model could not be built: ${(err as Error).message}`, issues);
      }
      const prepared = await prepare(model, parsed.spec, challenge, job);
      if ('ok' in prepared) return prepared;
      const predictions = await predictLabels(model, xs, PREDICT_BATCH);
      const trainXs = bossTrainFor(challenge);
      const trainPredictions = trainXs ? await predictLabels(model, trainXs, PREDICT_BATCH) : undefined;
      // Structured clone copies the predictions (4 bytes per test image, ~1.6 KB): cheaper to keep
      // than piscina's move(), which only transfers a top-level buffer.
      return { ok: true, predictions, ...(trainPredictions && { trainPredictions }), ...prepared, workerMs: performance.now() - started };
    } finally {
      model?.dispose();
    }
  }

  return {
    score,
    dispose() {
      for (const t of [...testInputs.values(), ...bossTrainInputs.values()]) t.dispose();
      for (const d of trainingData.values()) tf.dispose([d.train.xs, d.train.ys, d.val.xs, d.val.ys]);
      testInputs.clear();
      bossTrainInputs.clear();
      trainingData.clear();
    },
  };
}
