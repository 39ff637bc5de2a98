/**
 * Trains an autoencoder spec in Node with the app's own loop on the challenge's photos (as the
 * browser gets them: game/challenge-data.ts forChallenge) and scores it the way the server does:
 * the server's hidden test photos and noise (server/scoring/test-split.ts), the worker's
 * reconstructionErrors, the game's score and star rules (game/autoencoder.ts). Shared by the
 * autoencoder challenge tests and bench/autoencoder.ts.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { autoencoderOutcome } from '../../../game/autoencoder';
import { buildTarget, type ModelChallenge } from '../../../game/challenges';
import { forChallenge } from '../../../game/challenge-data';
import type { Stars } from '../../../game/stars';
import { validateSubmission } from '../../../game/submission';
import { codeLength, reconstructionErrors } from '../../../models/autoencoder';
import { buildModel } from '../../../models/build';
import { loadSplitFromDisk } from '../../../models/dataset-node';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { trainModel } from '../../../models/train';
import { testExamples } from '../../../server/scoring/test-split';

export const DATA_DIR = join(import.meta.dirname, '..', '..', '..', 'data');

export interface AutoencoderRun {
  score: number;
  /** Test photos rebuilt closer than the mean photo. */
  correct: number;
  total: number;
  stars: Stars;
  code: number | null;
  paramCount: number;
  epochs: number;
  /** Training wall time only, from the training loop. */
  trainMs: number;
  /** This process's CPU time while training (user + system). */
  trainCpuMs: number;
  /** Validation loss (MSE) after each epoch, when asked for. */
  valLoss: number[];
}

/**
 * Trains `spec` on `challenge` and scores it on the hidden test photos. `check: false` skips the
 * submission check (the bench measures sizes and codes the challenge would refuse).
 */
export async function runAutoencoder(challenge: ModelChallenge, spec: ModelSpec, opts: { withVal?: boolean; check?: boolean } = {}): Promise<AutoencoderRun> {
  if (opts.check !== false) {
    const checked = validateSubmission(challenge, spec);
    if (!checked.ok) throw new Error(`${challenge.id}: ${checked.error.code}: ${checked.error.message} ${JSON.stringify(checked.error.issues)}`);
  }
  if (challenge.data.type !== 'images') throw new Error(`${challenge.id} has no photos`);
  const dir = join(DATA_DIR, challenge.data.dataset);
  const train = splitToTensors(forChallenge(challenge, loadSplitFromDisk(dir, 'train').data, 'train'), challenge.numClasses);
  const val = opts.withVal ? splitToTensors(forChallenge(challenge, loadSplitFromDisk(dir, 'val').data, 'val'), challenge.numClasses) : undefined;
  const test = testExamples(DATA_DIR, challenge);
  const testXy = splitToTensors(test, challenge.numClasses);
  const model = buildModel(spec, buildTarget(challenge));
  try {
    const cpu = process.cpuUsage();
    const result = await trainModel(model, spec, train, val);
    const used = process.cpuUsage(cpu);
    const errors = await reconstructionErrors(model, testXy.xs, testXy.ys, 50);
    const paramCount = model.countParams();
    const outcome = autoencoderOutcome(challenge, errors, test.count, spec, paramCount);
    if (!outcome.ok) throw new Error(outcome.message);
    return {
      ...outcome.score,
      stars: outcome.stars,
      code: codeLength(spec),
      paramCount,
      epochs: result.history.length,
      trainMs: result.elapsedMs,
      trainCpuMs: (used.user + used.system) / 1000,
      valLoss: result.history.map((h) => h.valLoss ?? NaN),
    };
  } finally {
    model.dispose();
    tf.dispose([train.xs, train.ys, testXy.xs, testXy.ys]);
    if (val) tf.dispose([val.xs, val.ys]);
  }
}
