/**
 * The sequence layers' shapes and parameter counts (models/shapes-sequence.ts) against what the
 * tfjs builder really makes, the spec's limits, and the refusals of layers that do not fit.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel, SpecError } from '../../../models/build';
import { inferShapes } from '../../../models/shapes';
import { parseModelSpec, SPEC_LIMITS, type LayerSpec, type ModelSpec } from '../../../models/spec';

const spec = (layers: LayerSpec[]): ModelSpec => ({
  version: 1,
  layers,
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 8, epochs: 1, seed: 5 },
});
const out = (n: number): LayerSpec => ({ type: 'dense', units: n, activation: 'softmax' });
const SEQ = [7, 5];

const CASES: { name: string; layers: LayerSpec[] }[] = [
  { name: 'simpleRNN', layers: [{ type: 'simpleRNN', units: 6, activation: 'tanh', returnSequences: false }, out(3)] },
  { name: 'lstm', layers: [{ type: 'lstm', units: 6, returnSequences: false }, out(3)] },
  { name: 'gru', layers: [{ type: 'gru', units: 6, returnSequences: false }, out(3)] },
  {
    name: 'stacked: embedding, gru (every step), lstm',
    layers: [{ type: 'embedding', outputDim: 4 }, { type: 'gru', units: 5, returnSequences: true }, { type: 'lstm', units: 3, returnSequences: false }, out(3)],
  },
  {
    name: 'embedding, attention (2 heads), average over steps',
    layers: [{ type: 'embedding', outputDim: 8 }, { type: 'selfAttention', heads: 2, keyDim: 4, causal: false, positional: true }, { type: 'globalAveragePooling1d' }, out(3)],
  },
  {
    name: 'causal attention, per-step dense, last step',
    layers: [{ type: 'selfAttention', heads: 1, keyDim: 3, causal: true, positional: false }, { type: 'dense', units: 6, activation: 'relu' }, { type: 'lastStep' }, out(3)],
  },
  {
    name: 'rnn every step, dropout, max over steps',
    layers: [{ type: 'simpleRNN', units: 4, activation: 'relu', returnSequences: true }, { type: 'dropout', rate: 0.2 }, { type: 'globalMaxPooling1d' }, out(3)],
  },
  { name: 'attention then flatten', layers: [{ type: 'selfAttention', heads: 3, keyDim: 2, causal: false, positional: true }, { type: 'flatten' }, out(3)] },
];

before(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('sequence shapes agree with tfjs', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const s = spec(c.layers);
      assert.ok(parseModelSpec(s).ok, 'the spec parses');
      const shapes = inferShapes(s, SEQ, 3);
      assert.ok(shapes.ok, JSON.stringify(!shapes.ok && shapes.issues));
      const model = buildModel(s, { inputShape: SEQ, numClasses: 3 });
      try {
        model.layers.forEach((layer, i) => {
          assert.deepEqual(layer.outputShape, [null, ...shapes.layers[i]!.outputShape], `layer ${i} shape`);
          assert.equal(layer.countParams(), shapes.layers[i]!.params, `layer ${i} params`);
        });
        assert.equal(model.countParams(), shapes.totalParams);
        const y = model.predict(tf.zeros([2, ...SEQ])) as tf.Tensor;
        assert.deepEqual(y.shape, [2, 3]);
        y.dispose();
      } finally {
        model.dispose();
      }
    });
  }
});

const issueOf = (layers: LayerSpec[], inputShape = SEQ): string => {
  const r = inferShapes(spec(layers), inputShape, 3);
  assert.equal(r.ok, false, 'refused');
  return r.ok ? '' : r.issues.map((i) => `${i.path} ${i.message}`).join('\n');
};

describe('sequence layers that do not fit are refused with the layer named', () => {
  test('an LSTM after an RNN that returns only its last step', () => {
    const m = issueOf([{ type: 'simpleRNN', units: 4, activation: 'tanh', returnSequences: false }, { type: 'lstm', units: 4, returnSequences: false }, out(3)]);
    assert.match(m, /^layers\.1 .*lstm needs a sequence input \(steps x features\), got 4.*returnSequences/);
  });
  test('a recurrent layer on a flat input (points) and on an image', () => {
    assert.match(issueOf([{ type: 'gru', units: 4, returnSequences: false }, out(3)], [2]), /layers\.0 .*gru needs a sequence input.*got 2/);
    assert.match(issueOf([{ type: 'simpleRNN', units: 4, activation: 'tanh', returnSequences: false }, out(3)], [8, 8, 1]), /got 8x8x1 \(an image\)/);
  });
  test('conv2d and maxPooling2d on a sequence', () => {
    assert.match(issueOf([{ type: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' }, { type: 'flatten' }, out(3)]), /layers\.0 .*conv2d needs an image input .*got 7x5 \(a sequence\)/);
    assert.match(issueOf([{ type: 'lstm', units: 4, returnSequences: true }, { type: 'maxPooling2d', poolSize: 2 }, { type: 'flatten' }, out(3)]), /layers\.1 .*globalMaxPooling1d/);
  });
  test('embedding anywhere but first', () => {
    assert.match(issueOf([{ type: 'lstm', units: 4, returnSequences: true }, { type: 'embedding', outputDim: 4 }, { type: 'lastStep' }, out(3)]), /layers\.1 .*embedding must be the first layer/);
  });
  test('attention after the sequence was reduced, and a sequence never reduced', () => {
    assert.match(issueOf([{ type: 'lastStep' }, { type: 'selfAttention', heads: 1, keyDim: 2, causal: false, positional: false }, out(3)]), /layers\.1 .*selfAttention needs a sequence input.*got 5/);
    assert.match(issueOf([{ type: 'selfAttention', heads: 1, keyDim: 2, causal: false, positional: false }, out(3)]), /layers\.1 .*must output 3 values.*got 7x3 \(still a sequence/);
  });
  test('the builder refuses the same specs with a SpecError', () => {
    assert.throws(() => buildModel(spec([{ type: 'lastStep' }, { type: 'lstm', units: 2, returnSequences: false }, out(3)]), { inputShape: SEQ, numClasses: 3 }), SpecError);
  });
});

describe('sequence layer fields are validated', () => {
  const bad = (layer: unknown): string => {
    const r = parseModelSpec({ ...spec([out(3)]), layers: [layer, out(3)] });
    assert.equal(r.ok, false);
    return r.ok ? '' : r.issues.map((i) => i.message).join('\n');
  };
  test('limits, names and missing fields', () => {
    assert.match(bad({ type: 'lstm', units: SPEC_LIMITS.maxRecurrentUnits + 1, returnSequences: false }), /layers\.0\.units: .*got 257/);
    assert.match(bad({ type: 'lstm', units: 0, returnSequences: false }), /layers\.0\.units/);
    assert.match(bad({ type: 'selfAttention', heads: SPEC_LIMITS.maxHeads + 1, keyDim: 4, causal: false, positional: true }), /layers\.0\.heads: .*got 9/);
    assert.match(bad({ type: 'selfAttention', heads: 2, keyDim: 65, causal: false, positional: true }), /layers\.0\.keyDim/);
    assert.match(bad({ type: 'selfAttention', heads: 2, keyDim: 4, causal: false }), /layers\.0\.positional/);
    assert.match(bad({ type: 'embedding', outputDim: 1.5 }), /layers\.0\.outputDim/);
    assert.match(bad({ type: 'simpleRNN', units: 4, activation: 'softmax', returnSequences: false }), /layers\.0\.activation/);
    assert.match(bad({ type: 'gru', units: 4, returnSequences: 'yes' }), /layers\.0\.returnSequences/);
    assert.match(bad({ type: 'lstm', units: 4, returnSequences: false, activation: 'relu' }), /layers\.0: .*activation/);
    assert.match(bad({ type: 'lastStep', steps: 2 }), /layers\.0: .*steps/);
  });
});

describe('sequenceLayerMacs', () => {
  test('recurrent layers pay per step and per gate block; attention adds steps² per head', async () => {
    const { sequenceLayerMacs } = await import('../../../models/shapes-sequence');
    assert.equal(sequenceLayerMacs({ type: 'lstm', units: 8, returnSequences: false }, [10, 4]), 10 * 4 * 12 * 8);
    assert.equal(sequenceLayerMacs({ type: 'simpleRNN', units: 8, activation: 'tanh', returnSequences: false }, [10, 4]), 10 * 12 * 8);
    assert.equal(sequenceLayerMacs({ type: 'selfAttention', heads: 2, keyDim: 3, causal: false, positional: true }, [5, 4]), 5 * 4 * 6 * 4 + 2 * 2 * 25 * 3);
    assert.equal(sequenceLayerMacs({ type: 'embedding', outputDim: 6 }, [5, 4]), 120);
    assert.equal(sequenceLayerMacs({ type: 'lastStep' }, [5, 4]), 20);
  });
});

describe('saving a sequence model', () => {
  test('a model with every weighted sequence layer saves in tfjs format and loads back predicting the same', async () => {
    const s = spec([
      { type: 'embedding', outputDim: 4 },
      { type: 'simpleRNN', units: 3, activation: 'relu', returnSequences: true },
      { type: 'gru', units: 3, returnSequences: true },
      { type: 'lstm', units: 4, returnSequences: true },
      { type: 'selfAttention', heads: 2, keyDim: 2, causal: true, positional: true },
      { type: 'lastStep' },
      out(3),
    ]);
    const model = buildModel(s, { inputShape: SEQ, numClasses: 3 });
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    const gap = tf.tidy(() => {
      const x = tf.randomUniform([3, ...SEQ], 0, 1, 'float32', 4);
      return tf.sub(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor).abs().max().dataSync()[0]!;
    });
    assert.equal(gap, 0);
    model.dispose();
    loaded.dispose();
  });
});
