/**
 * Padding on wasm (models/wasm-pad.ts, installed by registerWasmGradKernels) gives what the cpu
 * backend gives, for the paddings the convolution gradients use and others.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';
import { fastPad } from '../../../models/wasm-pad';
import { use, values } from './conv-cases';
import { checkAgainstCpu, readOut, standInOriginal } from './kernel-checks';

interface PadCase {
  name: string;
  shape: number[];
  paddings: [number, number][];
  constant?: number;
  dtype?: 'int32';
}

const CASES: PadCase[] = [
  { name: 'photos for a strided 5x5 filter gradient (height, width)', shape: [3, 9, 9, 1], paddings: [[0, 0], [1, 2], [1, 2], [0, 0]] },
  { name: 'feature maps, 3x3 same', shape: [2, 4, 5, 3], paddings: [[0, 0], [1, 1], [1, 1], [0, 0]] },
  { name: 'the stride spread (rank 6)', shape: [2, 3, 1, 4, 1, 2], paddings: [[0, 0], [0, 0], [0, 1], [0, 0], [0, 1], [0, 0]] },
  { name: 'channels and batch', shape: [2, 3, 3, 2], paddings: [[1, 0], [0, 0], [0, 0], [2, 1]] },
  { name: 'a vector, a constant', shape: [5], paddings: [[3, 1]], constant: -2.5 },
  { name: 'nothing to pad', shape: [2, 3], paddings: [[0, 0], [0, 0]] },
  { name: 'int32', shape: [2, 3], paddings: [[1, 1], [0, 2]], constant: 7, dtype: 'int32' },
];

function padded(c: PadCase): { shape: number[]; data: number[] } {
  return tf.tidy(() => {
    const v = values(c.shape.reduce((a, b) => a * b, 1), 21);
    const x = c.dtype === 'int32' ? tf.tensor(Int32Array.from(v, (e) => Math.round(e * 100)), c.shape, 'int32') : tf.tensor(v, c.shape);
    const out = tf.pad(x, c.paddings, c.constant ?? 0);
    return { shape: out.shape, data: Array.from(out.dataSync()) };
  });
}

before(async () => {
  registerWasmGradKernels();
  await use('wasm');
});

describe('PadV2 on wasm', () => {
  checkAgainstCpu('PadV2', CASES, padded);

  test('copies here; an empty input goes to tfjs’s own kernel', async () => {
    await use('wasm');
    const { original, calls } = standInOriginal();
    const kernel = fastPad(original);
    const run = (x: tf.Tensor) => kernel({ inputs: { x }, backend: tf.backend(), attrs: { paddings: [[1, 0], [0, 1]], constantValue: 9 } }) as tf.TensorInfo;
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const out = run(x);
    assert.deepEqual(out.shape, [3, 3]);
    assert.deepEqual(readOut(out), [9, 9, 9, 1, 2, 9, 3, 4, 9]);
    const empty = tf.zeros([0, 2]);
    assert.throws(() => run(empty), /original/);
    assert.equal(calls.length, 1);
    tf.dispose([x, empty]);
  });
});
