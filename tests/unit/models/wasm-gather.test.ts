/**
 * Gathering rows on wasm (models/wasm-gather.ts, installed by registerWasmGradKernels) gives what
 * the cpu backend gives, for every shape the app gathers and for those that go to tfjs's own kernel.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { fastGather } from '../../../models/wasm-gather';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';
import { use, values } from './conv-cases';
import { checkAgainstCpu, readOut, standInOriginal } from './kernel-checks';

interface GatherCase {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  indices: number[];
  indicesShape?: number[];
  axis?: number;
}

const CASES: GatherCase[] = [
  { name: 'photos of a batch (axis 0)', shape: [12, 8, 8, 1], dtype: 'float32', indices: [3, 0, 11, 7, 3] },
  { name: 'one-hot labels', shape: [12, 10], dtype: 'float32', indices: [5, 5, 1] },
  { name: 'int32 rows', shape: [6, 3], dtype: 'int32', indices: [2, 0] },
  { name: 'a 2-D index (an embedding lookup)', shape: [9, 4], dtype: 'float32', indices: [1, 2, 3, 8, 0, 0], indicesShape: [2, 3] },
  { name: 'no rows', shape: [5, 3], dtype: 'float32', indices: [] },
  { name: 'a vector', shape: [7], dtype: 'float32', indices: [6, 0] },
  { name: 'axis 1 (tfjs’s own kernel)', shape: [4, 6, 2], dtype: 'float32', indices: [5, 1], axis: 1 },
];

function gathered(c: GatherCase): { shape: number[]; data: number[] } {
  return tf.tidy(() => {
    const n = c.shape.reduce((a, b) => a * b, 1);
    const x = c.dtype === 'int32' ? tf.tensor(Int32Array.from(values(n, 3), (v) => Math.round(v * 1000)), c.shape, 'int32') : tf.tensor(values(n, 3), c.shape);
    const idx = tf.tensor(c.indices, c.indicesShape ?? [c.indices.length], 'int32');
    const out = tf.gather(x, idx, c.axis ?? 0);
    return { shape: out.shape, data: Array.from(out.dataSync()) };
  });
}

before(async () => {
  registerWasmGradKernels();
  await use('wasm');
});

describe('GatherV2 on wasm', () => {
  checkAgainstCpu('GatherV2', CASES, gathered);

  test('an index out of range throws the message tfjs gives and leaves nothing behind', async () => {
    await use('wasm');
    const x = tf.tensor2d(values(12, 4), [4, 3]);
    const idx = tf.tensor1d([1, 4], 'int32');
    const before = tf.memory().numTensors;
    assert.throws(() => tf.gather(x, idx), /GatherV2: the index value 4 is not in \[0, 3\]/);
    assert.equal(tf.memory().numTensors, before);
    tf.dispose([x, idx]);
  });


  test('rows are copied here; any other gather goes to tfjs’s own kernel', async () => {
    await use('wasm');
    const { original, calls } = standInOriginal();
    const kernel = fastGather(original);
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const idx = tf.tensor1d([2, 0], 'int32');
    const run = (axis: number) => kernel({ inputs: { x, indices: idx }, backend: tf.backend(), attrs: { axis, batchDims: 0 } }) as tf.TensorInfo;
    const out = run(0);
    assert.deepEqual(readOut(out), [5, 6, 1, 2]);
    assert.throws(() => run(1), /original/);
    assert.deepEqual(calls.map((a) => a['axis']), [1]);
    tf.dispose([x, idx]);
  });
});
