/**
 * A faster GatherV2 for tfjs-backend-wasm 4.22 where a training step uses it: whole rows of the
 * training set (axis 0). Its own kernel computes every element's place one by one: profiled in
 * Node, picking a batch of 16 photos (64x64) took 2.95 ms of a 42 ms step, and 32 of the 1,400
 * photos 5.81 ms, which copying the rows does in 0.07 ms. Other gathers (an axis past 0, batch
 * dims, other dtypes) go to the backend's own kernel.
 *
 * Browser and Node alike: imports only @tensorflow/tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import type { HeapBackend, KernelArgs } from './wasm-heap';

const ROW_DTYPES: readonly tf.DataType[] = ['float32', 'int32'];

/** Pure: rows `indices` of `x` (rows of `rowSize` values) into `out`, in order. */
export function gatherRowsInto(x: tf.backend_util.TypedArray, indices: ArrayLike<number>, rowSize: number, out: tf.backend_util.TypedArray): void {
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    out.set(x.subarray(i * rowSize, (i + 1) * rowSize), k * rowSize);
  }
}

export function fastGather(original: tf.KernelFunc): tf.KernelFunc {
  const kernel = (args: KernelArgs) => {
    const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = (args.attrs ?? {}) as { axis?: number; batchDims?: number };
    const rowwise = x.shape.length > 0 && tf.util.parseAxisParam(axis ?? 0, x.shape)[0] === 0 && !batchDims;
    if (!rowwise || !ROW_DTYPES.includes(x.dtype) || indices.dtype !== 'int32') return original(args as Parameters<tf.KernelFunc>[0]);
    const backend = args.backend as HeapBackend;
    const idx = backend.typedArrayFromHeap(indices);
    const rows = x.shape[0] as number;
    // The original's check and message: an index out of range throws before anything is made.
    for (const i of idx) tf.util.assert(i <= rows - 1 && i >= 0, () => `GatherV2: the index value ${i} is not in [0, ${rows - 1}]`);
    const rowSize = tf.util.sizeFromShape(x.shape.slice(1));
    const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
    // Views after makeOutput: allocating can grow the heap and detach earlier views.
    gatherRowsInto(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(indices), rowSize, backend.typedArrayFromHeap(out));
    return out;
  };
  return kernel as unknown as tf.KernelFunc;
}
