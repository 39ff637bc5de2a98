/**
 * The decoder layers' shapes and parameter counts (models/shapes-decoder.ts) against what the tfjs
 * builder really makes, the output-shape rule of an autoencoder, the bottleneck rules, the
 * refusals that name the layer, and the gradients of the two growing layers on WASM against CPU.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../models/backend';
import { buildModel } from '../../../models/build';
import { inferShapes } from '../../../models/shapes';
import { parseModelSpec, type LayerSpec, type ModelSpec } from '../../../models/spec';
import { autoencoderIssues, codeLength } from '../../../models/spec-decoder';
import { use, values } from './conv-cases';

const spec = (layers: LayerSpec[]): ModelSpec => ({
  version: 1,
  layers,
  training: { loss: 'meanSquaredError', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 8, epochs: 1, seed: 5 },
});
const IMG = [16, 16, 1];
const code = (units: number): LayerSpec => ({ type: 'dense', units, activation: 'linear', bottleneck: true });

const CASES: { name: string; layers: LayerSpec[] }[] = [
  {
    name: 'dense autoencoder: flatten, code of 4, dense, reshape',
    layers: [{ type: 'flatten' }, { type: 'dense', units: 32, activation: 'relu' }, code(4), { type: 'dense', units: 256, activation: 'sigmoid' }, { type: 'reshape', targetShape: [16, 16, 1] }],
  },
  {
    name: 'conv encoder, upSampling2d decoder',
    layers: [
      { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
      { type: 'flatten' },
      code(8),
      { type: 'dense', units: 64, activation: 'relu' },
      { type: 'reshape', targetShape: [4, 4, 4] },
      { type: 'upSampling2d', size: 2 },
      { type: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
      { type: 'upSampling2d', size: 2 },
      { type: 'conv2d', filters: 1, kernelSize: 3, strides: 1, padding: 'same', activation: 'sigmoid' },
    ],
  },
  {
    name: 'conv2dTranspose decoder, same and valid padding',
    layers: [
      { type: 'flatten' },
      code(6),
      { type: 'dense', units: 27, activation: 'relu' },
      { type: 'reshape', targetShape: [3, 3, 3] },
      { type: 'conv2dTranspose', filters: 5, kernelSize: 4, strides: 2, padding: 'valid', activation: 'relu' },
      { type: 'conv2dTranspose', filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid' },
    ],
  },
];

before(async () => {
  // The app's own start: WASM with the project's gradient kernels (models/wasm-kernels.ts).
  await selectBackend({ prefer: 'wasm' });
  await use('cpu');
});

describe('decoder shapes agree with tfjs', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const s = spec(c.layers);
      assert.ok(parseModelSpec(s).ok, 'the spec parses');
      const shapes = inferShapes(s, IMG, IMG);
      assert.ok(shapes.ok, JSON.stringify(!shapes.ok && shapes.issues));
      const model = buildModel(s, { inputShape: IMG, numClasses: 10, outputShape: IMG });
      try {
        model.layers.forEach((layer, i) => {
          assert.deepEqual(layer.outputShape, [null, ...shapes.layers[i]!.outputShape], `layer ${i} shape`);
          assert.equal(layer.countParams(), shapes.layers[i]!.params, `layer ${i} params`);
        });
        assert.equal(model.countParams(), shapes.totalParams);
        const y = model.predict(tf.zeros([2, ...IMG])) as tf.Tensor;
        assert.deepEqual(y.shape, [2, ...IMG]);
        y.dispose();
      } finally {
        model.dispose();
      }
    });
  }
});

const issueOf = (layers: LayerSpec[], target: number | readonly number[] = IMG): string => {
  const r = inferShapes(spec(layers), IMG, target);
  assert.equal(r.ok, false, 'refused');
  return r.ok ? '' : r.issues.map((i) => `${i.path} ${i.message}`).join('\n');
};

describe('decoder layers that do not fit are refused with the layer named', () => {
  test('a reshape whose size differs from its input', () => {
    const m = issueOf([{ type: 'flatten' }, code(4), { type: 'dense', units: 200, activation: 'sigmoid' }, { type: 'reshape', targetShape: [16, 16, 1] }]);
    assert.match(m, /^layers\.3 .*reshape to 16x16x1 needs 256 values, got 200 \(input 200\)/);
  });
  test('upSampling2d on a flat vector', () => {
    const m = issueOf([{ type: 'flatten' }, code(4), { type: 'upSampling2d', size: 2 }]);
    assert.match(m, /^layers\.2 .*upSampling2d needs an image input.*got 4: put a reshape before it/);
  });
  test('conv2dTranspose on a flat vector', () => {
    const m = issueOf([{ type: 'flatten' }, code(4), { type: 'conv2dTranspose', filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid' }]);
    assert.match(m, /^layers\.2 .*conv2dTranspose needs an image input/);
  });
  test('a bottleneck on an image', () => {
    const m = issueOf([code(4), { type: 'flatten' }]);
    assert.match(m, /^layers\.0 .*a bottleneck needs a flat input/);
  });
  test('an autoencoder whose output is not its input shape', () => {
    const m = issueOf([{ type: 'flatten' }, code(4), { type: 'dense', units: 256, activation: 'sigmoid' }]);
    assert.match(m, /^layers\.2 .*must output 16x16x1, the input's own shape.*got 256: end with a reshape/);
    const half = issueOf([{ type: 'flatten' }, code(4), { type: 'dense', units: 64, activation: 'sigmoid' }, { type: 'reshape', targetShape: [8, 8, 1] }]);
    assert.match(half, /^layers\.3 .*got 8x8x1/);
  });
  test('a classifier target still asks for one value per class', () => {
    const m = issueOf([{ type: 'flatten' }, { type: 'dense', units: 256, activation: 'sigmoid' }, { type: 'reshape', targetShape: [16, 16, 1] }], 10);
    assert.match(m, /must output 10 values \(one per class\), got 16x16x1/);
  });
  test('reshape limits and a 2-D target are refused by the schema or the shapes', () => {
    assert.equal(parseModelSpec(spec([{ type: 'reshape', targetShape: [] }])).ok, false);
    assert.equal(parseModelSpec(spec([{ type: 'upSampling2d', size: 5 }])).ok, false);
    const m = issueOf([{ type: 'reshape', targetShape: [16, 16] }]);
    assert.match(m, /makes a sequence/);
  });
});

describe('the bottleneck', () => {
  const ae = CASES[0]!.layers;
  test('the code length is the one marked layer\'s units', () => {
    assert.equal(codeLength(spec(ae)), 4);
    assert.deepEqual(autoencoderIssues(spec(ae)), []);
  });
  test('none, two, or one with no decoder after it are refused, naming the field', () => {
    const none = ae.map((l) => (l.type === 'dense' ? { ...l, bottleneck: false } : l));
    assert.equal(codeLength(spec(none)), null);
    assert.match(autoencoderIssues(spec(none))[0]!.message, /needs one dense layer marked bottleneck: true/);
    const two = ae.map((l) => (l.type === 'dense' ? { ...l, bottleneck: true } : l));
    assert.equal(codeLength(spec(two)), null);
    const issues = autoencoderIssues(spec(two));
    assert.deepEqual(issues.map((i) => i.path), ['layers.2.bottleneck', 'layers.3.bottleneck']);
    assert.match(issues[0]!.message, /exactly one bottleneck; layers\.1, layers\.2, layers\.3 are all marked/);
    const last = autoencoderIssues(spec([{ type: 'flatten' }, code(4)]));
    assert.deepEqual(last.map((i) => i.path), ['layers.1.bottleneck']);
  });
});

/** Gradients of sum(layers(x) · t) with respect to x and every weight, on one backend. */
async function gradients(backend: 'wasm' | 'cpu', c: GradCase): Promise<Float32Array[]> {
  await use(backend);
  const model = buildModel(spec(c.layers), { inputShape: c.shape, numClasses: 1, outputShape: c.out });
  try {
    model.setWeights(model.getWeights().map((w, i) => tf.tensor(values(w.size, 10 + i), w.shape)));
    const x = tf.tensor(values(2 * c.shape.reduce((a, b) => a * b, 1), 3), [2, ...c.shape]);
    const t = tf.tensor(values(2 * c.out.reduce((a, b) => a * b, 1), 99), [2, ...c.out]);
    const f = (xx: tf.Tensor) => tf.sum(tf.mul(model.apply(xx) as tf.Tensor, t)) as tf.Scalar;
    const gx = tf.grad(f)(x);
    const gw = model.trainableWeights.length ? Object.values(tf.variableGrads(() => f(x)).grads) : [];
    const all = await Promise.all([gx, ...gw].map((g) => g.data() as Promise<Float32Array>));
    tf.dispose([x, t, gx, ...gw]);
    return all;
  } finally {
    model.dispose();
  }
}

