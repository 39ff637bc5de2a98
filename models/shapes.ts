/**
 * Shape inference and parameter counting for a model spec, without tfjs: the editor shows shapes
 * live and the server checks budgets before it spends a worker on a submission. Must agree with
 * what the tfjs builder produces (tested in tests/unit/models/shapes.test.ts).
 */
import type { LayerSpec, ModelSpec, SpecIssue } from './spec';
import { inferSequenceLayer } from './shapes-sequence';
import { isSequenceLayer } from './spec-sequence';
import { inferDecoderLayer } from './shapes-decoder';
import { isDecoderLayer } from './spec-decoder';

export type Shape = readonly number[];

/**
 * What the last layer must output: a class count (a classifier's [n]) or a whole shape (an
 * autoencoder's: its input's shape, since it rebuilds its input; game/challenges.ts outputTarget).
 */
export type OutputTarget = number | Shape;

export interface LayerInfo {
  /** Output shape without the batch dimension. */
  outputShape: Shape;
  /** Trainable parameters (weights and biases) of this layer. */
  params: number;
}

export type ShapeResult =
  | { ok: true; layers: LayerInfo[]; outputShape: Shape; totalParams: number }
  | { ok: false; issues: SpecIssue[] };

const product = (shape: Shape) => shape.reduce((a, b) => a * b, 1);
const fmt = (shape: Shape) => shape.join('x');

function infer(layer: LayerSpec, input: Shape, index: number): LayerInfo | string {
  if (isSequenceLayer(layer)) return inferSequenceLayer(layer, input, index);
  if (isDecoderLayer(layer)) return inferDecoderLayer(layer, input);
  switch (layer.type) {
    case 'dense': {
      if (layer.bottleneck && input.length !== 1) return `a bottleneck needs a flat input (its units are the code); add a flatten layer before it (input is ${fmt(input)})`;
      // On a sequence [steps, features], dense acts on each step alone (as tfjs's dense does).
      if (input.length === 2) {
        const [steps = 0, features = 0] = input;
        return { outputShape: [steps, layer.units], params: features * layer.units + layer.units };
      }
      if (input.length !== 1) {
        return `dense needs a flat input; add a flatten layer before it (input is ${fmt(input)})`;
      }
      const [inUnits = 0] = input;
      return { outputShape: [layer.units], params: inUnits * layer.units + layer.units };
    }
    case 'conv2d': {
      if (input.length !== 3) return `conv2d needs an image input (height x width x channels), got ${fmt(input)}${input.length === 2 ? ' (a sequence)' : ''}`;
      const [h = 0, w = 0, c = 0] = input;
      const k = layer.kernelSize;
      const span = layer.padding === 'same' ? 1 : k;
      if (h < span || w < span) return `conv2d kernelSize ${k} is larger than its ${h}x${w} input`;
      const out = (n: number) => Math.ceil((n - span + 1) / layer.strides);
      return { outputShape: [out(h), out(w), layer.filters], params: k * k * c * layer.filters + layer.filters };
    }
    case 'maxPooling2d': {
      if (input.length !== 3) return `maxPooling2d needs an image input, got ${fmt(input)}${input.length === 2 ? ' (a sequence: use globalMaxPooling1d)' : ''}`;
      const [h = 0, w = 0, c = 0] = input;
      const p = layer.poolSize;
      if (h < p || w < p) return `maxPooling2d poolSize ${p} is larger than its ${h}x${w} input`;
      return { outputShape: [Math.floor((h - p) / p) + 1, Math.floor((w - p) / p) + 1, c], params: 0 };
    }
    case 'flatten':
      return { outputShape: [product(input)], params: 0 };
    case 'dropout':
      return { outputShape: input, params: 0 };
    default: {
      const never: never = layer;
      throw new Error(`unknown layer ${JSON.stringify(never)}`);
    }
  }
}

/** Why the last layer's output `shape` is not what `target` asks, or null when it is. */
function outputProblem(shape: Shape, target: OutputTarget): string | null {
  if (typeof target !== 'number') {
    const same = shape.length === target.length && shape.every((d, i) => d === target[i]);
    return same ? null : `the last layer must output ${fmt(target)}, the input's own shape (an autoencoder rebuilds its input), got ${fmt(shape)}${shape.length === 1 ? ': end with a reshape to it' : ''}`;
  }
  if (shape.length === 1 && shape[0] === target) return null;
  return `the last layer must output ${target} values (one per class), got ${fmt(shape)}${shape.length === 2 ? ' (still a sequence: reduce it with a recurrent layer, lastStep, a pooling layer or flatten)' : ''}`;
}

/**
 * Walks the layers from `inputShape`; the last layer must output `target`: `[numClasses]` for a
 * class count, or exactly the given shape (an autoencoder's input shape).
 * Stops at the first layer that cannot take its input, naming it.
 */
export function inferShapes(spec: ModelSpec, inputShape: Shape, target: OutputTarget): ShapeResult {
  const layers: LayerInfo[] = [];
  let shape = inputShape;
  for (const [i, layer] of spec.layers.entries()) {
    const info = infer(layer, shape, i);
    if (typeof info === 'string') {
      return { ok: false, issues: [{ path: `layers.${i}`, message: `layers.${i}: ${info}` }] };
    }
    layers.push(info);
    shape = info.outputShape;
  }
  const wrong = outputProblem(shape, target);
  if (wrong) {
    const last = spec.layers.length - 1;
    return { ok: false, issues: [{ path: `layers.${last}`, message: `layers.${last}: ${wrong}` }] };
  }
  const totalParams = layers.reduce((sum, l) => sum + l.params, 0);
  return { ok: true, layers, outputShape: shape, totalParams };
}
