/**
 * What a trained sequence model does with one example, for the views: every recurrent layer's
 * hidden state at each step (and an LSTM's cell state and gates, a GRU's gates), every attention
 * layer's weights per head. The recurrent steps are recomputed in plain JS from the layer's own
 * weights with tfjs's formulas (tested to end on the layer's output); attention uses the layer's
 * own maths (models/attention.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { attend, SelfAttention } from './attention';
import type { ModelSpec } from './spec';
import type { RecurrentLayerSpec } from './spec-sequence';

type Grid = number[][];

export type RecurrentTrace = {
  index: number;
  type: RecurrentLayerSpec['type'];
  /** Hidden state h_t after each step: [steps][units]. */
  states: Grid;
  /** LSTM only: the cell state c_t after each step. */
  cells?: Grid;
  /** LSTM: input, forget, output, candidate; GRU: update, reset, candidate. Each [steps][units]. */
  gates?: Record<string, Grid>;
};
export type AttentionTrace = {
  index: number;
  type: 'selfAttention';
  /** [heads][query step][key step]; each row sums to 1. */
  maps: number[][][];
};
export type LayerTrace = RecurrentTrace | AttentionTrace;
export interface SequenceTrace {
  layers: LayerTrace[];
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const ACT: Record<string, (v: number) => number> = { linear: (v) => v, sigmoid, tanh: Math.tanh, relu: (v) => Math.max(0, v) };

/** x [F] times the columns [from, from + n) of a row-major [F][cols] matrix. */
function project(x: ArrayLike<number>, m: Float32Array, cols: number, from: number, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] ?? 0;
    if (xi === 0) continue;
    const row = i * cols + from;
    for (let j = 0; j < n; j++) out[j]! += xi * (m[row + j] ?? 0);
  }
  return out;
}

const add = (...vs: number[][]) => vs[0]!.map((_, j) => vs.reduce((s, v) => s + (v[j] ?? 0), 0));

/** The gate blocks' pre-activations of step x given h: block k is columns [k·u, (k+1)·u). */
function blocks(x: number[], h: number[], w: Float32Array[], u: number, n: number, recurrentToo: boolean[]): number[][] {
  const [kernel, recurrent, bias] = w as [Float32Array, Float32Array, Float32Array];
  return Array.from({ length: n }, (_, k) => {
    const fromX = project(x, kernel, n * u, k * u, u);
    const b = Array.from(bias.subarray(k * u, (k + 1) * u));
    return recurrentToo[k] ? add(fromX, project(h, recurrent, n * u, k * u, u), b) : add(fromX, b);
  });
}

function traceRecurrent(index: number, spec: RecurrentLayerSpec, xs: Grid, w: Float32Array[]): RecurrentTrace {
  const u = spec.units;
  let h = new Array<number>(u).fill(0);
  let c = new Array<number>(u).fill(0);
  const states: Grid = [];
  const cells: Grid = [];
  const gates: Record<string, Grid> = {};
  const push = (name: string, v: number[]) => (gates[name] ??= []).push(v);
  for (const x of xs) {
    if (spec.type === 'simpleRNN') {
      h = blocks(x, h, w, u, 1, [true])[0]!.map(ACT[spec.activation] ?? Math.tanh);
    } else if (spec.type === 'lstm') {
      const [i, f, g, o] = blocks(x, h, w, u, 4, [true, true, true, true]) as [number[], number[], number[], number[]];
      const [ig, fg, og, cand] = [i.map(sigmoid), f.map(sigmoid), o.map(sigmoid), g.map(Math.tanh)];
      c = c.map((cj, j) => fg[j]! * cj + ig[j]! * cand[j]!);
      h = c.map((cj, j) => og[j]! * Math.tanh(cj));
      push('input', ig), push('forget', fg), push('output', og), push('candidate', cand);
      cells.push(c);
    } else {
      // tfjs's GRU: the reset gate scales h before its recurrent product (no "reset after").
      const [xz, xr, xh] = blocks(x, h, w, u, 3, [true, true, false]) as [number[], number[], number[]];
      const z = xz.map(sigmoid);
      const r = xr.map(sigmoid);
      const recurrentH = project(h.map((hj, j) => hj * r[j]!), w[1]!, 3 * u, 2 * u, u);
      const cand = add(xh, recurrentH).map(Math.tanh);
      h = h.map((hj, j) => z[j]! * hj + (1 - z[j]!) * cand[j]!);
      push('update', z), push('reset', r), push('candidate', cand);
    }
    states.push(h);
  }
  return { index, type: spec.type, states, ...(spec.type === 'lstm' && { cells }), ...(spec.type !== 'simpleRNN' && { gates }) };
}

const toGrid = (data: Float32Array | Int32Array | Uint8Array, steps: number, width: number): Grid =>
  Array.from({ length: steps }, (_, t) => Array.from(data.subarray(t * width, (t + 1) * width)));

/**
 * Runs one example (steps × features floats, step after step) through `model` (built from `spec`)
 * and returns the trace of each recurrent and attention layer. Frees every tensor it makes.
 */
export async function inspectSequence(model: tf.LayersModel, spec: ModelSpec, example: Float32Array, inputShape: readonly number[]): Promise<SequenceTrace> {
  const [steps = 0, features = 0] = inputShape;
  if (inputShape.length !== 2 || example.length !== steps * features) {
    throw new Error(`inspectSequence needs one example of ${steps}x${features} values, got ${example.length}`);
  }
  const out: LayerTrace[] = [];
  let x: tf.Tensor = tf.tensor3d(example, [1, steps, features]);
  try {
    for (const [index, layerSpec] of spec.layers.entries()) {
      const layer = model.layers[index];
      if (!layer) break;
      if (layerSpec.type === 'simpleRNN' || layerSpec.type === 'lstm' || layerSpec.type === 'gru') {
        const [, t = 0, f = 0] = x.shape;
        const xs = toGrid((await x.data()) as Float32Array, t, f);
        const w = await Promise.all(layer.getWeights().map((v) => v.data() as Promise<Float32Array>));
        out.push(traceRecurrent(index, layerSpec, xs, w));
      } else if (layerSpec.type === 'selfAttention' && layer instanceof SelfAttention) {
        const weights = tf.tidy(() => attendWeights(layer, x as tf.Tensor3D));
        const [, heads = 0, t = 0] = weights.shape;
        const data = (await weights.data()) as Float32Array;
        weights.dispose();
        out.push({ index, type: 'selfAttention', maps: Array.from({ length: heads }, (_, h) => toGrid(data.subarray(h * t * t, (h + 1) * t * t), t, t)) });
      }
      const next = layer.apply(x) as tf.Tensor;
      x.dispose();
      x = next;
    }
  } finally {
    x.dispose();
  }
  return { layers: out };
}

function attendWeights(layer: SelfAttention, x: tf.Tensor3D): tf.Tensor4D {
  const { output, weights } = attend(x, layer.currentWeights(), layer.cfg);
  output.dispose();
  return weights;
}
