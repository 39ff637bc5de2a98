/**
 * The overfitting boss, measured: a small CNN trained on a few Sign Digits images per class, plain and
 * with the tools against overfitting, scored on the public and private parts of the hidden test set
 * as the boss round splits it. `npx tsx bench/boss.ts [perClass=15] [seeds=2]`.
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { splitPublicPrivate, subsetAccuracy } from '../game/boss/rules';
import { selectBackend } from '../models/backend';
import { buildModel } from '../models/build';
import { subsamplePerClass } from '../models/challenge-data';
import { loadSplitFromDisk } from '../models/dataset-node';
import { predictLabels } from '../models/evaluate';
import type { ModelSpec } from '../models/spec';
import { splitToTensors } from '../models/tensors';
import { trainModel } from '../models/train';

const [perClass = 15, seeds = 2] = process.argv.slice(2).map(Number);
const dir = join(import.meta.dirname, '..', 'data', 'sign-digits');
// The app's WASM backend, with our conv gradient kernels (models/wasm-kernels.ts).
await selectBackend({ prefer: 'wasm' });

const conv = (filters: number, l2?: number) => ({ type: 'conv2d' as const, filters, kernelSize: 3, strides: 1, padding: 'same' as const, activation: 'relu' as const, ...(l2 ? { l2 } : {}) });
const pool = { type: 'maxPooling2d' as const, poolSize: 2 };
function spec(opts: { dropout?: number; l2?: number; augment?: boolean; early?: number; epochs: number; seed: number }): ModelSpec {
  return {
    version: 1,
    layers: [
      pool, conv(8, opts.l2), pool, conv(16, opts.l2), pool, { type: 'flatten' },
      ...(opts.dropout ? [{ type: 'dropout' as const, rate: opts.dropout }] : []),
      { type: 'dense', units: 10, activation: 'softmax', ...(opts.l2 ? { l2: opts.l2 } : {}) },
    ],
    training: {
      loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.003 }, batchSize: 16, epochs: opts.epochs, seed: opts.seed,
      ...(opts.augment ? { augment: { shift: 0.1, rotate: 10, zoom: 0.1, brightness: 0.2 } } : {}),
      ...(opts.early ? { earlyStopping: { patience: opts.early } } : {}),
    },
  };
}

const VARIANTS = {
  plain: { epochs: 60 },
  'dropout+L2': { epochs: 60, dropout: 0.5, l2: 0.001 },
  'dropout+L2+augment': { epochs: 60, dropout: 0.5, l2: 0.001, augment: true },
  'dropout+L2+augment+early': { epochs: 60, dropout: 0.5, l2: 0.001, augment: true, early: 8 },
} as const;

const trainAll = loadSplitFromDisk(dir, 'train').data;
const valAll = loadSplitFromDisk(dir, 'val').data;
const test = loadSplitFromDisk(dir, 'test').data;
const testXy = splitToTensors(test, 10);
const split = splitPublicPrivate(test.labels, 1);
console.log(`boss: ${perClass} training images per class, 5 validation per class, test ${test.count} (public ${split.publicIdx.length}, private ${split.privateIdx.length})`);
for (const [name, v] of Object.entries(VARIANTS)) {
  for (let seed = 1; seed <= seeds; seed++) {
    const trainSplit = subsamplePerClass(trainAll, perClass, seed);
    const train = splitToTensors(trainSplit, 10);
    const val = splitToTensors(subsamplePerClass(valAll, 5, seed), 10);
    const s = spec({ ...v, seed });
    const model = buildModel(s, { inputShape: [64, 64, 1], numClasses: 10 });
    const started = performance.now();
    const r = await trainModel(model, s, train, val);
    const trainPred = await predictLabels(model, train.xs);
    const pred = await predictLabels(model, testXy.xs);
    const trainAcc = subsetAccuracy(trainPred, trainSplit.labels, [...trainSplit.labels.keys()]);
    const all = [...test.labels.keys()];
    const row = {
      variant: name, seed, epochs: r.history.length, bestEpoch: r.bestEpoch ?? null,
      train: +trainAcc.toFixed(3), test: +subsetAccuracy(pred, test.labels, all).toFixed(3),
      public: +subsetAccuracy(pred, test.labels, split.publicIdx).toFixed(3), private: +subsetAccuracy(pred, test.labels, split.privateIdx).toFixed(3),
      seconds: +((performance.now() - started) / 1000).toFixed(1),
    };
    console.log(`BENCH ${JSON.stringify(row)}`);
    model.dispose();
    tf.dispose([train.xs, train.ys, val.xs, val.ys]);
  }
}
