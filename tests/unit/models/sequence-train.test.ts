/**
 * Every sequence layer trains with the project's own loop (models/train.ts) on the CPU and WASM
 * backends in Node: the loss falls, and no tensor is left behind. WASM runs with our gradient
 * kernels registered, as the app does; tfjs-backend-wasm 4.22 needed no new kernel for these
 * layers (the LSTM, GRU, attention and pooling gradients use ops it has).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { buildModel } from '../../../models/build';
import type { LayerSpec, ModelSpec } from '../../../models/spec';
import type { XY } from '../../../models/tensors';
import { trainModel } from '../../../models/train';
import { applyWeights, serializeWeights } from '../../../models/weights';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';
import { CLASSES, memoryExamples, STEPS, VOCAB } from '../../e2e/seq-backends/models';

/** One-hot token sequences whose label is the token at a fixed early step (step 1). */
function memoryData(n: number): XY {
  const { xs, labels } = memoryExamples(n);
  return tf.tidy(() => ({
    xs: tf.tensor3d(xs, [n, STEPS, VOCAB]),
    ys: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES).toFloat() as tf.Tensor2D,
  }));
}

const spec = (layers: LayerSpec[]): ModelSpec => ({
  version: 1,
  layers: [...layers, { type: 'dense', units: CLASSES, activation: 'softmax' }],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.03 }, batchSize: 16, epochs: 6, seed: 3 },
});

const MODELS: Record<string, LayerSpec[]> = {
  simpleRNN: [{ type: 'simpleRNN', units: 8, activation: 'tanh', returnSequences: false }],
  lstm: [{ type: 'lstm', units: 8, returnSequences: false }],
  gru: [{ type: 'embedding', outputDim: 4 }, { type: 'gru', units: 8, returnSequences: false }],
  'selfAttention (causal, last step)': [
    { type: 'embedding', outputDim: 8 },
    { type: 'selfAttention', heads: 2, keyDim: 4, causal: true, positional: true },
    { type: 'lastStep' },
  ],
  'selfAttention, lstm every step, max over steps': [
    { type: 'selfAttention', heads: 1, keyDim: 4, causal: false, positional: true },
    { type: 'lstm', units: 4, returnSequences: true },
    { type: 'globalMaxPooling1d' },
  ],
  'embedding, selfAttention, average over steps': [{ type: 'embedding', outputDim: 6 }, { type: 'selfAttention', heads: 2, keyDim: 3, causal: false, positional: true }, { type: 'globalAveragePooling1d' }],
};

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`sequence layers train on ${backend}`, () => {
    test('backend starts', async () => {
      registerWasmGradKernels();
      assert.ok(await tf.setBackend(backend));
      await tf.ready();
      assert.equal(tf.getBackend(), backend);
    });
    for (const [name, layers] of Object.entries(MODELS)) {
      test(`${name}: loss falls, nothing leaks, weights round-trip`, async () => {
        assert.equal(tf.getBackend(), backend);
        const start = tf.memory().numTensors;
        const data = memoryData(96);
        const s = spec(layers);
        const opts = { inputShape: [STEPS, VOCAB], numClasses: CLASSES };
        const model = buildModel(s, opts);
        const result = await trainModel(model, s, data, data);
        const losses = result.history.map((h) => h.loss);
        assert.ok(losses.every(Number.isFinite), `finite: ${losses.join(', ')}`);
        assert.ok(losses.at(-1)! < losses[0]! * 0.9, `falling: ${losses.join(', ')}`);
        // The server's path: a fresh build from the spec, then the submitted bytes.
        const rebuilt = buildModel(s, opts);
        assert.deepEqual(applyWeights(rebuilt, serializeWeights(model)), { ok: true });
        const [a, b] = [model, rebuilt].map((m) => (m.predict(data.xs) as tf.Tensor));
        const gap = tf.tidy(() => tf.sub(a!, b!).abs().max().dataSync()[0]!);
        assert.ok(gap < 1e-6, `the rebuilt model predicts the same (gap ${gap})`);
        tf.dispose([a!, b!]);
        model.dispose();
        rebuilt.dispose();
        tf.dispose([data.xs, data.ys]);
        assert.equal(tf.memory().numTensors, start, 'tensors back to the start');
      });
    }
  });
}

describe('LSTM start', () => {
  test('the bias starts at 1 on the forget gate only (gate order i, f, c, o) and building leaks nothing', async () => {
    await tf.setBackend('cpu');
    const start = tf.memory().numTensors;
    const model = buildModel(spec([{ type: 'lstm', units: 2, returnSequences: false }]), { inputShape: [STEPS, VOCAB], numClasses: CLASSES });
    assert.deepEqual([...model.layers[0]!.getWeights()[2]!.dataSync()], [0, 0, 1, 1, 0, 0, 0, 0]);
    model.dispose();
    assert.equal(tf.memory().numTensors, start);
  });
});
