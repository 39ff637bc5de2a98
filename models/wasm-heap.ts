/**
 * What the kernels of our own for tfjs-backend-wasm (wasm-gather.ts, wasm-pad.ts, wasm-reverse.ts,
 * wasm-maxpool-grad.ts) share: the part of BackendWasm they use, and a walk over the
 * outer indices of a tensor whose inner part is copied as one run.
 */
import type * as tf from '@tensorflow/tfjs';

/** BackendWasm's methods these kernels use: outputs on the heap, and views of the heap. */
export interface HeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.backend_util.TypedArray;
}

export type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown };

/** Row-major strides of `shape`. */
export function stridesOf(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let a = shape.length - 2; a >= 0; a--) out[a] = (out[a + 1] as number) * (shape[a + 1] as number);
  return out;
}

/** Calls `visit` with every index into `outer` (the last axis fastest) and its running count. */
export function forEachIndex(outer: readonly number[], visit: (index: readonly number[], k: number) => void): void {
  const index = new Array<number>(outer.length).fill(0);
  const count = outer.reduce((m, d) => m * d, 1);
  for (let k = 0; k < count; k++) {
    visit(index, k);
    for (let a = outer.length - 1; a >= 0; a--) {
      index[a] = (index[a] as number) + 1;
      if ((index[a] as number) < (outer[a] as number)) break;
      index[a] = 0;
    }
  }
}