interface GradCase {
  name: string;
  layers: LayerSpec[];
  shape: number[];
  out: number[];
}

describe('the growing layers train the same on WASM as on CPU', () => {
  const cases: GradCase[] = [
    { name: 'upSampling2d (size 2, 4x5 image)', layers: [{ type: 'upSampling2d', size: 2 }], shape: [4, 5, 3], out: [8, 10, 3] },
    { name: 'conv2dTranspose stride 2 same', layers: [{ type: 'conv2dTranspose', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'linear' }], shape: [4, 4, 3], out: [8, 8, 4] },
    { name: 'conv2dTranspose stride 2 valid, kernel 4', layers: [{ type: 'conv2dTranspose', filters: 2, kernelSize: 4, strides: 2, padding: 'valid', activation: 'linear' }], shape: [5, 5, 2], out: [12, 12, 2] },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const wasm = await gradients('wasm', c);
      const cpu = await gradients('cpu', c);
      assert.equal(wasm.length, cpu.length);
      wasm.forEach((g, i) => {
        const ref = cpu[i]!;
        let worst = 0;
        for (let j = 0; j < g.length; j++) worst = Math.max(worst, Math.abs(g[j]! - ref[j]!));
        assert.ok(worst < 1e-4, `gradient ${i}: off by ${worst}`);
      });
      // upSampling2d's input gradient is the sum over each block of the upstream gradient.
      if (c.layers[0]!.type === 'upSampling2d') assert.ok(Math.abs(cpu[0]![0]!) > 0.01, 'a gradient that could be wrong');
    });
  }
});
