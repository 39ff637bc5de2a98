/**
 * The judge of generated sign digits (issue 18): a small classifier of 16×16 Sign Digits photos,
 * trained once on the real training photos (scripts/train-judge.ts) and shipped in
 * data/judges/sign-digits-16/ as our own spec plus float32 weights. The server reads what a
 * submitted generator made from the server's own noise through it (server/scoring/gan-scorer.ts);
 * it is never sent to a browser, so no one can tune a generator to it.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel } from './build';
import { parseModelSpec, type ModelSpec } from './spec';
import { applyWeights } from './weights';

/** The judge reads 16×16 single-channel photos on 0..1 and gives the probability of each digit. */
export const JUDGE_INPUT = [16, 16, 1] as const;
export const JUDGE_CLASSES = 10;

/** Two small conv blocks, dropout, softmax: 92-94 % on the real 16×16 test photos (bench/gan-digits*.ts). */
export const JUDGE_SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'conv2d', filters: 16, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.3 },
    { type: 'dense', units: JUDGE_CLASSES, activation: 'softmax' },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.002 }, batchSize: 64, epochs: 60, seed: 1 },
};

/** The shipped judge from its files' contents; throws when they do not fit together. */
export function loadJudge(specJson: string, weights: Uint8Array): tf.Sequential {
  const parsed = parseModelSpec(JSON.parse(specJson));
  if (!parsed.ok) throw new Error(`the judge's spec is not valid: ${parsed.issues.map((i) => i.message).join('; ')}`);
  const judge = buildModel(parsed.spec, { inputShape: JUDGE_INPUT, numClasses: JUDGE_CLASSES });
  const applied = applyWeights(judge, weights);
  if (!applied.ok) {
    judge.dispose();
    throw new Error(`the judge's weights do not fit its spec: ${applied.issues.map((i) => i.message).join('; ')}`);
  }
  return judge;
}

/** The judge's probabilities for `photos` (count × 256 values on 0..1), count × 10, row after row. */
export async function judgeProbabilities(judge: tf.LayersModel, photos: Float32Array): Promise<Float32Array> {
  const size = JUDGE_INPUT.reduce<number>((a, b) => a * b, 1);
  const count = Math.floor(photos.length / size);
  const out = tf.tidy(() => judge.predict(tf.tensor4d(photos.subarray(0, count * size), [count, ...JUDGE_INPUT]).clipByValue(0, 1), { batchSize: 128 }) as tf.Tensor);
  try {
    return new Float32Array(await out.data());
  } finally {
    out.dispose();
  }
}
