/**
 * The studio's feedback on a run (models/diagnosis.ts): overfitting only when the validation loss
 * rises while the training loss falls, underfitting for a flat loss near chance, with the hint that
 * fits the model. The last tests train the logic-gates default and its known-good spec on XOR with
 * the app's own loop: the default's flat loss (issue 16: it was called overfitting) is underfitting.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { modelChallenge } from '../../../game/challenges';
import { buildModel } from '../../../models/build';
import { generatedSplits } from '../../../game/challenge-data';
import { chanceLoss, diagnoseRun, flatHint, isFlatNearChance, overfittingSince } from '../../../models/diagnosis';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { trainModel, type EpochLog } from '../../../models/train';

const log = (epoch: number, loss: number, valLoss: number, acc = 0.9): EpochLog => ({ epoch, loss, acc, valLoss, valAcc: acc, elapsedMs: 1 });
const series = (losses: number[], valLosses: number[], acc = 0.9) => losses.map((l, i) => log(i, l, valLosses[i]!, acc));
const gates = defaultSpec('logic-gates');
const planarInput = { numClasses: 2, planar: true };

describe('chance level', () => {
  test('cross-entropy ln k, MSE (k − 1) / k² over one-hot outputs', () => {
    assert.equal(chanceLoss('categoricalCrossentropy', 2), Math.log(2));
    assert.equal(chanceLoss('categoricalCrossentropy', 10), Math.log(10));
    assert.equal(chanceLoss('meanSquaredError', 2), 0.25);
    assert.equal(chanceLoss('meanSquaredError', 10), 0.09);
  });
});

describe('overfitting: validation loss up while training loss falls', () => {
  const CASES: Array<[string, EpochLog[], number | null]> = [
    ['val up 2 epochs after its best, train down 67 %', series([1, 0.6, 0.4, 0.2], [0.8, 0.6, 0.66, 0.7]), 1],
    ['only one epoch past the best', series([1, 0.6, 0.4], [0.8, 0.6, 0.7]), null],
    ['val up less than 5 %', series([1, 0.6, 0.4], [0.6, 0.61, 0.62]), null],
    ['train loss rose too', series([0.5, 0.6, 0.9], [0.6, 0.7, 0.9]), null],
    // The XOR run: val noise up 6 % while training loss crept down 0.1 %: not memorizing.
    ['flat training loss, val noise', series([0.6935, 0.6934, 0.6933, 0.6932], [0.69, 0.72, 0.73, 0.735]), null],
    ['still improving', series([1, 0.8, 0.6], [0.9, 0.7, 0.5]), null],
  ];
  for (const [name, epochs, expected] of CASES) test(name, () => assert.equal(overfittingSince(epochs), expected));
});

describe('underfitting: a flat training loss near chance', () => {
  test('flat at ln 2 for 20 epochs is flat near chance; falling or too short is not', () => {
    const flat = series(Array.from({ length: 20 }, (_, i) => 0.75 - Math.min(i, 3) * 0.02), Array(20).fill(0.7), 0.5);
    assert.ok(isFlatNearChance(flat, 'categoricalCrossentropy', 2));
    const falling = series([0.7, 0.5, 0.3, 0.2], [0.7, 0.5, 0.3, 0.2], 0.9);
    assert.equal(isFlatNearChance(falling, 'categoricalCrossentropy', 2), false);
    assert.equal(isFlatNearChance(flat.slice(0, 2), 'categoricalCrossentropy', 2), false);
  });

  test('a flat loss well below chance with good accuracy is a plateau, not underfitting', () => {
    assert.equal(isFlatNearChance(series([0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1], 0.97), 'categoricalCrossentropy', 2), false);
  });

  test('flat near chance wins over a rising validation loss: never called overfitting', () => {
    const epochs = series([0.6935, 0.6934, 0.6933, 0.6932], [0.69, 0.72, 0.73, 0.735], 0.5);
    assert.deepEqual(diagnoseRun({ epochs, spec: gates, ...planarInput }), { kind: 'underfitting', loss: 0.6932, chanceLoss: Math.log(2), hint: 'line' });
  });

  test('overfitting is reported when the training loss really falls', () => {
    const epochs = series([0.6, 0.3, 0.15, 0.05], [0.5, 0.3, 0.36, 0.45], 0.95);
    assert.deepEqual(diagnoseRun({ epochs, spec: defaultSpec('sign-digits'), numClasses: 10, planar: false }), { kind: 'overfitting', since: 1 });
    assert.equal(diagnoseRun({ epochs: series([1, 0.5, 0.3], [1, 0.5, 0.3]), spec: gates, ...planarInput }), null);
  });
});

describe('the hint that fits a flat loss', () => {
  const withLayers = (layers: ModelSpec['layers']): ModelSpec => ({ ...gates, layers });
  const out = { type: 'dense', units: 2, activation: 'softmax' } as const;
  test('one neuron on points: one straight line', () => assert.equal(flatHint(gates, true), 'line'));
  test('a deep sigmoid stack: fading gradients', () => assert.equal(flatHint(defaultSpec('activations'), true), 'vanishing'));
  test('a hidden tanh layer or a photo model: the step size', () => {
    assert.equal(flatHint(withLayers([{ type: 'dense', units: 2, activation: 'tanh' }, out]), true), 'steps');
    assert.equal(flatHint(defaultSpec('sign-01'), false), 'steps');
  });
});

describe('real runs on XOR (the app training loop, tfjs CPU)', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  async function history(spec: ModelSpec): Promise<EpochLog[]> {
    const challenge = modelChallenge('logic-gates');
    const splits = generatedSplits(challenge);
    assert.ok(splits);
    const train = splitToTensors(splits.train, 2);
    const val = splitToTensors(splits.val, 2);
    const model = buildModel(spec, { inputShape: challenge.inputShape, numClasses: 2 });
    try {
      return (await trainModel(model, spec, train, val)).history;
    } finally {
      model.dispose();
      tf.dispose([train.xs, train.ys, val.xs, val.ys]);
    }
  }

  test('the default (one neuron) is underfitting with the one-line hint, never overfitting', async () => {
    const epochs = await history(gates);
    const d = diagnoseRun({ epochs, spec: gates, ...planarInput });
    assert.equal(d?.kind, 'underfitting', `losses ${epochs.map((e) => e.loss.toFixed(3)).join(' ')}`);
    assert.equal(d.kind === 'underfitting' && d.hint, 'line');
  });

  test('the known-good (a hidden layer) learns XOR: no diagnosis', async () => {
    const spec = knownGoodSpec('logic-gates');
    const epochs = await history(spec);
    assert.equal(diagnoseRun({ epochs, spec, ...planarInput }), null, `losses ${epochs.map((e) => e.loss.toFixed(3)).join(' ')}`);
  });
});
