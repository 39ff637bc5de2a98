import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { modelChallenge } from '../../../game/challenges';
import { buildModel, lossFunction } from '../../../models/build';
import { generatedSplits } from '../../../game/challenge-data';
import { defaultSpec } from '../../../models/presets';
import { gradientMagnitudes, gridPoints, makeProber, neuronFromDense, predictClass1, singleNeuron } from '../../../models/probe';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { trainModel } from '../../../models/train';

const OPTS = { inputShape: [2], numClasses: 2 };
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** One dense 2→2 softmax layer whose weights are set by hand. */
function neuronModel(kernel: number[], bias: number[]): tf.Sequential {
  const spec = defaultSpec('logic-gates');
  const model = buildModel(spec, OPTS);
  const weights = [tf.tensor2d(kernel, [2, 2]), tf.tensor1d(bias)];
  model.setWeights(weights);
  tf.dispose(weights);
  return model;
}

/** `hidden` dense layers of 8 units with `activation`, then the 2-class softmax. */
function deepSpec(activation: 'sigmoid' | 'tanh' | 'relu', hidden = 6): ModelSpec {
  const spec = defaultSpec('activations');
  return {
    ...spec,
    layers: [...Array.from({ length: hidden }, () => ({ type: 'dense' as const, units: 8, activation })), { type: 'dense', units: 2, activation: 'softmax' }],
  };
}

function circleData() {
  const splits = generatedSplits(modelChallenge('activations'));
  if (!splits) throw new Error('activations has generated data');
  return splitToTensors(splits.train, 2);
}

describe('probe', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  test('gridPoints: size² points row by row, top row at max, left column at min', () => {
    const g = gridPoints({ min: -1, max: 1, size: 3 });
    assert.equal(g.length, 18);
    assert.deepEqual(Array.from(g.subarray(0, 6)), [-1, 1, 0, 1, 1, 1]);
    assert.deepEqual(Array.from(g.subarray(12, 18)), [-1, -1, 0, -1, 1, -1]);
  });

  test('predictClass1 is σ(w·x + b) of the one neuron a 2→2 softmax layer is', async () => {
    // Kernel rows are inputs, columns outputs: class 1 gets 2·x₁ − x₂ more than class 0, plus 0.5.
    const model = neuronModel([0, 2, 0.5, -0.5], [-0.25, 0.25]);
    const view = { min: -1.2, max: 1.2, size: 5 };
    const points = gridPoints(view);
    const xs = tf.tensor2d(points, [25, 2]);
    const p = await predictClass1(model, xs);
    assert.equal(p.length, 25);
    for (let i = 0; i < 25; i++) {
      const x1 = points[2 * i] ?? 0;
      const x2 = points[2 * i + 1] ?? 0;
      assert.ok(Math.abs((p[i] ?? 0) - sigmoid(2 * x1 - x2 + 0.5)) < 1e-5, `point ${i}`);
    }
    assert.deepEqual(await singleNeuron(model), { w: [2, -1], b: 0.5 });
    xs.dispose();
    model.dispose();
  });

  test('singleNeuron is null for a model with a hidden layer', async () => {
    const model = buildModel(deepSpec('tanh', 1), OPTS);
    assert.equal(await singleNeuron(model), null);
    model.dispose();
  });

  test('neuronFromDense takes the difference of the two output columns', () => {
    assert.deepEqual(neuronFromDense([1, 4, 2, 7], [3, 1]), { w: [3, 5], b: -2 });
  });

  test('a deep sigmoid network: the first layer’s gradient is a small fraction of the last one’s', async () => {
    const data = circleData();
    const lossFn = lossFunction('categoricalCrossentropy');
    const xs = data.xs.slice(0, 64);
    const ys = data.ys.slice(0, 64);
    const grads = async (activation: 'sigmoid' | 'tanh') => {
      const model = buildModel(deepSpec(activation), OPTS);
      const g = await gradientMagnitudes(model, lossFn, xs, ys);
      model.dispose();
      return g;
    };
    const sig = await grads('sigmoid');
    const tanh = await grads('tanh');
    assert.equal(sig.length, 7, 'one figure per dense layer');
    assert.ok(sig.every((g) => Number.isFinite(g) && g >= 0));
    const sigRatio = (sig[0] ?? 0) / (sig.at(-1) ?? 1);
    const tanhRatio = (tanh[0] ?? 0) / (tanh.at(-1) ?? 1);
    assert.ok(sigRatio < 0.01, `sigmoid: first/last = ${sigRatio.toExponential(2)} (${sig.map((g) => g.toExponential(1)).join(' ')})`);
    assert.ok(tanhRatio > 10 * sigRatio, `tanh keeps more of it: ${tanhRatio.toExponential(2)} vs ${sigRatio.toExponential(2)}`);
    tf.dispose([xs, ys, data.xs, data.ys]);
  });

  test('probing every epoch of a run allocates nothing that outlives it', async () => {
    const start = tf.memory().numTensors;
    const data = circleData();
    const spec = { ...deepSpec('sigmoid', 2), training: { ...defaultSpec('activations').training, epochs: 4 } };
    const model = buildModel(spec, OPTS);
    const prober = makeProber(model, lossFunction(spec.training.loss), data, { min: -1.2, max: 1.2, size: 40 });
    const counts: number[] = [];
    const probes: Awaited<ReturnType<typeof prober.probe>>[] = [];
    await trainModel(model, spec, data, undefined, {
      onEpochEnd: async (log) => {
        probes.push(await prober.probe(log.epoch + 1, true));
        counts.push(tf.memory().numTensors);
      },
    });
    assert.equal(counts.length, 4);
    assert.ok(counts.every((c) => c === counts[0]), `tensors after each epoch: ${counts.join(', ')}`);
    const last = probes.at(-1);
    assert.equal(last?.grid.length, 1600);
    assert.ok(last?.grid.every((p) => p >= 0 && p <= 1));
    assert.equal(last?.gradients?.length, 3);
    assert.equal(last?.neuron, undefined);
    const before = tf.memory().numTensors;
    prober.dispose();
    model.dispose();
    tf.dispose([data.xs, data.ys]);
    assert.ok(tf.memory().numTensors < before, 'dispose frees the grid and the batch');
    assert.equal(tf.memory().numTensors, start, 'nothing of the run is left');
  });
});
