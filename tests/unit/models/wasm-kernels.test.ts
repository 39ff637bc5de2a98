import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmGradKernels, WASM_GRAD_KERNEL_NAMES } from '../../../models/wasm-kernels';
import { type ConvCase, use, values } from './conv-cases';

const TOLERANCE = 1e-3;

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const ok = Math.abs(a - e) <= TOLERANCE * Math.max(1, Math.abs(e));
    assert.ok(ok, `${what}[${i}]: wasm ${a} vs cpu ${e}`);
  }
}

const CASES: ConvCase[] = [
  { name: '3x3 same s1, batch 1, Cin 1', batch: 1, height: 8, width: 8, cin: 1, cout: 4, kernel: 3, stride: 1, pad: 'same' },
  { name: '3x3 valid s1, batch 4, Cin 3', batch: 4, height: 9, width: 7, cin: 3, cout: 5, kernel: 3, stride: 1, pad: 'valid' },
  { name: '5x5 same s2, batch 4, Cin 3', batch: 4, height: 11, width: 10, cin: 3, cout: 2, kernel: 5, stride: 2, pad: 'same' },
  { name: '2x2 valid s2, batch 1, Cin 3', batch: 1, height: 9, width: 9, cin: 3, cout: 3, kernel: 2, stride: 2, pad: 'valid' },
  { name: '1x1 same s1, batch 4, Cin 1', batch: 4, height: 6, width: 5, cin: 1, cout: 6, kernel: 1, stride: 1, pad: 'same' },
  { name: '1x1 valid s4 (unused border), batch 4, Cin 3', batch: 4, height: 10, width: 11, cin: 3, cout: 2, kernel: 1, stride: 4, pad: 'valid' },
  { name: '7x7 same s4, batch 1, Cin 1', batch: 1, height: 13, width: 16, cin: 1, cout: 3, kernel: 7, stride: 4, pad: 'same' },
  { name: '4x4 valid s3 (unused border), batch 4, Cin 1', batch: 4, height: 12, width: 14, cin: 1, cout: 2, kernel: 4, stride: 3, pad: 'valid' },
  { name: '3x3 explicit pad 1 s2, batch 4, Cin 3', batch: 4, height: 9, width: 8, cin: 3, cout: 4, kernel: 3, stride: 2, pad: 1 },
];

/** d(sum(conv2d(x, w)²))/dw on the current backend, read back as plain numbers. */
function filterGrad(c: ConvCase): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(c.batch * c.height * c.width * c.cin, 1), [c.batch, c.height, c.width, c.cin]);
    const w = tf.tensor4d(values(c.kernel * c.kernel * c.cin * c.cout, 2), [c.kernel, c.kernel, c.cin, c.cout]);
    const g = tf.grad((f) => tf.square(tf.conv2d(x, f as tf.Tensor4D, c.stride, c.pad)).sum())(w);
    assert.deepEqual(g.shape, w.shape);
    return g.dataSync() as Float32Array;
  });
}

before(async () => {
  registerWasmGradKernels();
  await use('wasm');
});

describe('registerWasmGradKernels', () => {
  test('registers Conv2DBackpropFilter for wasm, idempotently, also after the backend is set', () => {
    assert.ok(WASM_GRAD_KERNEL_NAMES.includes('Conv2DBackpropFilter'));
    const first = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    assert.ok(first, 'kernel registered');
    registerWasmGradKernels();
    registerWasmGradKernels();
    assert.equal(tf.getKernel('Conv2DBackpropFilter', 'wasm'), first);
  });

  test('rejects dilations other than 1 with a clear error', async () => {
    await use('wasm');
    const x = tf.zeros([1, 5, 5, 1]);
    const dy = tf.zeros([1, 3, 3, 1]);
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [2, 2, 1, 1], dilations: 2 };
    assert.throws(
      () => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as unknown as tf.NamedAttrMap),
      /dilations other than 1/,
    );
    tf.dispose([x, dy]);
  });
});

