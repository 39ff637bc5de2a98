/**
 * Each sequence layer type (embedding, simpleRNN, LSTM, GRU, self-attention, the step poolings,
 * lastStep) submitted to a real server on the sequence challenges: the server rebuilds the model
 * from the spec, loads the weights in the fixed order and scores it on its hidden sequences,
 * counting exactly the hits this process counts with the same weights. Malformed sequence specs
 * and weights of the wrong size are refused with a clear error and change nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { modelChallenge, type ModelChallenge } from '../../../game/challenges';
import { buildModel } from '../../../models/build';
import { predictLabels } from '../../../models/evaluate';
import type { LayerSpec, ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { serializeWeights } from '../../../models/weights';
import type { SubmissionResult } from '../../../protocol';
import { testExamples } from '../../../server/scoring/test-split';
import { DATA_DIR } from '../../unit/challenges/harness';
import { register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from './harness';

const spec = (layers: LayerSpec[], seed: number): ModelSpec => ({
  version: 1,
  layers: [...layers, { type: 'dense', units: 10, activation: 'softmax' }],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 32, epochs: 2, seed },
});

/** Every sequence layer type at least once, on the challenge that takes it. */
const CASES: { name: string; challenge: 'memory' | 'attention'; layers: LayerSpec[] }[] = [
  { name: 'simpleRNN', challenge: 'memory', layers: [{ type: 'simpleRNN', units: 16, activation: 'tanh', returnSequences: false }] },
  { name: 'embedding + lstm', challenge: 'memory', layers: [{ type: 'embedding', outputDim: 8 }, { type: 'lstm', units: 16, returnSequences: false }] },
  { name: 'gru every step + lstm', challenge: 'memory', layers: [{ type: 'gru', units: 8, returnSequences: true }, { type: 'lstm', units: 8, returnSequences: false }] },
  {
    name: 'embedding + selfAttention (2 heads) + average over steps',
    challenge: 'attention',
    layers: [{ type: 'embedding', outputDim: 16 }, { type: 'selfAttention', heads: 2, keyDim: 8, causal: false, positional: true }, { type: 'globalAveragePooling1d' }],
  },
  {
    name: 'causal selfAttention + lastStep',
    challenge: 'attention',
    layers: [{ type: 'embedding', outputDim: 12 }, { type: 'selfAttention', heads: 1, keyDim: 8, causal: true, positional: true }, { type: 'lastStep' }],
  },
  {
    name: 'selfAttention without positions + max over steps',
    challenge: 'attention',
    layers: [{ type: 'embedding', outputDim: 12 }, { type: 'selfAttention', heads: 3, keyDim: 4, causal: false, positional: false }, { type: 'globalMaxPooling1d' }],
  },
];

interface Prepared {
  spec: ModelSpec;
  weights: Uint8Array;
  params: number;
  correct: number;
  total: number;
}

/** Random weights (seeded, biases included), and the hits they score on the server's test set here. */
async function prepare(c: ModelChallenge, s: ModelSpec): Promise<Prepared> {
  const model = buildModel(s, { inputShape: c.inputShape, numClasses: c.numClasses });
  try {
    model.setWeights(model.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.6, 0.6, 'float32', s.training.seed * 100 + i)));
    const test = testExamples(DATA_DIR, c);
    const xy = splitToTensors(test, c.numClasses);
    const predictions = await predictLabels(model, xy.xs);
    tf.dispose([xy.xs, xy.ys]);
    const correct = predictions.reduce((n, p, i) => n + (p === test.labels[i] ? 1 : 0), 0);
    return { spec: s, weights: new Uint8Array(serializeWeights(model)), params: model.countParams(), correct, total: test.labels.length };
  } finally {
    model.dispose();
  }
}

const challenge = (id: 'memory' | 'attention'): ModelChallenge => {
  const c = modelChallenge(id);
  if (!c) throw new Error(`no ${id} challenge`);
  return c;
};

