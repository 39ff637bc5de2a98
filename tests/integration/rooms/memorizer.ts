/**
 * Hand-built "memorizer" models for boss rounds: nearest template, the templates being hidden test
 * photos, so a test decides who leads the public board and who the private one, without training.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { modelChallenge, type ModelChallengeId } from '../../../game/challenges';
import { loadSplitFromDisk } from '../../../models/dataset-node';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { bossSplit } from '../../../server/boss/scoring';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data', 'sign-digits');
const SHARPNESS = 50;

/**
 * Pool 4 → 16×16, a softmax over "how close to each template" (−β‖x − t‖²/2 up to a constant),
 * then each template votes for its label: 1-nearest-neighbour as a legal spec.
 */
export function memorizer(templates: Float32Array[], labels: number[]): { spec: ModelSpec; weights: Uint8Array } {
  const k = templates.length;
  const spec: ModelSpec = {
    version: 1,
    layers: [{ type: 'maxPooling2d', poolSize: 4 }, { type: 'flatten' }, { type: 'dense', units: k, activation: 'softmax' }, { type: 'dense', units: 10, activation: 'softmax' }],
    training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.001 }, batchSize: 16, epochs: 60, seed: 1 },
  };
  const kernel1 = new Float32Array(256 * k);
  const bias1 = new Float32Array(k);
  templates.forEach((t, j) => {
    let norm = 0;
    t.forEach((v, i) => {
      kernel1[i * k + j] = SHARPNESS * v;
      norm += v * v;
    });
    bias1[j] = (-SHARPNESS * norm) / 2;
  });
  const kernel2 = new Float32Array(k * 10);
  labels.forEach((label, j) => (kernel2[j * 10 + label] = 20));
  const all = [kernel1, bias1, kernel2, new Float32Array(10)];
  const out = new Float32Array(all.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of all) (out.set(a, at), (at += a.length));
  return { spec, weights: new Uint8Array(out.buffer) };
}

/** The test photos as the server sees them (0..1), pooled to 16×16. */
export function pooledTest(): { rows: Float32Array[]; labels: Uint8Array } {
  const test = loadSplitFromDisk(DATA, 'test').data;
  const { xs, ys } = splitToTensors(test, 10);
  const pooled = tf.maxPool(xs as tf.Tensor4D, 4, 4, 'valid');
  const flat = pooled.reshape([test.count, 256]).dataSync() as Float32Array;
  tf.dispose([xs, ys, pooled]);
  return { rows: Array.from({ length: test.count }, (_, i) => flat.slice(i * 256, (i + 1) * 256)), labels: test.labels };
}

/**
 * For a boss round's split (seed `room:<code>:<round>` or `solo:<level>`): `pub` memorized the
 * public part (100 % on the live board), `priv` the private part (100 % at the reveal).
 */
export function splitMemorizers(splitSeed: string, level: ModelChallengeId) {
  const { rows, labels } = pooledTest();
  const split = bossSplit(splitSeed, labels, modelChallenge(level).boss!);
  const pick = (idx: number[]) => memorizer(idx.map((i) => rows[i]!), idx.map((i) => labels[i]!));
  return { split, pub: pick(split.publicIdx), priv: pick(split.privateIdx) };
}
