/**
 * A real model for submissions: a dense softmax classifier trained in this process on a slice of
 * the training split (tfjs WASM backend, like the scoring worker), plus the score the test expects,
 * computed locally on the test split with the same weights.
 * Random initialisation made a quick run land anywhere from chance to ~0.4, so the weights start
 * from the nearest-class-mean classifier (kernel = class means, bias = -|mean|^2/2; ~0.6 on test)
 * and a few unshuffled epochs of adam fine-tune it: deterministic, and well above chance.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../server/app';
import { modelChallenge } from '../../../game/challenges';
import { scoreFromPredictions, type Score } from '../../../game/scoring';
import { loadSplitFromDisk } from '../../../models/dataset-node';
import type { SplitData } from '../../../models/dataset';
import { buildModel, createOptimizer } from '../../../models/build';
import { predictLabels } from '../../../models/evaluate';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { serializeWeights } from '../../../models/weights';

const DATA = join(PROJECT_ROOT, 'data', 'sign-digits');
const TRAIN_IMAGES = 600;

export const SMALL_SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  training: {
    loss: 'categoricalCrossentropy',
    optimizer: { type: 'adam', learningRate: 0.001 },
    batchSize: 32,
    epochs: 4,
    seed: 7,
  },
};
/** 4096*10 + 10. */
export const SMALL_PARAMS = 40_970;

export interface TrainedModel {
  spec: ModelSpec;
  weights: Uint8Array;
  /** What the server must report for these weights. */
  expected: Score;
}

function slice(split: SplitData, n: number): SplitData {
  const size = split.height * split.width * split.channels;
  return { ...split, count: n, images: split.images.subarray(0, n * size), labels: split.labels.subarray(0, n) };
}

export async function trainSmallModel(): Promise<TrainedModel> {
  await tf.setBackend('wasm');
  await tf.ready();
  const challenge = modelChallenge('sign-digits');
  if (!challenge) throw new Error('no sign-digits challenge');
  const opts = { inputShape: challenge.inputShape, numClasses: challenge.numClasses };
  const model = buildModel(SMALL_SPEC, opts);
  model.compile({ optimizer: createOptimizer(SMALL_SPEC.training.optimizer), loss: 'categoricalCrossentropy' });
  const train = splitToTensors(slice(loadSplitFromDisk(DATA, 'train').data, TRAIN_IMAGES), challenge.numClasses);
  const init = tf.tidy(() => {
    const flat = train.xs.reshape([TRAIN_IMAGES, -1]);
    const means = tf.matMul(train.ys, flat, true, false).div(train.ys.sum(0).expandDims(1));
    return [means.transpose(), means.square().sum(1).mul(-0.5)];
  });
  model.setWeights(init);
  tf.dispose(init);
  const { epochs, batchSize } = SMALL_SPEC.training;
  await model.fit(train.xs, train.ys, { epochs, batchSize, shuffle: false, verbose: 0 });
  tf.dispose([train.xs, train.ys]);

  const testSplit = loadSplitFromDisk(DATA, 'test').data;
  const test = splitToTensors(testSplit, challenge.numClasses);
  const predictions = await predictLabels(model, test.xs);
  tf.dispose([test.xs, test.ys]);
  const scored = scoreFromPredictions(predictions, testSplit.labels);
  if (!scored.ok) throw new Error(scored.message);
  const weights = new Uint8Array(serializeWeights(model));
  model.dispose();
  return { spec: SMALL_SPEC, weights, expected: scored.value };
}

/** Weights of the right length for SMALL_SPEC with one value replaced. */
export function weightsWith(values: number, index: number, value: number): Uint8Array {
  const f = new Float32Array(values).fill(0.01);
  f[index] = value;
  return new Uint8Array(f.buffer);
}
