/**
 * Max pooling's gradient on wasm (models/wasm-maxpool-grad.ts, installed by registerWasmGradKernels)
 * equals the cpu backend's exactly, including windows whose values are all negative (tfjs-wasm
 * 4.22's own kernel gave their gradient to the window's first place, not its largest), windows of equal values, overlapping and padded windows.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';
import { maxPoolGradInto, poolGeometry } from '../../../models/wasm-maxpool-grad';
import { use, values } from './conv-cases';
import { checkAgainstCpu } from './kernel-checks';

interface PoolCase {
  name: string;
  shape: [number, number, number, number];
  size: number;
  stride: number;
  pad: 'same' | 'valid';
  /** How the input is made from values in [-0.5, 0.5). */
  input?: (v: Float32Array) => Float32Array;
}

const CASES: PoolCase[] = [
  { name: '2x2 s2, the vocabulary’s, negative and positive', shape: [3, 8, 8, 4], size: 2, stride: 2, pad: 'valid' },
  { name: '2x2 s2, all negative', shape: [2, 6, 6, 3], size: 2, stride: 2, pad: 'valid', input: (v) => v.map((x) => x - 1) },
  { name: '2x2 s2 after a ReLU (windows of zeros)', shape: [2, 8, 8, 2], size: 2, stride: 2, pad: 'valid', input: (v) => v.map((x) => Math.max(0, x)) },
  { name: '2x2 s2, equal values everywhere', shape: [1, 4, 4, 2], size: 2, stride: 2, pad: 'valid', input: (v) => v.map(() => 0.25) },
  { name: '3x3 s3 on a side that is not a multiple', shape: [2, 11, 10, 3], size: 3, stride: 3, pad: 'valid' },
  { name: '3x3 s2, overlapping windows', shape: [2, 9, 9, 2], size: 3, stride: 2, pad: 'valid' },
  { name: '3x3 s2 same (padded, overlapping)', shape: [1, 8, 7, 3], size: 3, stride: 2, pad: 'same' },
];

function input(c: PoolCase): Float32Array {
  const v = values(c.shape.reduce((a, b) => a * b, 1), 11);
  return c.input ? c.input(v) : v;
}

/** d(sum(maxPool(x) · w))/dx on the current backend, w fixed values per output. */
function poolGrad(c: PoolCase): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(input(c), c.shape);
    const out = tf.maxPool(x, c.size, c.stride, c.pad);
    const w = tf.tensor(values(out.size, 12).map((v) => v + 1), out.shape);
    const g = tf.grad((v) => tf.maxPool(v as tf.Tensor4D, c.size, c.stride, c.pad).mul(w).sum())(x);
    return g.dataSync() as Float32Array;
  });
}

before(async () => {
  registerWasmGradKernels();
  await use('wasm');
});

describe('MaxPoolGrad on wasm', () => {
  checkAgainstCpu('MaxPoolGrad', CASES, (c) => Array.from(poolGrad(c)));

  test('every case has a gradient to compare', async () => {
    await use('cpu');
    for (const c of CASES) assert.ok(poolGrad(c).some((v) => v !== 0), c.name);
  });

  test('a window whose largest value is negative gets its gradient (tfjs-wasm 4.22 gave it to the -1.6)', async () => {
    await use('wasm');
    const x = tf.tensor4d([-1.6, -1.5, -0.55, -0.5], [1, 2, 2, 1]);
    const g = tf.grad((v) => tf.maxPool(v as tf.Tensor4D, 2, 2, 'valid').sum())(x);
    assert.deepEqual(Array.from(g.dataSync()), [0, 0, 0, 1]);
    tf.dispose([x, g]);
  });

  test('pure: the first of equal values takes the gradient; a window of NaN none', () => {
    const g = poolGeometry([1, 2, 4, 1], { filterSize: 2, strides: 2, pad: 'valid' });
    const dx = new Float32Array(8);
    maxPoolGradInto([0.3, 0.3, NaN, NaN, 0.3, 0.3, NaN, NaN], [5, 7], dx, g);
    assert.deepEqual(Array.from(dx), [5, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('the kernel leaves only its output behind', async () => {
    await use('wasm');
    const x = tf.tensor4d(values(2 * 8 * 8 * 3, 13), [2, 8, 8, 3]);
    const y = tf.maxPool(x, 2, 2, 'valid');
    const dy = tf.onesLike(y);
    const before = tf.memory();
    const out = tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor;
    const after = tf.memory();
    assert.deepEqual(out.shape, [2, 8, 8, 3]);
    assert.equal(after.numTensors, before.numTensors + 1);
    assert.equal(after.numDataBuffers, before.numDataBuffers + 1);
    assert.equal(out.sum().dataSync()[0], y.size);
    tf.dispose([x, y, dy, out]);
  });
});
