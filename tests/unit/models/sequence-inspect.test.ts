/**
 * inspectSequence recomputes the recurrent layers step by step in plain JS: its hidden states must
 * be the tfjs layer's own (every step, via a returnSequences twin with the same weights), its gates
 * in range, and the attention maps the layer's rows of probabilities.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../models/build';
import { inspectSequence, type RecurrentTrace, type AttentionTrace } from '../../../models/sequence-inspect';
import type { LayerSpec, ModelSpec } from '../../../models/spec';

const STEPS = 5;
const FEATURES = 3;
const spec = (layers: LayerSpec[]): ModelSpec => ({
  version: 1,
  layers: [...layers, { type: 'dense', units: 2, activation: 'softmax' }],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 4, epochs: 1, seed: 21 },
});
const OPTS = { inputShape: [STEPS, FEATURES], numClasses: 2 };
const example = Float32Array.from({ length: STEPS * FEATURES }, (_, i) => Math.sin(i * 1.7) * 0.9);

/** Random, non-trivial weights (the seeded start has zero biases). */
function scramble(model: tf.LayersModel, seed: number): void {
  model.setWeights(model.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.8, 0.8, 'float32', seed + i)));
}

before(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const RECURRENT: LayerSpec[] = [
  { type: 'simpleRNN', units: 4, activation: 'tanh', returnSequences: false },
  { type: 'simpleRNN', units: 3, activation: 'relu', returnSequences: false },
  { type: 'lstm', units: 4, returnSequences: false },
  { type: 'gru', units: 4, returnSequences: false },
];

describe('inspectSequence', () => {
  for (const layer of RECURRENT) {
    test(`${layer.type} ${'activation' in layer ? layer.activation : ''}: states equal the layer's own, step by step`, async () => {
      const s = spec([layer]);
      const model = buildModel(s, OPTS);
      scramble(model, 4);
      const twin = buildModel(spec([{ ...layer, returnSequences: true } as LayerSpec, { type: 'lastStep' }]), OPTS);
      twin.layers[0]!.setWeights(model.layers[0]!.getWeights());
      const start = tf.memory().numTensors;
      const trace = await inspectSequence(model, s, example, OPTS.inputShape);
      assert.equal(tf.memory().numTensors, start, 'no tensor left');
      const [rec] = trace.layers as RecurrentTrace[];
      assert.equal(rec!.index, 0);
      assert.equal(rec!.states.length, STEPS);
      const every = tf.tidy(() => twin.layers[0]!.apply(tf.tensor3d(example, [1, STEPS, FEATURES])) as tf.Tensor).arraySync() as number[][][];
      rec!.states.forEach((h, t) => h.forEach((v, j) => assert.ok(Math.abs(v - every[0]![t]![j]!) < 1e-4, `h[${t}][${j}] ${v} vs ${every[0]![t]![j]}`)));
      if (layer.type === 'lstm') {
        assert.deepEqual(Object.keys(rec!.gates ?? {}).sort(), ['candidate', 'forget', 'input', 'output']);
        assert.equal(rec!.cells?.length, STEPS);
      }
      if (layer.type === 'gru') assert.deepEqual(Object.keys(rec!.gates ?? {}).sort(), ['candidate', 'reset', 'update']);
      for (const [name, grid] of Object.entries(rec!.gates ?? {})) {
        const lo = name === 'candidate' ? -1 : 0;
        assert.ok(grid.flat().every((v) => v >= lo && v <= 1), `${name} in [${lo}, 1]`);
      }
      model.dispose();
      twin.dispose();
    });
  }

  test('stacked layers: each traced on its own input; attention maps are rows of probabilities per head', async () => {
    const s = spec([
      { type: 'embedding', outputDim: 4 },
      { type: 'selfAttention', heads: 2, keyDim: 3, causal: true, positional: true },
      { type: 'gru', units: 3, returnSequences: true },
      { type: 'lstm', units: 2, returnSequences: false },
    ]);
    const model = buildModel(s, OPTS);
    scramble(model, 9);
    const trace = await inspectSequence(model, s, example, OPTS.inputShape);
    assert.deepEqual(trace.layers.map((l) => [l.index, l.type]), [[1, 'selfAttention'], [2, 'gru'], [3, 'lstm']]);
    const att = trace.layers[0] as AttentionTrace;
    assert.equal(att.maps.length, 2);
    for (const map of att.maps) {
      assert.equal(map.length, STEPS);
      map.forEach((row, i) => {
        assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5, 'row sums to 1');
        row.forEach((v, j) => j > i && assert.equal(v, 0, 'causal: no weight on a later step'));
      });
    }
    // The last LSTM state is what the model's head reads: compare with the layers' own output.
    const lstm = trace.layers[2] as RecurrentTrace;
    const h = tf.tidy(() => {
      let x: tf.Tensor = tf.tensor3d(example, [1, STEPS, FEATURES]);
      for (const l of model.layers.slice(0, 4)) x = l.apply(x) as tf.Tensor;
      return x.arraySync() as number[][];
    });
    lstm.states.at(-1)!.forEach((v, j) => assert.ok(Math.abs(v - h[0]![j]!) < 1e-4, `last h[${j}]`));
    model.dispose();
  });

  test('refuses an example of the wrong size', async () => {
    const s = spec([{ type: 'lstm', units: 2, returnSequences: false }]);
    const model = buildModel(s, OPTS);
    await assert.rejects(inspectSequence(model, s, new Float32Array(3), OPTS.inputShape), /5x3 values, got 3/);
    model.dispose();
  });
});
