/**
 * A faster Conv2DBackpropInput for tfjs-backend-wasm 4.22. Its own kernel is a plain C++ loop
 * (no XNNPACK, one thread): profiled in Node on a training step of the Sign Digits CNNs it took
 * 45-60 % of the step, 3-4x the forward convolution. The input gradient is itself a convolution
 * (a "transposed convolution"): dy, spread out by the stride with zeros between its rows and
 * columns and padded by kernel - 1 - the forward padding, convolved (valid, stride 1) with the
 * filter turned by 180° and its in/out channels swapped. That runs on XNNPACK's conv, the same fast
 * path as the forward pass (and multi-threaded where the WASM backend has threads).
 *
 * Browser and Node alike: imports only @tensorflow/tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelArgs } from './wasm-heap';

type PadAttr = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;

/** Attributes tfjs-core's conv2DBackpropInput op passes (ops/conv2d_backprop_input.ts). */
interface BackpropInputAttrs {
  strides: number | [number, number];
  pad: PadAttr;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/** dy with (stride - 1) zeros between its rows and between its columns: [B, (OH-1)·sh+1, (OW-1)·sw+1, C]. */
function spreadByStride(dy: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  if (sh === 1 && sw === 1) return dy;
  const [b, oh, ow, c] = dy.shape;
  const spread = tf.pad(tf.reshape(dy, [b, oh, 1, ow, 1, c]), [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]]);
  const flat = tf.reshape(spread, [b, oh * sh, ow * sw, c]) as tf.Tensor4D;
  return tf.slice(flat, [0, 0, 0, 0], [b, (oh - 1) * sh + 1, (ow - 1) * sw + 1, c]);
}

/** The input gradient as one valid convolution, or null where the padding cannot be expressed so. */
export function inputGradNHWC(dy: tf.Tensor4D, filter: tf.Tensor4D, attrs: BackpropInputAttrs): tf.Tensor4D | null {
  const info = tf.backend_util.computeConv2DInfo(attrs.inputShape, filter.shape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
  const { inHeight, inWidth, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = info;
  const spread = spreadByStride(dy, sh, sw);
  const top = kh - 1 - padInfo.top;
  const left = kw - 1 - padInfo.left;
  // Rows of x past the last window get no gradient: the bottom/right padding covers them with zeros.
  const bottom = inHeight + kh - 1 - spread.shape[1] - top;
  const right = inWidth + kw - 1 - spread.shape[2] - left;
  if (Math.min(top, left, bottom, right) < 0) return null;
  const padded = top + bottom + left + right === 0 ? spread : tf.pad(spread, [[0, 0], [top, bottom], [left, right], [0, 0]]);
  const turned = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]);
  return tf.conv2d(padded, turned, 1, 'valid');
}

/**
 * Wraps the backend's own kernel: the convolution where it applies (NHWC, the padding expressible),
 * the original otherwise.
 */
export function fastBackpropInput(original: tf.KernelFunc): tf.KernelFunc {
  const kernel = (args: KernelArgs) => {
    const attrs = args.attrs as unknown as BackpropInputAttrs;
    if (attrs.dataFormat === 'NCHW') return original(args as Parameters<tf.KernelFunc>[0]);
    // The engine hands kernels the input Tensors themselves (TensorInfo is the declared type).
    const dy = args.inputs['dy'] as unknown as tf.Tensor4D;
    const filter = args.inputs['filter'] as unknown as tf.Tensor4D;
    const out = tf.tidy(() => inputGradNHWC(dy, filter, attrs) ?? undefined);
    return out ?? original(args as Parameters<tf.KernelFunc>[0]);
  };
  return kernel as unknown as tf.KernelFunc;
}
