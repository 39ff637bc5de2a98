/**
 * Gradient kernels that @tensorflow/tfjs-backend-wasm 4.22 lacks, built from ops it already has.
 *
 * Without them a CNN cannot train on the WASM backend ("Kernel 'Conv2DBackpropFilter' not
 * registered for backend 'wasm'"). Each kernel here returns a real tf.Tensor: the engine accepts a
 * Tensor as a kernel output as is, and ops run inside a kernel are not recorded on the gradient tape.
 *
 * Browser and Node alike: imports only @tensorflow/tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { fastBackpropInput } from './wasm-backprop-input';
import { fastGather } from './wasm-gather';
import { fastMaxPoolGrad } from './wasm-maxpool-grad';
import { fastPad } from './wasm-pad';
import { fastReverse } from './wasm-reverse';

const WASM = 'wasm';

type PadAttr = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;

/** Attributes tfjs-core's conv2DBackpropFilter op passes (see ops/conv2d_backprop_filter.ts). */
interface BackpropFilterAttrs {
  strides: number | [number, number];
  pad: PadAttr;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
  /** Not passed by tfjs 4.22; checked in case a caller adds it. */
  dilations?: number | [number, number];
}

function assertNoDilation(dilations: BackpropFilterAttrs['dilations']): void {
  if (dilations == null) return;
  const [dh, dw] = typeof dilations === 'number' ? [dilations, dilations] : dilations;
  if (dh !== 1 || dw !== 1) {
    throw new Error(
      `Conv2DBackpropFilter (wasm): dilations other than 1 are not supported, got ${String(dilations)}`,
    );
  }
}

/**
 * dW[i, j, ci, co] = Σ_{b, oh, ow} xPad[b, i + oh·sh, j + ow·sw, ci] · dy[b, oh, ow, co].
 * That is itself a convolution: the padded input with batch and channels swapped
 * ([Cin, Hp, Wp, B]) convolved (valid, stride 1, dilation = the forward stride) with dy as the
 * filter ([OH, OW, B, Cout]) gives [Cin, kh, kw, Cout]. One XNNPACK conv is ~10x faster here
 * than im2col (kh·kw strided slices + concat + one matMul) or one matMul per tap: measured on
 * x [32,64,64,1] / dy [32,62,62,8]: 10 ms vs 141 ms (im2col) vs 70 ms (per tap).
 */
function filterGradNHWC(x: tf.Tensor4D, dy: tf.Tensor4D, attrs: BackpropFilterAttrs): tf.Tensor4D {
  const info = tf.backend_util.computeConv2DInfo(
    x.shape,
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  const { batchSize, outHeight, outWidth, inChannels, padInfo } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, bottom, left, right } = padInfo;
  const padded =
    top + bottom + left + right === 0
      ? x
      : tf.pad(x, [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ]);
  // Rows/columns past the last window (valid padding, stride > 1) take no part in the gradient;
  // dropping them makes the conv's output exactly kh x kw.
  const usedHeight = (outHeight - 1) * strideHeight + filterHeight;
  const usedWidth = (outWidth - 1) * strideWidth + filterWidth;
  const used =
    padded.shape[1] === usedHeight && padded.shape[2] === usedWidth
      ? padded
      : tf.slice(padded, [0, 0, 0, 0], [batchSize, usedHeight, usedWidth, inChannels]);
  const xT = tf.transpose(used, [3, 1, 2, 0]);
  const dyAsFilter = tf.transpose(dy, [1, 2, 0, 3]);
  const dwT = tf.conv2d(xT, dyAsFilter, 1, 'valid', 'NHWC', [strideHeight, strideWidth]);
  return tf.transpose(dwT, [1, 2, 0, 3]);
}

function conv2DBackpropFilterWasm(args: {
  inputs: tf.NamedTensorInfoMap;
  attrs?: tf.NamedAttrMap;
}): tf.Tensor {
  const attrs = args.attrs as unknown as BackpropFilterAttrs;
  assertNoDilation(attrs.dilations);
  // The engine hands kernels the input Tensors themselves (TensorInfo is the declared type).
  const x = args.inputs['x'] as unknown as tf.Tensor4D;
  const dy = args.inputs['dy'] as unknown as tf.Tensor4D;
  return tf.tidy(() => {
    if (attrs.dataFormat === 'NCHW') {
      const xs = tf.transpose(x, [0, 2, 3, 1]);
      const dys = tf.transpose(dy, [0, 2, 3, 1]);
      return filterGradNHWC(xs, dys, attrs);
    }
    return filterGradNHWC(x, dy, attrs);
  });
}

const GRAD_KERNELS: readonly tf.KernelConfig[] = [
  {
    kernelName: tf.Conv2DBackpropFilter,
    backendName: WASM,
    kernelFunc: conv2DBackpropFilterWasm as unknown as tf.KernelFunc,
  },
];

/** Kernel names this module provides for the wasm backend (for diagnostics and tests). */
export const WASM_GRAD_KERNEL_NAMES: readonly string[] = [...GRAD_KERNELS.map((k) => k.kernelName), tf.Conv2DBackpropInput, tf.MaxPoolGrad, tf.GatherV2, tf.PadV2, tf.Reverse];

/** Our wrappers around wasm's own kernels, by kernel name, once installed (so a second call keeps them). */
const wrappers = new Map<string, tf.KernelFunc>();

/** Puts `wrap(original)` in front of wasm's own kernel `name`. */
function replaceKernel(name: string, wrap: (original: tf.KernelFunc) => tf.KernelFunc): void {
  const current = tf.getKernel(name, WASM);
  if (!current || current.kernelFunc === wrappers.get(name)) return;
  const wrapped = wrap(current.kernelFunc);
  // Not a warning's overwrite: unregister first, keeping the original's setup for its fallback.
  tf.unregisterKernel(name, WASM);
  tf.registerKernel({ ...current, kernelFunc: wrapped });
  wrappers.set(name, wrapped);
}

/**
 * Registers the missing gradient kernels for the 'wasm' backend. Idempotent, and safe before or
 * after the backend is created: the kernel registry is global and looked up at each op. A kernel
 * the installed tfjs already provides for wasm is left alone, except Conv2DBackpropInput, which
 * gets the faster formulation in front of it, MaxPoolGrad a correct one (wasm-maxpool-grad.ts) and
 * GatherV2, PadV2 and Reverse copies of whole runs (wasm-gather.ts, wasm-pad.ts, wasm-reverse.ts);
 * call this after @tensorflow/tfjs-backend-wasm loads.
 */
export function registerWasmGradKernels(): void {
  for (const config of GRAD_KERNELS) {
    if (tf.getKernel(config.kernelName, WASM) === undefined) tf.registerKernel(config);
  }
  replaceKernel(tf.Conv2DBackpropInput, fastBackpropInput);
  replaceKernel(tf.MaxPoolGrad, fastMaxPoolGrad);
  replaceKernel(tf.GatherV2, fastGather);
  replaceKernel(tf.PadV2, fastPad);
  replaceKernel(tf.Reverse, fastReverse);
}
