/**
 * The tfjs side of the studio's model files panels, imported on demand (it pulls in tfjs): packing
 * a trained model, checking uploaded weights against the challenge, and running an uploaded model
 * on the validation examples. Models and tensors made here are freed before each call returns.
 */
import * as tf from '@tensorflow/tfjs';
import { ensureBackend } from '../../../challenges/[id]/viz/feature-model';
import { buildModel } from '../../../../models/build';
import type { Examples } from '../../../../models/challenge-data';
import { predictLabels } from '../../../../models/evaluate';
import type { UnpackedModel } from '../../../../models/model-files';
import { checkFit, packModel, type FitResult, type ModelTarget, type PackedModel } from '../../../../models/model-files-tf';
import type { ModelSpec } from '../../../../models/spec';
import { splitToTensors } from '../../../../models/tensors';
import { applyWeights } from '../../../../models/weights';

export async function pack(spec: ModelSpec, weights: ArrayBuffer, target: ModelTarget): Promise<PackedModel> {
  await ensureBackend();
  return packModel(spec, weights, target);
}

export async function check(unpacked: UnpackedModel, target: ModelTarget): Promise<FitResult> {
  await ensureBackend();
  return checkFit(unpacked, target);
}

/** How many validation examples the model gets right (its predictions, argmax, against the labels). */
export async function evaluate(spec: ModelSpec, weights: ArrayBuffer, target: ModelTarget, val: Examples): Promise<{ correct: number; total: number }> {
  await ensureBackend();
  const model = buildModel(spec, target);
  const { xs, ys } = splitToTensors(val, target.numClasses);
  try {
    const applied = applyWeights(model, weights);
    if (!applied.ok) throw new Error(applied.issues.map((i) => i.message).join('; '));
    const predicted = await predictLabels(model, xs);
    let correct = 0;
    predicted.forEach((p, i) => (correct += p === val.labels[i] ? 1 : 0));
    return { correct, total: predicted.length };
  } finally {
    tf.dispose([xs, ys]);
    model.dispose();
  }
}
