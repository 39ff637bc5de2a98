/** What the wasm-vs-cpu convolution gradient tests share: identical inputs and the backend switch. */
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';

/** Deterministic values in [-0.5, 0.5), so both backends see identical inputs. */
export function values(count: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: count }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  });
}

export async function use(backend: 'wasm' | 'cpu'): Promise<void> {
  assert.ok(await tf.setBackend(backend), `backend ${backend} failed to initialise`);
  await tf.ready();
}

/** One convolution: input batch × height × width × cin, a square kernel, cout filters. */
export interface ConvCase {
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
