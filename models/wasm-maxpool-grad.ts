/**
 * A correct and faster MaxPoolGrad for tfjs-backend-wasm 4.22. Its own kernel gives a window whose
 * values are all negative its gradient at the window's first place, not at its largest: on
 * x = [[-1.6, -1.5], [-0.55, -0.50]] the -1.6 gets it, where the cpu backend and the maths give it
 * to the -0.50 (and of equal positive values it picks the last, the cpu backend the first). After a
 * ReLU that changes nothing (no window is negative), but a CNN with tanh or linear convs trained on
 * a wrong gradient on WASM only. It was also slow: profiled in Node on the default Sign Digits CNN
 * it took 13 of a 54 ms step of 16 photos, ~36x its forward pass (this one: a 42 ms step).
 *
 * Here: one pass over the output windows, each window's first largest value (as the cpu backend
 * chooses among equals) gets the window's gradient, added, so overlapping windows sum as they
 * should. It reads and writes the WASM heap in place (no copies).
 *
 * Browser and Node alike: imports only @tensorflow/tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import type { HeapBackend, KernelArgs } from './wasm-heap';

/** Attributes tfjs-core's maxPool gradient passes (gradients/MaxPool_grad.ts). */
interface MaxPoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** NHWC geometry of one pooling (tfjs's Pool2DInfo, the fields used here). */
export interface PoolGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  channels: number;
  outHeight: number;
  outWidth: number;
  strideHeight: number;
  strideWidth: number;
  filterHeight: number;
  filterWidth: number;
  padTop: number;
  padLeft: number;
}

/** Where in `x` the window at output `(b, r, c, d)` has its first largest value; -1 when it holds none (all NaN). */
function argmaxOfWindow(x: ArrayLike<number>, g: PoolGeometry, b: number, r: number, c: number, d: number): number {
  const rowStride = g.inWidth * g.channels;
  const r0 = r * g.strideHeight - g.padTop;
  const c0 = c * g.strideWidth - g.padLeft;
  let best = Number.NEGATIVE_INFINITY;
  let at = -1;
  for (let wr = Math.max(0, -r0); wr < g.filterHeight && r0 + wr < g.inHeight; wr++) {
    const rowBase = (b * g.inHeight + r0 + wr) * rowStride + d;
    for (let wc = Math.max(0, -c0); wc < g.filterWidth && c0 + wc < g.inWidth; wc++) {
      const i = rowBase + (c0 + wc) * g.channels;
      const v = x[i] as number;
      if (v > best || at < 0) {
        // The first value seeds the window even at -Infinity; a NaN never wins.
        if (Number.isNaN(v)) continue;
        best = v;
        at = i;
      }
    }
  }
  return at;
}

/**
 * The vocabulary's usual pooling (2x2 windows side by side, no padding), unrolled: [32, 32, 32, 16] in
 * 3.2 ms in Node, where the general path below takes 6.2 and tfjs's own 18.
 */
function pairGradInto(x: ArrayLike<number>, dy: ArrayLike<number>, dx: Float32Array, g: PoolGeometry): void {
  const ch = g.channels;
  const rowStride = g.inWidth * ch;
  let o = 0;
  for (let b = 0; b < g.batchSize; b++) {
    for (let r = 0; r < g.outHeight; r++) {
      const top = (b * g.inHeight + 2 * r) * rowStride;
      for (let c = 0; c < g.outWidth; c++) {
        const corner = top + 2 * c * ch;
        for (let d = 0; d < ch; d++, o++) {
          const p0 = corner + d;
          const p2 = p0 + rowStride;
          const v0 = x[p0] as number;
          const v1 = x[p0 + ch] as number;
          const v2 = x[p2] as number;
          const v3 = x[p2 + ch] as number;
          // Strictly greater: the first of equals wins. (v === v: not NaN.)
          let at = v0 === v0 ? p0 : -1;
          let best = v0 === v0 ? v0 : Number.NEGATIVE_INFINITY;
          if (v1 > best || (at < 0 && v1 === v1)) {
            best = v1;
            at = p0 + ch;
          }
          if (v2 > best || (at < 0 && v2 === v2)) {
            best = v2;
            at = p2;
          }
          if (v3 > best || (at < 0 && v3 === v3)) at = p2 + ch;
          if (at >= 0) dx[at] = dy[o] as number;
        }
      }
    }
  }
}

const pairs = (g: PoolGeometry) => g.filterHeight === 2 && g.filterWidth === 2 && g.strideHeight === 2 && g.strideWidth === 2 && g.padTop === 0 && g.padLeft === 0;

/** Pure: dx (zeros, the size of x) gets each window's dy at its window's first largest x. */
export function maxPoolGradInto(x: ArrayLike<number>, dy: ArrayLike<number>, dx: Float32Array, g: PoolGeometry): void {
  dx.fill(0);
  if (pairs(g)) return pairGradInto(x, dy, dx, g);
  let o = 0;
  for (let b = 0; b < g.batchSize; b++) {
    for (let r = 0; r < g.outHeight; r++) {
      for (let c = 0; c < g.outWidth; c++) {
        for (let d = 0; d < g.channels; d++, o++) {
          const at = argmaxOfWindow(x, g, b, r, c, d);
          if (at >= 0) dx[at] = (dx[at] as number) + (dy[o] as number);
        }
      }
    }
  }
}

export function poolGeometry(inputShape: number[], attrs: MaxPoolGradAttrs): PoolGeometry {
  const info = tf.backend_util.computePool2DInfo(inputShape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
  return {
    batchSize: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    channels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    filterHeight: info.effectiveFilterHeight,
    filterWidth: info.effectiveFilterWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/** The kernel, for float32 inputs; anything else goes to the backend's own (`original`). */
export function fastMaxPoolGrad(original: tf.KernelFunc): tf.KernelFunc {
  const kernel = (args: KernelArgs) => {
    const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') return original(args as Parameters<tf.KernelFunc>[0]);
    const backend = args.backend as HeapBackend;
    const g = poolGeometry(input.shape, args.attrs as unknown as MaxPoolGradAttrs);
    const dx = backend.makeOutput(input.shape, 'float32');
    // Views are taken after makeOutput: allocating can grow the heap and detach earlier views.
    const heap = (t: tf.TensorInfo) => backend.typedArrayFromHeap(t);
    maxPoolGradInto(heap(input), heap(dy), heap(dx) as Float32Array, g);
    return dx;
  };
  return kernel as unknown as tf.KernelFunc;
}
