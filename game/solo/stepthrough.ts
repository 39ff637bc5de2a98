/**
 * Forward and back propagation of a tiny two-layer network, by hand and in plain numbers, so the
 * step-through challenge can show every activation, gradient and weight update on the diagram.
 * No tfjs here on purpose: the test checks these numbers against tfjs's own gradients.
 */

export type Matrix = number[][];
export type HiddenActivation = 'sigmoid' | 'tanh' | 'relu';
export type OutputActivation = 'linear' | 'sigmoid' | 'softmax';
export type StepLoss = 'meanSquaredError' | 'categoricalCrossentropy';

export interface TinyNet {
  /** inputs × hidden */
  w1: Matrix;
  b1: number[];
  /** hidden × outputs */
  w2: Matrix;
  b2: number[];
  hidden: HiddenActivation;
  output: OutputActivation;
}

export interface ForwardTrace {
  z1: Matrix;
  a1: Matrix;
  z2: Matrix;
  /** The network's outputs (predictions), batch × outputs. */
  a2: Matrix;
  /** Mean loss over the batch. */
  loss: number;
}

export interface Gradients {
  dw1: Matrix;
  db1: number[];
  dw2: Matrix;
  db2: number[];
  /** dLoss/dz at each layer, batch × units: what flows backwards. */
  dz1: Matrix;
  dz2: Matrix;
}

/** tfjs clips predictions to [EPSILON, 1 - EPSILON] inside categorical cross-entropy. */
const EPSILON = 1e-7;

const matmul = (a: Matrix, b: Matrix): Matrix =>
  a.map((row) => (b[0] ?? []).map((_, j) => row.reduce((s, v, k) => s + v * (b[k]?.[j] ?? 0), 0)));
const transpose = (a: Matrix): Matrix => (a[0] ?? []).map((_, j) => a.map((row) => row[j] ?? 0));
const addBias = (a: Matrix, b: number[]): Matrix => a.map((row) => row.map((v, j) => v + (b[j] ?? 0)));
const colSums = (a: Matrix): number[] => (a[0] ?? []).map((_, j) => a.reduce((s, row) => s + (row[j] ?? 0), 0));

function activate(z: Matrix, act: HiddenActivation | OutputActivation): Matrix {
  if (act === 'softmax') {
    return z.map((row) => {
      const m = Math.max(...row);
      const e = row.map((v) => Math.exp(v - m));
      const s = e.reduce((x, y) => x + y, 0);
      return e.map((v) => v / s);
    });
  }
  const f = { sigmoid: (v: number) => 1 / (1 + Math.exp(-v)), tanh: Math.tanh, relu: (v: number) => Math.max(0, v), linear: (v: number) => v }[act];
  return z.map((row) => row.map(f));
}

/** dL/dz from dL/da through the activation (a is its output). */
function backActivation(da: Matrix, a: Matrix, z: Matrix, act: HiddenActivation | OutputActivation): Matrix {
  return da.map((row, i) =>
    row.map((g, j) => {
      const av = a[i]?.[j] ?? 0;
      switch (act) {
        case 'sigmoid':
          return g * av * (1 - av);
        case 'tanh':
          return g * (1 - av * av);
        case 'relu':
          return (z[i]?.[j] ?? 0) > 0 ? g : 0;
        case 'linear':
          return g;
        case 'softmax': {
          const dot = row.reduce((s, gk, k) => s + gk * (a[i]?.[k] ?? 0), 0);
          return av * (g - dot);
        }
      }
    }),
  );
}

function lossOf(a2: Matrix, y: Matrix, loss: StepLoss): { value: number; da2: Matrix } {
  const batch = a2.length;
  if (loss === 'meanSquaredError') {
    const outs = a2[0]?.length ?? 1;
    const value = a2.reduce((s, row, i) => s + row.reduce((t, v, j) => t + (v - (y[i]?.[j] ?? 0)) ** 2, 0) / outs, 0) / batch;
    return { value, da2: a2.map((row, i) => row.map((v, j) => (2 * (v - (y[i]?.[j] ?? 0))) / (outs * batch))) };
  }
  // tfjs: p / Σp, clipped, then −Σ y log p; the normalisation's gradient is kept for non-softmax outputs.
  let value = 0;
  const da2 = a2.map((row, i) => {
    const sum = row.reduce((s, v) => s + v, 0);
    const yi = y[i] ?? [];
    const p = row.map((v) => Math.min(1 - EPSILON, Math.max(EPSILON, v / sum)));
    value += -p.reduce((s, pv, j) => s + (yi[j] ?? 0) * Math.log(pv), 0);
    const dp = p.map((pv, j) => (pv <= EPSILON || pv >= 1 - EPSILON ? 0 : -(yi[j] ?? 0) / pv / batch));
    const dot = dp.reduce((s, g, k) => s + g * (row[k] ?? 0), 0) / sum;
    return dp.map((g) => (g - dot) / sum);
  });
  return { value: value / batch, da2 };
}

export function forward(net: TinyNet, x: Matrix, y: Matrix, loss: StepLoss): ForwardTrace {
  const z1 = addBias(matmul(x, net.w1), net.b1);
  const a1 = activate(z1, net.hidden);
  const z2 = addBias(matmul(a1, net.w2), net.b2);
  const a2 = activate(z2, net.output);
  return { z1, a1, z2, a2, loss: lossOf(a2, y, loss).value };
}

export function backward(net: TinyNet, x: Matrix, y: Matrix, loss: StepLoss, trace: ForwardTrace): Gradients {
  const { da2 } = lossOf(trace.a2, y, loss);
  const dz2 = backActivation(da2, trace.a2, trace.z2, net.output);
  const dw2 = matmul(transpose(trace.a1), dz2);
  const db2 = colSums(dz2);
  const da1 = matmul(dz2, transpose(net.w2));
  const dz1 = backActivation(da1, trace.a1, trace.z1, net.hidden);
  return { dw1: matmul(transpose(x), dz1), db1: colSums(dz1), dw2, db2, dz1, dz2 };
}

/** One plain gradient-descent update: w ← w − learningRate · dL/dw. */
export function sgdUpdate(net: TinyNet, g: Gradients, learningRate: number): TinyNet {
  const stepM = (w: Matrix, d: Matrix) => w.map((row, i) => row.map((v, j) => v - learningRate * (d[i]?.[j] ?? 0)));
  const stepV = (b: number[], d: number[]) => b.map((v, j) => v - learningRate * (d[j] ?? 0));
  return { ...net, w1: stepM(net.w1, g.dw1), b1: stepV(net.b1, g.db1), w2: stepM(net.w2, g.dw2), b2: stepV(net.b2, g.db2) };
}
