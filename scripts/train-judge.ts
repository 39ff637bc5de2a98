/**
 * Trains the judge of generated sign digits once (models/judge.ts) on the real training photos
 * shrunk to 16×16, and writes data/judges/sign-digits-16/{spec.json, weights.bin, judge.json}.
 * judge.json records its accuracy on the validation and test photos; tests/unit/models/judge.test.ts
 * checks the shipped files against it.
 *
 *   npx tsx scripts/train-judge.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { downsampleSplit } from '../models/autoencoder-data';
import { buildModel } from '../models/build';
import { loadSplitFromDisk } from '../models/dataset-node';
import { JUDGE_CLASSES, JUDGE_INPUT, JUDGE_SPEC } from '../models/judge';
import { splitToTensors } from '../models/tensors';
import { trainModel } from '../models/train';
import { serializeWeights } from '../models/weights';
import { useBackend } from '../tests/unit/challenges/harness';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'data', 'sign-digits');
const OUT = join(ROOT, 'data', 'judges', 'sign-digits-16');

const small = (name: 'train' | 'val' | 'test') => {
  const split = loadSplitFromDisk(DATA, name).data;
  return splitToTensors(downsampleSplit(split, split.height / (JUDGE_INPUT[0] ?? 16)), JUDGE_CLASSES);
};

async function accuracy(model: tf.LayersModel, xy: ReturnType<typeof small>): Promise<number> {
  const right = tf.tidy(() => (model.predict(xy.xs) as tf.Tensor).argMax(1).equal(xy.ys.argMax(1)).sum());
  const n = (await right.data())[0] ?? 0;
  right.dispose();
  return n / (xy.xs.shape[0] ?? 1);
}

const backend = await useBackend('wasm');
const [train, val, test] = [small('train'), small('val'), small('test')];
const judge = buildModel(JUDGE_SPEC, { inputShape: JUDGE_INPUT, numClasses: JUDGE_CLASSES });
const started = performance.now();
await trainModel(judge, JUDGE_SPEC, train, val);
const seconds = (performance.now() - started) / 1000;
const meta = {
  trainedOn: 'data/sign-digits train split, 64x64 photos averaged 4x4 into 16x16',
  backend,
  seconds: Math.round(seconds),
  valAccuracy: await accuracy(judge, val),
  testAccuracy: await accuracy(judge, test),
  params: judge.countParams(),
};
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'spec.json'), `${JSON.stringify(JUDGE_SPEC, null, 2)}\n`);
writeFileSync(join(OUT, 'weights.bin'), new Uint8Array(serializeWeights(judge)));
writeFileSync(join(OUT, 'judge.json'), `${JSON.stringify(meta, null, 2)}\n`);
console.log(meta);