describe('Conv2DBackpropFilter on wasm matches cpu', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      await use('cpu');
      const expected = filterGrad(c);
      await use('wasm');
      const actual = filterGrad(c);
      assertClose(actual, expected, c.name);
    });
  }

  test('NCHW attribute (kernel called directly)', async () => {
    const attrs = { strides: [2, 1], pad: 'same', dataFormat: 'NCHW', filterShape: [3, 2, 3, 4] };
    const run = (): Float32Array =>
      tf.tidy(() => {
        const x = tf.tensor4d(values(2 * 3 * 7 * 6, 3), [2, 3, 7, 6]);
        const dy = tf.tensor4d(values(2 * 4 * 4 * 6, 4), [2, 4, 4, 6]);
        const out = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
        assert.deepEqual(out.shape, [3, 2, 3, 4]);
        return out.dataSync() as Float32Array;
      });
    await use('cpu');
    const expected = run();
    await use('wasm');
    assertClose(run(), expected, 'NCHW');
  });

  test('the kernel leaves only its output behind (intermediates disposed inside it)', async () => {
    await use('wasm');
    const x = tf.tensor4d(values(2 * 9 * 9 * 3, 7), [2, 9, 9, 3]);
    const dy = tf.tensor4d(values(2 * 5 * 5 * 4, 8), [2, 5, 5, 4]);
    const attrs = { strides: 2, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 3, 4] };
    const before = tf.memory();
    const out = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    const after = tf.memory();
    assert.equal(after.numTensors, before.numTensors + 1);
    assert.equal(after.numDataBuffers, before.numDataBuffers + 1);
    tf.dispose([x, dy, out]);
  });

  test('a tidy-wrapped gradient step leaks no tensor or wasm buffer', async () => {
    await use('wasm');
    const w = tf.variable(tf.tensor4d(values(3 * 3 * 2 * 4, 5), [3, 3, 2, 4]));
    const x = tf.tensor4d(values(4 * 10 * 10 * 2, 6), [4, 10, 10, 2]);
    const step = () =>
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => tf.square(tf.conv2d(x, w, 2, 'same')).mean() as tf.Scalar, [w]);
        w.assign(tf.sub(w, tf.mul(grads[w.name]!, 0.1)));
      });
    step(); // first call may allocate one-off state
    const before = tf.memory();
    step();
    step();
    const after = tf.memory();
    assert.equal(after.numTensors, before.numTensors);
    assert.equal(after.numDataBuffers, before.numDataBuffers);
    tf.dispose([w, x]);
  });
});

type Act = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';
type Loss = 'categoricalCrossentropy' | 'meanSquaredError';

const CLASSES = 10;

function batchOf(size: number, side: number, seed: number): { xs: tf.Tensor4D; ys: tf.Tensor2D } {
  const xs = tf.tensor4d(values(size * side * side, seed).map((v) => v + 0.5), [size, side, side, 1]);
  const labels = Array.from({ length: size }, (_, i) => (i * 7 + seed) % CLASSES);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES) as tf.Tensor2D;
  return { xs, ys };
}

function smallCnn(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape: [16, 16, 1], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  m.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, strides: 2, padding: 'valid', activation: 'tanh' }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
  return m;
}

/** Three trainOnBatch steps from the given weights; returns the final weights as plain arrays. */
async function threeSteps(initial: Float32Array[], optimizer: () => tf.Optimizer): Promise<Float32Array[]> {
  const model = smallCnn();
  model.setWeights(initial.map((w, i) => tf.tensor(w, model.getWeights()[i]!.shape)));
  model.compile({ optimizer: optimizer(), loss: 'categoricalCrossentropy' });
  for (let step = 0; step < 3; step++) {
    const { xs, ys } = batchOf(8, 16, 20 + step);
    await model.trainOnBatch(xs, ys);
    tf.dispose([xs, ys]);
  }
  const out = model.getWeights().map((w) => w.dataSync() as Float32Array);
  model.dispose();
  return out;
}

describe('training a small CNN: wasm follows cpu', () => {
  // Adam's first steps are ~lr·sign(grad), so a low rate keeps a sign flip on a near-zero
  // gradient within the tolerance.
  const optimizers: Array<[string, () => tf.Optimizer]> = [
    ['sgd 0.1', () => tf.train.sgd(0.1)],
    ['adam 1e-4', () => tf.train.adam(1e-4)],
  ];
  for (const [name, optimizer] of optimizers) {
    test(`3 steps of ${name} from identical weights agree to 1e-3`, async () => {
      await use('cpu');
      const seedModel = smallCnn();
      const initial = seedModel.getWeights().map((w) => w.dataSync().slice() as Float32Array);
      seedModel.dispose();
      const expected = await threeSteps(initial, optimizer);
      await use('wasm');
      const actual = await threeSteps(initial, optimizer);
      expected.forEach((e, i) => assertClose(actual[i]!, e, `weight ${i}`));
      const moved = expected.some((e, i) => e.some((v, j) => Math.abs(v - initial[i]![j]!) > 1e-6));
      assert.ok(moved, 'training changed the weights');
    });
  }
});

interface VocabCase {
  kernel: number;
  stride: number;
  padding: 'same' | 'valid';
  convAct: Act;
  pool: number;
  denseAct: Act;
  loss: Loss;
  optimizer: () => tf.Optimizer;
  name: string;
}

