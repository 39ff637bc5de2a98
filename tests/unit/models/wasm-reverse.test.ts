/**
 * Reversing on wasm (models/wasm-reverse.ts, installed by registerWasmGradKernels) gives what the
 * cpu backend gives: the filter turn of the input gradient and other axes.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';
import { fastReverse } from '../../../models/wasm-reverse';
import { use, values } from './conv-cases';
import { checkAgainstCpu, readOut, standInOriginal } from './kernel-checks';

const CASES: { name: string; shape: number[]; axes: number[]; dtype?: 'int32' }[] = [
  { name: 'a filter turned by 180° (axes 0, 1)', shape: [3, 3, 4, 5], axes: [0, 1] },
  { name: 'the last axis', shape: [2, 3, 4], axes: [2] },
  { name: 'the first and the last', shape: [3, 2, 4], axes: [0, -1] },
  { name: 'a middle axis', shape: [2, 5, 3], axes: [1] },
  { name: 'a vector', shape: [7], axes: [0] },
  { name: 'no axis', shape: [2, 2], axes: [] },
  { name: 'int32', shape: [4, 3], axes: [0], dtype: 'int32' },
];

function reversed(c: (typeof CASES)[number]): { shape: number[]; data: number[] } {
  return tf.tidy(() => {
    const v = values(c.shape.reduce((a, b) => a * b, 1), 31);
    const x = c.dtype === 'int32' ? tf.tensor(Int32Array.from(v, (e) => Math.round(e * 100)), c.shape, 'int32') : tf.tensor(v, c.shape);
    const out = tf.reverse(x, c.axes);
    return { shape: out.shape, data: Array.from(out.dataSync()) };
  });
}

before(async () => {
  registerWasmGradKernels();
  await use('wasm');
});

describe('Reverse on wasm', () => {
  checkAgainstCpu('Reverse', CASES, reversed);

  test('copies here; a scalar goes to tfjs’s own kernel', async () => {
    await use('wasm');
    const { original, calls } = standInOriginal();
    const kernel = fastReverse(original);
    const run = (x: tf.Tensor) => kernel({ inputs: { x }, backend: tf.backend(), attrs: { dims: [0] } }) as tf.TensorInfo;
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const out = run(x);
    assert.deepEqual(readOut(out), [5, 6, 3, 4, 1, 2]);
    const scalar = tf.scalar(1);
    assert.throws(() => run(scalar), /original/);
    assert.equal(calls.length, 1);
    tf.dispose([x, scalar]);
  });
});
