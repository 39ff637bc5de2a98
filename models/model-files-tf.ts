/**
 * The tfjs half of model files (models/model-files.ts): packing a trained spec + weights into
 * model.json + weights.bin with tfjs's own save path, and checking that unpacked weights fit the
 * spec on a challenge by rebuilding it. Every model built here is disposed before returning.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel, SpecError } from './build';
import { MODEL_FILES_VERSION, modelFileNames, modelJsonText, weightsFingerprint, type ArenaMetadata, type UnpackedModel, type WeightEntry } from './model-files';
import type { ModelSpec } from './spec';
import { applyWeights } from './weights';

export interface ModelTarget {
  challengeId: string;
  inputShape: readonly number[];
  numClasses: number;
}

export interface PackedModel {
  names: { json: string; weights: string };
  json: string;
  weights: ArrayBuffer;
  fingerprint: string;
}

/** What model.save() hands its handler: the topology and the weights with their manifest. */
async function saveArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved) throw new Error('model.save() handed nothing over');
  return saved;
}

/** Rebuilds the trained model, lets tfjs save it, and adds our spec to model.json. */
export async function packModel(spec: ModelSpec, weights: ArrayBuffer, target: ModelTarget): Promise<PackedModel> {
  const model = buildModel(spec, target);
  try {
    const applied = applyWeights(model, weights);
    if (!applied.ok) throw new Error(applied.issues.map((i) => i.message).join('; '));
    const artifacts = await saveArtifacts(model);
    const bin = tf.io.concatenateArrayBuffers(artifacts.weightData ?? []);
    const weightSpecs = (artifacts.weightSpecs ?? []) as WeightEntry[];
    const fingerprint = weightsFingerprint(bin);
    const names = modelFileNames(target.challengeId);
    const count = bin.byteLength / 4;
    const metadata: ArenaMetadata = { version: MODEL_FILES_VERSION, challengeId: target.challengeId, spec, inputShape: [...target.inputShape], numClasses: target.numClasses, weights: { count, fingerprint } };
    const json = modelJsonText({ modelTopology: artifacts.modelTopology, weightSpecs, weightsPath: `./${names.weights}`, metadata });
    return { names, json, weights: bin, fingerprint };
  } finally {
    model.dispose();
  }
}

export type FitResult = { ok: true } | { ok: false; code: 'wrongChallenge'; fileChallenge: string } | { ok: false; code: 'shapes'; detail: string };

/**
 * Do the unpacked weights fit the spec on this challenge? The spec is rebuilt for the challenge's
 * input and classes, and each weight's shape is compared with model.json's list, in order.
 */
export function checkFit(unpacked: UnpackedModel, target: ModelTarget): FitResult {
  if (unpacked.challengeId !== target.challengeId) return { ok: false, code: 'wrongChallenge', fileChallenge: unpacked.challengeId };
  let model: tf.Sequential;
  try {
    model = buildModel(unpacked.spec, target);
  } catch (e) {
    if (e instanceof SpecError) return { ok: false, code: 'shapes', detail: e.message };
    throw e;
  }
  try {
    const want = model.weights.map((w) => w.shape.join('x'));
    const got = unpacked.shapes.map((s) => s.join('x'));
    if (want.join(',') !== got.join(',')) return { ok: false, code: 'shapes', detail: `the spec needs [${want.join(', ')}], the file has [${got.join(', ')}]` };
    return { ok: true };
  } finally {
    model.dispose();
  }
}