/** Every kernel size 1-7, stride 1-4, both paddings, pool 2-4, each activation, loss and optimizer. */
const VOCAB: VocabCase[] = [
  { kernel: 1, stride: 1, padding: 'same', convAct: 'linear', pool: 2, denseAct: 'sigmoid', loss: 'categoricalCrossentropy', optimizer: () => tf.train.sgd(0.05), name: 'sgd' },
  { kernel: 2, stride: 2, padding: 'valid', convAct: 'sigmoid', pool: 3, denseAct: 'tanh', loss: 'meanSquaredError', optimizer: () => tf.train.momentum(0.05, 0.9), name: 'momentum' },
  { kernel: 3, stride: 3, padding: 'same', convAct: 'tanh', pool: 2, denseAct: 'relu', loss: 'categoricalCrossentropy', optimizer: () => tf.train.adagrad(0.05), name: 'adagrad' },
  { kernel: 4, stride: 4, padding: 'valid', convAct: 'relu', pool: 2, denseAct: 'softmax', loss: 'meanSquaredError', optimizer: () => tf.train.rmsprop(0.01), name: 'rmsprop' },
  { kernel: 5, stride: 1, padding: 'same', convAct: 'softmax', pool: 4, denseAct: 'linear', loss: 'categoricalCrossentropy', optimizer: () => tf.train.adam(0.01), name: 'adam' },
  { kernel: 6, stride: 2, padding: 'valid', convAct: 'relu', pool: 3, denseAct: 'relu', loss: 'meanSquaredError', optimizer: () => tf.train.adam(0.01), name: 'adam' },
  { kernel: 7, stride: 4, padding: 'same', convAct: 'tanh', pool: 2, denseAct: 'sigmoid', loss: 'categoricalCrossentropy', optimizer: () => tf.train.rmsprop(0.01), name: 'rmsprop' },
  { kernel: 7, stride: 1, padding: 'valid', convAct: 'relu', pool: 4, denseAct: 'tanh', loss: 'meanSquaredError', optimizer: () => tf.train.sgd(0.05), name: 'sgd' },
];

/** conv → pool → dropout → conv 3x3 (so the input gradient of a conv runs too) → flatten → dense → dropout → dense. */
function vocabModel(c: VocabCase): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 3, kernelSize: c.kernel, strides: c.stride, padding: c.padding, activation: c.convAct }));
  m.add(tf.layers.maxPooling2d({ poolSize: c.pool, strides: c.pool }));
  m.add(tf.layers.dropout({ rate: 0.25 }));
  m.add(tf.layers.conv2d({ filters: 4, kernelSize: 2, padding: 'same', activation: 'relu' }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 12, activation: c.denseAct }));
  m.add(tf.layers.dropout({ rate: 0.5 }));
  m.add(tf.layers.dense({ units: CLASSES, activation: c.loss === 'categoricalCrossentropy' ? 'softmax' : c.denseAct }));
  m.compile({ optimizer: c.optimizer(), loss: c.loss });
  return m;
}

async function trainsOneStep(model: tf.Sequential): Promise<void> {
  const before = model.getWeights().map((w) => w.dataSync().slice());
  const { xs, ys } = batchOf(4, 28, 3);
  const loss = (await model.trainOnBatch(xs, ys)) as number;
  tf.dispose([xs, ys]);
  assert.ok(Number.isFinite(loss), `loss ${loss}`);
  const changed = model.getWeights().some((w, i) => w.dataSync().some((v, j) => v !== before[i]![j]));
  assert.ok(changed, 'a training step changed the weights');
  model.dispose();
}

describe('the whole model vocabulary trains on wasm', () => {
  for (const c of VOCAB) {
    const name = `conv ${c.kernel}x${c.kernel} s${c.stride} ${c.padding} ${c.convAct}, pool ${c.pool}, dense ${c.denseAct}, ${c.loss}, ${c.name}`;
    test(name, async () => {
      await use('wasm');
      await trainsOneStep(vocabModel(c));
    });
  }

  test('dense-only model (flatten → dense → dense), every optimizer', async () => {
    await use('wasm');
    for (const optimizer of [tf.train.sgd(0.1), tf.train.momentum(0.1, 0.5), tf.train.adagrad(0.1), tf.train.rmsprop(0.01), tf.train.adam(0.01)]) {
      const m = tf.sequential();
      m.add(tf.layers.flatten({ inputShape: [28, 28, 1] }));
      m.add(tf.layers.dense({ units: 16, activation: 'relu' }));
      m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
      m.compile({ optimizer, loss: 'categoricalCrossentropy' });
      await trainsOneStep(m);
    }
  });
});
