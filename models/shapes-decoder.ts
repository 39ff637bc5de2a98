/**
 * Shape inference and parameter counts for the decoder layers (models/spec-decoder.ts). An image is
 * [h, w, c], a flat vector [n]. Counts and shapes must equal the tfjs layers' own
 * (tests/unit/models/autoencoder-shapes.test.ts builds each one to check).
 */
import type { DecoderLayerSpec } from './spec-decoder';

type Shape = readonly number[];
type Info = { outputShape: Shape; params: number };

const fmt = (shape: Shape) => shape.join('x');
const product = (shape: Shape) => shape.reduce((a, b) => a * b, 1);

function needsImage(type: string, input: Shape): string | null {
  if (input.length === 3) return null;
  const hint = input.length === 1 ? ': put a reshape before it to make the flat vector an image (for example 8x8x4 from 256 values)' : ' (a sequence)';
  return `${type} needs an image input (height x width x channels), got ${fmt(input)}${hint}`;
}

/**
 * Output side of a transposed convolution as tfjs computes it (conv_utils deconvLength): 'same'
 * grows the side by the stride; 'valid' also adds what the kernel overhangs the stride.
 */
export function transposedSide(side: number, kernel: number, stride: number, padding: 'same' | 'valid'): number {
  return padding === 'same' ? side * stride : side * stride + Math.max(kernel - stride, 0);
}

export function inferDecoderLayer(layer: DecoderLayerSpec, input: Shape): Info | string {
  switch (layer.type) {
    case 'reshape': {
      const target = layer.targetShape;
      if (product(target) !== product(input)) {
        return `reshape to ${fmt(target)} needs ${product(target)} values, got ${product(input)} (input ${fmt(input)})`;
      }
      if (target.length === 2) return `reshape to ${fmt(target)} makes a sequence; use [height, width, channels] for an image or [n] for a flat vector`;
      return { outputShape: [...target], params: 0 };
    }
    case 'upSampling2d': {
      const wrong = needsImage('upSampling2d', input);
      if (wrong) return wrong;
      const [h = 0, w = 0, c = 0] = input;
      return { outputShape: [h * layer.size, w * layer.size, c], params: 0 };
    }
    case 'conv2dTranspose': {
      const wrong = needsImage('conv2dTranspose', input);
      if (wrong) return wrong;
      const [h = 0, w = 0, c = 0] = input;
      const { kernelSize: k, strides: s, padding } = layer;
      return {
        outputShape: [transposedSide(h, k, s, padding), transposedSide(w, k, s, padding), layer.filters],
        params: k * k * c * layer.filters + layer.filters,
      };
    }
    default: {
      const never: never = layer;
      throw new Error(`unknown decoder layer ${JSON.stringify(never)}`);
    }
  }
}

/** Multiply-adds of one forward pass of one example (for time estimates). */
export function decoderLayerMacs(layer: DecoderLayerSpec, input: Shape): number {
  if (layer.type !== 'conv2dTranspose') return product(input);
  // Every input pixel paints a kernel-sized patch of every filter.
  const [h = 0, w = 0, c = 0] = input;
  return h * w * c * layer.kernelSize * layer.kernelSize * layer.filters;
}
