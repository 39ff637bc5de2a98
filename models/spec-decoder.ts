/**
 * The decoder part of the model vocabulary (issue 18): what an autoencoder needs to grow a short
 * code back into an image. `reshape` turns a flat vector into an image (or the other way),
 * `upSampling2d` repeats each pixel (no weights), `conv2dTranspose` learns to paint a larger image
 * from a smaller one. The code itself is a dense layer marked `bottleneck: true` (models/spec.ts):
 * its units are the code length, and an autoencoder spec has exactly one (autoencoderIssues).
 * See models/shapes-decoder.ts for what fits where. No tfjs here (same reason as models/spec.ts).
 */
import { z } from 'zod';

export const DECODER_LAYER_TYPES = ['reshape', 'upSampling2d', 'conv2dTranspose'] as const;

export const DECODER_LIMITS = {
  /** Largest side or channel count a reshape may ask for. */
  maxReshapeDim: 4096,
  maxUpSampling: 4,
} as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** Same bounds as conv2d's (models/spec.ts SPEC_LIMITS), repeated to avoid an import cycle. */
const CONV = { maxFilters: 128, maxKernelSize: 7, maxStrides: 4, maxWeightDecay: 0.1 } as const;

/** models/spec.ts ACTIVATIONS, repeated to avoid an import cycle (the types are the same union). */
export const DECODER_ACTIVATIONS = ['linear', 'sigmoid', 'tanh', 'relu', 'softmax'] as const;

export const reshapeLayerSchema = z.strictObject({
  type: z.literal('reshape'),
  /** The new shape without the batch: [h, w, c] for an image, [n] for a flat vector. */
  targetShape: z.array(int(1, DECODER_LIMITS.maxReshapeDim)).min(1).max(3),
});

export const upSampling2dLayerSchema = z.strictObject({
  type: z.literal('upSampling2d'),
  /** Each pixel becomes a size × size block: the image grows by `size` on each side. */
  size: int(2, DECODER_LIMITS.maxUpSampling),
});

const decay = z.number().min(0).max(CONV.maxWeightDecay).optional();

export const conv2dTransposeLayerSchema = z.strictObject({
  type: z.literal('conv2dTranspose'),
  filters: int(1, CONV.maxFilters),
  kernelSize: int(1, CONV.maxKernelSize),
  /** The image grows by this factor on each side ('same' padding). */
  strides: int(1, CONV.maxStrides),
  padding: z.enum(['same', 'valid']),
  activation: z.enum(DECODER_ACTIVATIONS),
  l1: decay,
  l2: decay,
});

export const decoderLayerSchemas = [reshapeLayerSchema, upSampling2dLayerSchema, conv2dTransposeLayerSchema] as const;

export type DecoderLayerSpec = z.infer<(typeof decoderLayerSchemas)[number]>;
export type DecoderLayerType = (typeof DECODER_LAYER_TYPES)[number];

export const isDecoderLayerType = (type: string): type is DecoderLayerType =>
  (DECODER_LAYER_TYPES as readonly string[]).includes(type);
export const isDecoderLayer = (layer: { type: string }): layer is DecoderLayerSpec => isDecoderLayerType(layer.type);

/** A new layer of each decoder type, as the editor adds it (app LayerEditor's NEW_LAYER). */
export const NEW_DECODER_LAYER: { [K in DecoderLayerType]: Extract<DecoderLayerSpec, { type: K }> } = {
  reshape: { type: 'reshape', targetShape: [8, 8, 1] },
  upSampling2d: { type: 'upSampling2d', size: 2 },
  conv2dTranspose: { type: 'conv2dTranspose', filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
};

/** What the bottleneck rules read of a spec (a structural type: no import of models/spec.ts). */
interface LayersOf {
  layers: readonly { type: string; bottleneck?: boolean; units?: number }[];
}

/** Indices of the layers marked as the bottleneck, in order. */
export function bottleneckIndices(spec: LayersOf): number[] {
  return spec.layers.flatMap((l, i) => (l.bottleneck === true ? [i] : []));
}

/** Index of the one bottleneck layer; null when there is none or more than one. */
export function bottleneckIndex(spec: LayersOf): number | null {
  const found = bottleneckIndices(spec);
  return found.length === 1 ? (found[0] ?? null) : null;
}

/**
 * The code length: the units of the one bottleneck layer, read from the spec (the stored one on the
 * server, never a number a client sent). Null when the spec has no single bottleneck.
 */
export function codeLength(spec: LayersOf): number | null {
  const i = bottleneckIndex(spec);
  return i === null ? null : (spec.layers[i]?.units ?? null);
}

/** An issue about the bottleneck, with the dotted path it concerns. */
export interface BottleneckIssue {
  path: string;
  message: string;
}

/**
 * What an autoencoder spec must have beyond fitting shapes: exactly one bottleneck, and at least
 * one layer after it (the decoder). Empty when it is fine.
 */
export function autoencoderIssues(spec: LayersOf): BottleneckIssue[] {
  const found = bottleneckIndices(spec);
  if (found.length === 0) {
    return [{ path: 'layers', message: 'layers: an autoencoder needs one dense layer marked bottleneck: true (its units are the code length)' }];
  }
  if (found.length > 1) {
    const at = found.map((i) => `layers.${i}`).join(', ');
    return found.slice(1).map((i) => ({ path: `layers.${i}.bottleneck`, message: `layers.${i}.bottleneck: an autoencoder has exactly one bottleneck; ${at} are all marked` }));
  }
  const i = found[0] ?? 0;
  if (i === spec.layers.length - 1) {
    return [{ path: `layers.${i}.bottleneck`, message: `layers.${i}.bottleneck: the bottleneck is the last layer; a decoder must follow it to rebuild the image` }];
  }
  return [];
}

/** A bottleneck outside an autoencoder challenge: the mark means nothing there, so it is refused. */
export function strayBottleneckIssues(spec: LayersOf): BottleneckIssue[] {
  return bottleneckIndices(spec).map((i) => ({ path: `layers.${i}.bottleneck`, message: `layers.${i}.bottleneck: only an autoencoder challenge takes a bottleneck` }));
}
