import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmGradKernels, WASM_GRAD_KERNEL_NAMES } from '../../../models/wasm-kernels.ts';

const TOLERANCE = 1e-3;

/** Deterministic values in [-0.5, 0.5), so both backends see identical inputs. */
function values(count: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: count }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  });
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const ok = Math.abs(a - e) <= TOLERANCE * Math.max(1, Math.abs(e));
    assert.ok(ok, `${what}[${i}]: wasm ${a} vs cpu ${e}`);
  }
}

async function use(backend: 'wasm' | 'cpu'): Promise<void> {
  assert.ok(await tf.setBackend(backend), `backend ${backend} failed to initialise`);
  await tf.ready();
}

interface ConvCase {
  name: string;
  batch: number;
  height: number;
  width: number;
  cin: number;
  cout: number;
  kernel: number;
  stride: number;
  pad: 'same' | 'valid' | number;
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
    const g = tf.grad((f: tf.Tensor4D) => tf.square(tf.conv2d(x, f, c.stride, c.pad)).sum())(w);
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
