/**
 * The input gradient of a convolution on wasm (models/wasm-backprop-input.ts, installed by
 * registerWasmGradKernels) matches the cpu backend's for strides, paddings and kernel sizes the
 * vocabulary allows, and a training step through it leaks nothing.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { inputGradNHWC } from '../../../models/wasm-backprop-input';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';
import { type ConvCase, use, values } from './conv-cases';

const TOLERANCE = 1e-3;

const CASES: ConvCase[] = [
  { name: '3x3 same s1', batch: 2, height: 8, width: 8, cin: 3, cout: 4, kernel: 3, stride: 1, pad: 'same' },
  { name: '3x3 valid s1', batch: 4, height: 9, width: 7, cin: 3, cout: 5, kernel: 3, stride: 1, pad: 'valid' },
  { name: '5x5 same s2 (odd side)', batch: 2, height: 11, width: 10, cin: 3, cout: 2, kernel: 5, stride: 2, pad: 'same' },
  { name: '4x4 same s2 (even kernel)', batch: 2, height: 8, width: 9, cin: 2, cout: 3, kernel: 4, stride: 2, pad: 'same' },
  { name: '2x2 valid s2', batch: 1, height: 9, width: 9, cin: 3, cout: 3, kernel: 2, stride: 2, pad: 'valid' },
  { name: '1x1 valid s4 (unused border)', batch: 3, height: 10, width: 11, cin: 3, cout: 2, kernel: 1, stride: 4, pad: 'valid' },
  { name: '7x7 same s4', batch: 1, height: 13, width: 16, cin: 2, cout: 3, kernel: 7, stride: 4, pad: 'same' },
  { name: '4x4 valid s3 (unused border)', batch: 2, height: 12, width: 14, cin: 1, cout: 2, kernel: 4, stride: 3, pad: 'valid' },
  { name: 'explicit pad 1, s2', batch: 2, height: 9, width: 8, cin: 3, cout: 4, kernel: 3, stride: 2, pad: 1 },
];

/** d(sum(conv2d(x, w)²))/dx on the current backend. */
function inputGrad(c: ConvCase): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(c.batch * c.height * c.width * c.cin, 1), [c.batch, c.height, c.width, c.cin]);
    const w = tf.tensor4d(values(c.kernel * c.kernel * c.cin * c.cout, 2), [c.kernel, c.kernel, c.cin, c.cout]);
    const g = tf.grad((v) => tf.square(tf.conv2d(v as tf.Tensor4D, w, c.stride, c.pad)).sum())(x);
    assert.deepEqual(g.shape, x.shape);
    return g.dataSync() as Float32Array;
  });
}

before(async () => {
  registerWasmGradKernels();
  await use('wasm');
});

describe('Conv2DBackpropInput on wasm', () => {
  test('is replaced once: registering again keeps the same kernel', () => {
    const first = tf.getKernel('Conv2DBackpropInput', 'wasm');
    assert.ok(first);
    registerWasmGradKernels();
    assert.equal(tf.getKernel('Conv2DBackpropInput', 'wasm')?.kernelFunc, first.kernelFunc);
  });

  for (const c of CASES) {
    test(`matches cpu: ${c.name}`, async () => {
      await use('cpu');
      const expected = inputGrad(c);
      await use('wasm');
      const actual = inputGrad(c);
      assert.equal(actual.length, expected.length);
      let worst = 0;
      for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!)));
      assert.ok(worst <= TOLERANCE, `${c.name}: worst relative difference ${worst}`);
    });
  }

  test('every case takes the convolution path, not the fallback', async () => {
    await use('wasm');
    for (const c of CASES) {
      tf.tidy(() => {
        const x = tf.zeros([c.batch, c.height, c.width, c.cin]) as tf.Tensor4D;
        const w = tf.zeros([c.kernel, c.kernel, c.cin, c.cout]) as tf.Tensor4D;
        const dy = tf.conv2d(x, w, c.stride, c.pad);
        const dx = inputGradNHWC(dy, w, { strides: c.stride, pad: c.pad, inputShape: x.shape });
        assert.deepEqual(dx?.shape, x.shape, c.name);
      });
    }
  });

  test('the kernel leaves only its output behind', async () => {
    await use('wasm');
    const dy = tf.tensor4d(values(2 * 5 * 5 * 4, 8), [2, 5, 5, 4]);
    const filter = tf.tensor4d(values(3 * 3 * 3 * 4, 9), [3, 3, 3, 4]);
    const attrs = { strides: 2, pad: 'same', dataFormat: 'NHWC', inputShape: [2, 9, 9, 3] };
    const before = tf.memory();
    const out = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    const after = tf.memory();
    assert.deepEqual(out.shape, [2, 9, 9, 3]);
    assert.equal(after.numTensors, before.numTensors + 1);
    assert.equal(after.numDataBuffers, before.numDataBuffers + 1);
    tf.dispose([dy, filter, out]);
  });
});
