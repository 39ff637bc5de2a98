/**
 * Trains a preset on Sign Digits in Node with the app's own training loop and prints per-epoch
 * figures: `npx tsx bench/train-node.ts [default|tiny] [wasm|cpu] [epochs]`.
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { modelChallenge } from '../game/challenges';
import { selectBackend, type BackendName } from '../models/backend';
import { buildModel } from '../models/build';
import { loadSplitFromDisk } from '../models/dataset-node';
import { predictLabels } from '../models/evaluate';
import { accuracy } from '../models/metrics';
import { defaultSpec, tinySpec } from '../models/presets';
import { splitToTensors } from '../models/tensors';
import { trainModel } from '../models/train';

const [which = 'default', backend = 'wasm', epochsArg] = process.argv.slice(2);
const challenge = modelChallenge('sign-digits');
const spec = which === 'tiny' ? tinySpec('sign-digits') : defaultSpec('sign-digits');
if (epochsArg) spec.training.epochs = Number(epochsArg);
const choice = await selectBackend({ prefer: backend as BackendName });
const dir = join(import.meta.dirname, '..', 'data', 'sign-digits');
const train = splitToTensors(loadSplitFromDisk(dir, 'train').data, 10);
const val = splitToTensors(loadSplitFromDisk(dir, 'val').data, 10);
const test = loadSplitFromDisk(dir, 'test').data;
const model = buildModel(spec, { inputShape: challenge.inputShape, numClasses: 10 });
console.log(`${which} on ${choice.backend}: ${model.countParams()} params, ${spec.training.epochs} epochs`);
const result = await trainModel(model, spec, train, val, {
  onEpochEnd: (l) =>
    console.log(
      `epoch ${l.epoch + 1}: loss ${l.loss.toFixed(3)} acc ${l.acc.toFixed(3)} val_loss ${l.valLoss?.toFixed(3)} val_acc ${l.valAcc?.toFixed(3)} t=${(l.elapsedMs / 1000).toFixed(1)}s`,
    ),
});
const testXy = splitToTensors(test, 10);
const pred = await predictLabels(model, testXy.xs);
console.log(`samples/s ${result.samplesPerSecond.toFixed(1)}, total ${(result.elapsedMs / 1000).toFixed(1)}s, test acc ${accuracy(pred, test.labels).toFixed(4)}, tensors ${tf.memory().numTensors}`);