describe('sequence models through the real server', () => {
  let t: TestServer;
  let socket: ClientSocket;

  before(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    t = await startTestServer({ submitLimit: { points: 100, durationS: 60 } });
    socket = (await register(t.server.url, 'Seq')).socket;
  });
  after(async () => {
    socket?.disconnect();
    await t?.stop();
  });

  for (const [i, c] of CASES.entries()) {
    test(`${c.name} (${c.challenge}): scored with exactly the local hits`, async () => {
      const def = challenge(c.challenge);
      const p = await prepare(def, spec(c.layers, 11 + i));
      const result = waitFor<SubmissionResult>(socket, 'submission:result');
      const ack = await request<{ submissionId: string; paramCount: number }>(socket, 'submission:submit', { challengeId: def.id, spec: p.spec, weights: p.weights });
      assert.ok(ack.ok, JSON.stringify(ack));
      assert.equal(ack.data.paramCount, p.params);
      const r = await result;
      assert.equal(r.submissionId, ack.data.submissionId);
      assert.equal(r.status, 'scored', JSON.stringify(r.error));
      assert.equal(r.total, p.total);
      assert.equal(r.correct, p.correct, `server ${r.correct} vs local ${p.correct} of ${p.total}`);
    });
  }

  test('malformed sequence specs and wrong-size weights are refused with a clear error, and nothing is stored', async () => {
    const def = challenge('attention');
    const good = await prepare(def, spec(CASES[3]!.layers, 5));
    const withLayers = (layers: unknown[]) => ({ ...good.spec, layers });
    const cases: [string, unknown, Uint8Array, string, RegExp][] = [
      ['heads past the limit', withLayers([{ type: 'embedding', outputDim: 16 }, { type: 'selfAttention', heads: 9, keyDim: 8, causal: false, positional: true }, { type: 'lastStep' }, { type: 'dense', units: 10, activation: 'softmax' }]), good.weights, 'spec/invalid', /layers\.1\.heads/],
      ['a field missing', withLayers([{ type: 'lstm', units: 8 }, { type: 'dense', units: 10, activation: 'softmax' }]), good.weights, 'spec/invalid', /layers\.0\.returnSequences/],
      ['an LSTM after a last-step-only GRU', withLayers([{ type: 'gru', units: 8, returnSequences: false }, { type: 'lstm', units: 8, returnSequences: false }, { type: 'dense', units: 10, activation: 'softmax' }]), good.weights, 'spec/invalid', /layers\.1: lstm needs a sequence input/],
      ['a sequence never reduced', withLayers([{ type: 'embedding', outputDim: 16 }, { type: 'selfAttention', heads: 2, keyDim: 8, causal: false, positional: true }, { type: 'dense', units: 10, activation: 'softmax' }]), good.weights, 'spec/invalid', /still a sequence/],
      ['conv2d on a sequence', withLayers([{ type: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' }, { type: 'globalMaxPooling1d' }, { type: 'dense', units: 10, activation: 'softmax' }]), good.weights, 'spec/invalid', /layers\.0/],
      ['weights one float short', good.spec, good.weights.subarray(0, good.weights.length - 4), 'weights/wrong_length', /bytes/],
      ['weights one layer too many', good.spec, new Uint8Array(good.weights.length + 4 * 16 * 16), 'weights/wrong_length', new RegExp(`${good.params} parameters`)],
    ];
    const before = t.counts();
    for (const [name, s, weights, code, says] of cases) {
      const r = await request(socket, 'submission:submit', { challengeId: def.id, spec: s, weights });
      assert.equal(r.ok, false, name);
      if (!r.ok) {
        assert.equal(r.error.code, code, `${name}: ${r.error.message}`);
        const text = `${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`;
        assert.match(text, says, name);
      }
    }
    assert.deepEqual(t.counts(), before);
  });
});
