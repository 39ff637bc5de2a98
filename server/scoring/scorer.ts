/**
 * What a scoring worker does with a job, kept apart from the worker thread so it can run (and be
 * checked for leaks) in-process: rebuild the submitted model with tfjs, then either load its
 * weights or, when the job says so, train the spec itself from its seed on the challenge's public
 * training data with the browser's loop (models/train.ts), and predict the hidden test split.
 * Examples are turned into tensors once per challenge and kept; everything else is freed per job.
 */
import * as tf from '@tensorflow/tfjs';
import { buildTarget, getModelChallenge, type ModelChallenge } from '../../game/challenges';
import { buildModel } from '../../models/build';
import { reconstructionErrors } from '../../models/autoencoder';
import { generatedSplits } from '../../game/challenge-data';
import { predictLabels } from '../../models/evaluate';
import { parseModelSpec, type ModelSpec } from '../../models/spec';
import { splitToTensors, type XY } from '../../models/tensors';
import { trainModel } from '../../models/train';
import { applyWeights } from '../../models/weights';
import type { ApiError, ServerErrorCode } from '../../protocol';
import { bossTrainExamples, testExamples } from './test-split';
import { createJudgeCache, scoreGenerator } from './gan-scorer';
import type { ScoringJob, ScoringOutput, WorkerRun } from './types';

/** Images per predict call: bounds peak memory for wide conv models. */
const PREDICT_BATCH = 50;

export interface Scorer {
  score(job: ScoringJob): Promise<ScoringOutput>;
  /** Frees the kept example tensors. */
  dispose(): void;
}

const failure = (code: ServerErrorCode, message: string, issues?: ApiError['issues']): ScoringOutput => ({
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

/** Example tensors per challenge, made on first use and kept (hidden test, boss train, public training). */
interface ExampleCache {
  test(c: ModelChallenge): tf.Tensor;
  /** An autoencoder challenge's hidden test photos: inputs (noisy on the denoising level) and clean targets. */
  reconstruction(c: ModelChallenge): XY;
  /** A boss level's training images (to measure train accuracy); null for other challenges. */
  bossTrain(c: ModelChallenge): tf.Tensor | null;
  /** The browser's training and validation examples (public seeds); null for image challenges. */
  training(c: ModelChallenge): { train: XY; val: XY } | null;
  dispose(): void;
}

function inputsOnly(xy: XY): tf.Tensor {
  xy.ys.dispose();
  return xy.xs;
}

function createExampleCache(dataDir: string): ExampleCache {
  const test = new Map<string, tf.Tensor>();
  const reconstruction = new Map<string, XY>();
  const bossTrain = new Map<string, tf.Tensor | null>();
  const training = new Map<string, { train: XY; val: XY } | null>();
  const once = <T>(cache: Map<string, T>, id: string, make: () => T): T => {
    if (!cache.has(id)) cache.set(id, make());
    return cache.get(id) as T;
  };
  return {
    test: (c) => once(test, c.id, () => inputsOnly(splitToTensors(testExamples(dataDir, c), c.numClasses))),
    reconstruction: (c) => once(reconstruction, c.id, () => splitToTensors(testExamples(dataDir, c), c.numClasses)),
    bossTrain: (c) =>
      once(bossTrain, c.id, () => {
        const examples = bossTrainExamples(dataDir, c);
        return examples ? inputsOnly(splitToTensors(examples, c.numClasses)) : null;
      }),
    training: (c) =>
      once(training, c.id, () => {
        const splits = generatedSplits(c);
        return splits ? { train: splitToTensors(splits.train, c.numClasses), val: splitToTensors(splits.val, c.numClasses) } : null;
      }),
    dispose() {
      for (const t of test.values()) t.dispose();
      for (const xy of reconstruction.values()) tf.dispose([xy.xs, xy.ys]);
      reconstruction.clear();
      for (const t of bossTrain.values()) t?.dispose();
      for (const d of training.values()) if (d) tf.dispose([d.train.xs, d.train.ys, d.val.xs, d.val.ys]);
      test.clear();
      bossTrain.clear();
      training.clear();
    },
  };
}

/** Loads the weights, or trains the spec when the job asks; an error output when neither works. */
async function prepare(model: tf.Sequential, spec: ModelSpec, challenge: ModelChallenge, job: ScoringJob, cache: ExampleCache): Promise<{ run?: WorkerRun } | ScoringOutput> {
  if (!job.retrain) {
    const applied = applyWeights(model, job.weights);
    return applied.ok ? {} : failure('weights/invalid', 'the weights do not fit the model', applied.issues);
  }
  // The weights are not scored, but they must still be the spec's (the submit handler checked too).
  const bytes = model.countParams() * 4;
  if (job.weights.byteLength !== bytes) return failure('weights/invalid', `expected ${bytes} bytes of weights for this model, got ${job.weights.byteLength}`);
  const data = cache.training(challenge);
  if (!data) return failure('scoring/cannot_retrain', `the server does not train ${challenge.id} itself`);
  return { run: await trainOnServer(model, spec, data) };
}

export function createScorer(dataDir: string): Scorer {
  const cache = createExampleCache(dataDir);
  const judge = createJudgeCache(dataDir);
  async function score(job: ScoringJob): Promise<ScoringOutput> {
    const started = performance.now();
    const challenge = getModelChallenge(job.challengeId);
    if (!challenge) return failure('challenge/unknown', `no model challenge ${job.challengeId}`);
    const parsed = parseModelSpec(JSON.parse(job.specJson));
    if (!parsed.ok) return failure('spec/invalid', 'the stored spec is not valid', parsed.issues);
    if (challenge.objective === 'generate') return scoreGenerator(parsed.spec, challenge, job, started, judge.get);
    let model: tf.Sequential | undefined;
    try {
      try {
        model = buildModel(parsed.spec, buildTarget(challenge));
      } catch (err) {
        const issues = (err as { issues?: ApiError['issues'] }).issues;
        return failure('spec/invalid', `the model could not be built: ${(err as Error).message}`, issues);
      }
      const prepared = await prepare(model, parsed.spec, challenge, job, cache);
      if ('ok' in prepared) return prepared;
      if (challenge.objective === 'reconstruct') {
        // An autoencoder is judged on how close it rebuilds each hidden photo (game/autoencoder.ts).
        const photos = cache.reconstruction(challenge);
        const errors = await reconstructionErrors(model, photos.xs, photos.ys, PREDICT_BATCH);
        return { ok: true, predictions: new Int32Array(0), errors, ...prepared, workerMs: performance.now() - started };
      }
      const xs = cache.test(challenge);
      const predictions = await predictLabels(model, xs, PREDICT_BATCH);
      const trainXs = cache.bossTrain(challenge);
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
    dispose: () => {
      cache.dispose();
      judge.dispose();
    },
  };
}
