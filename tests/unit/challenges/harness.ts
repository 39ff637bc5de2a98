/**
 * Trains a challenge spec in Node with the app's own loop and scores it the way the server does:
 * the server's hidden test examples (server/scoring/test-split.ts), predictLabels, the game's
 * accuracy and star rules. Shared by the challenge tests and bench/challenges.ts.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { modelChallenge, type ModelChallenge, type ModelChallengeId } from '../../../game/challenges';
import { scoreFromPredictions } from '../../../game/scoring';
import { modelStars, type Stars } from '../../../game/stars';
import { lengthScores } from '../../../game/sequence-data';
import { validateSubmission } from '../../../game/submission';
import { selectBackend, type BackendName } from '../../../models/backend';
import { buildModel } from '../../../models/build';
import { forChallenge, generatedSplits } from '../../../game/challenge-data';
import type { Examples } from '../../../models/challenge-data';
import type { SplitData } from '../../../models/dataset';
import { loadSplitFromDisk } from '../../../models/dataset-node';
import { predictLabels } from '../../../models/evaluate';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { trainModel } from '../../../models/train';
import { testExamples } from '../../../server/scoring/test-split';

export const DATA_DIR = join(import.meta.dirname, '..', '..', '..', 'data');
/** The scoring worker's predict batch (server/scoring/worker.ts). */
const PREDICT_BATCH = 50;

export interface ChallengeRun {
  /** Test accuracy on the server's test examples, 0..1. */
  accuracy: number;
  stars: Stars;
  paramCount: number;
  epochs: number;
  /** Training wall time only (no data loading, no scoring), from the training loop. */
  trainMs: number;
  /**
   * CPU time of this process while training (user + system): on a shared machine it stays close to
   * what the wall time would be on an idle one, since WASM and CPU kernels run on one thread.
   */
  trainCpuMs: number;
  /** Validation accuracy after each epoch (when validation was asked for). */
  valAcc: number[];
  /** The memory challenge: test accuracy at each scored length. */
  scoresByLength?: Record<number, number>;
}

/**
 * Starts a backend for Node runs: WASM, as the server's scoring worker uses. Measured with
 * bench/challenges.ts on 2 cores: the sign-01 CNN trains 5 epochs in 1.9 s on WASM and 50 s on
 * tfjs CPU; the 2-D dense nets take about as long on either (per-batch overhead dominates).
 */
export async function useBackend(name: BackendName = 'wasm'): Promise<BackendName> {
  const choice = await selectBackend({ prefer: name });
  if (choice.backend !== name) throw new Error(`backend ${name} did not start: ${choice.reasons.join('; ')}`);
  return choice.backend;
}

const imageCache = new Map<string, SplitData>();

function imageSplit(c: ModelChallenge, split: 'train' | 'val'): SplitData {
  if (c.data.type !== 'images') throw new Error(`${c.id} has no image data`);
  const key = `${c.id}/${split}`;
  let data = imageCache.get(key);
  if (!data) {
    data = forChallenge(c, loadSplitFromDisk(join(DATA_DIR, c.data.dataset), split).data, split);
    imageCache.set(key, data);
  }
  return data;
}

/** The training and validation examples the browser would train on. */
export function trainingExamples(c: ModelChallenge): { train: Examples; val: Examples } {
  return generatedSplits(c) ?? { train: imageSplit(c, 'train'), val: imageSplit(c, 'val') };
}

export interface RunOptions {
  /** Evaluate on the validation split after each epoch (slower; the bench shows it). */
  withVal?: boolean;
}

/**
 * Trains `spec` on challenge `id` and scores it on the server's test examples. Throws when the
 * server would refuse the spec (budget, samples seen): a refused model earns nothing.
 */
export async function runChallenge(id: ModelChallengeId, spec: ModelSpec, opts: RunOptions = {}): Promise<ChallengeRun> {
  const challenge = modelChallenge(id);
  const check = validateSubmission(challenge, spec);
  if (!check.ok) throw new Error(`${id}: ${check.error.code}: ${check.error.message}`);
  const { train, val } = trainingExamples(challenge);
  const trainXy = splitToTensors(train, challenge.numClasses);
  const valXy = opts.withVal ? splitToTensors(val, challenge.numClasses) : undefined;
  const test = testExamples(DATA_DIR, challenge);
  const testXy = splitToTensors(test, challenge.numClasses);
  const model = buildModel(check.spec, { inputShape: challenge.inputShape, numClasses: challenge.numClasses });
  try {
    const cpu = process.cpuUsage();
    let samplesSeen = 0;
    const result = await trainModel(model, check.spec, trainXy, valXy, { onBatchEnd: (p) => void (samplesSeen = p.samplesSeen) });
    const used = process.cpuUsage(cpu);
    const predictions = await predictLabels(model, testXy.xs, PREDICT_BATCH);
    const scored = scoreFromPredictions(predictions, test.labels);
    if (!scored.ok) throw new Error(scored.message);
    const score = scored.value.score;
    const paramCount = check.shapes.totalParams;
    const scoresByLength = lengthScores(challenge.data, predictions, test.labels) ?? undefined;
    return {
      accuracy: score,
      // This run is the one the server would do itself where a rule is about training.
      stars: modelStars(challenge, { score, paramCount, spec: check.spec, run: { epochs: result.history.length, samplesSeen }, ...(scoresByLength && { scoresByLength }) }),
      ...(scoresByLength && { scoresByLength }),
      paramCount,
      epochs: result.history.length,
      trainMs: result.elapsedMs,
      trainCpuMs: (used.user + used.system) / 1000,
      valAcc: result.history.map((h) => h.valAcc ?? NaN),
    };
  } finally {
    model.dispose();
    tf.dispose([trainXy.xs, trainXy.ys, testXy.xs, testXy.ys]);
    if (valXy) tf.dispose([valXy.xs, valXy.ys]);
  }
}

/** The spec with other training settings (seed, epochs, ...): for seed checks and sweeps. */
export function withTraining(spec: ModelSpec, training: Partial<ModelSpec['training']>): ModelSpec {
  return { ...spec, training: { ...spec.training, ...training } };
}
