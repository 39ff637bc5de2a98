/**
 * What the 2-D studio shows of a live model: its predicted class-1 probability over a grid (the
 * decision-boundary heatmap), the mean size of each dense layer's weight gradient on one batch (the
 * vanishing-gradient view), and a single neuron's weights and bias. Every tensor made here is
 * disposed before the function returns; the caller owns the model and the tensors it passes in.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossFn } from './build';

/** A square region of the input plane: both coordinates run from `min` to `max`. */
export interface ProbeView {
  min: number;
  max: number;
  /** Grid points per side. */
  size: number;
}

/** One neuron y = f(w₁x₁ + w₂x₂ + b); its decision line is w₁x₁ + w₂x₂ + b = 0. */
export interface Neuron {
  w: [number, number];
  b: number;
}

/**
 * The grid's points as `size × size` rows of (x₁, x₂), row 0 at the top (x₂ = max), left to right,
 * so index `row * size + col` is the canvas pixel order.
 */
export function gridPoints(view: ProbeView): Float32Array {
  const { min, max, size } = view;
  const out = new Float32Array(size * size * 2);
  const step = size > 1 ? (max - min) / (size - 1) : 0;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const i = 2 * (row * size + col);
      out[i] = min + col * step;
      out[i + 1] = max - row * step;
    }
  }
  return out;
}

/** The model's class-1 probability at each of `points` ([n, 2]), in the same order. */
export async function predictClass1(model: tf.LayersModel, points: tf.Tensor2D): Promise<Float32Array> {
  const p1 = tf.tidy(() => {
    const out = model.predict(points) as tf.Tensor2D;
    // A one-column output (none today) would be its own class-1 probability.
    return out.shape[1] === 1 ? out.reshape([-1]) : out.slice([0, 1], [-1, 1]).reshape([-1]);
  });
  try {
    return Float32Array.from(await p1.data());
  } finally {
    p1.dispose();
  }
}

/** The kernel variable of every dense layer, first to last. */
function denseKernels(model: tf.LayersModel): tf.Variable[] {
  const out: tf.Variable[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'Dense') continue;
    // A LayerVariable's read() is its backing tf.Variable, which is what variableGrads differentiates.
    const kernel = layer.trainableWeights[0]?.read();
    if (kernel instanceof tf.Variable) out.push(kernel);
  }
  return out;
}

/**
 * Mean |∂loss/∂W| of each dense layer's kernel, first layer first, on the batch (xs, ys): how
 * strongly one step of gradient descent would move that layer's weights.
 */
export async function gradientMagnitudes(model: tf.LayersModel, lossFn: LossFn, xs: tf.Tensor, ys: tf.Tensor): Promise<number[]> {
  const kernels = denseKernels(model);
  if (kernels.length === 0) return [];
  const means = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => lossFn(ys, model.apply(xs, { training: true }) as tf.Tensor).mean() as tf.Scalar, kernels);
    value.dispose();
    return tf.stack(kernels.map((k) => (grads[k.name] as tf.Tensor).abs().mean()));
  });
  try {
    return Array.from(await means.data());
  } finally {
    means.dispose();
  }
}

/**
 * The one neuron inside a model that is a single dense layer from 2 inputs to a 2-class softmax:
 * softmax over two outputs is the sigmoid of their difference, so p(class 1) = σ(w·x + b) with
 * w = W[:,1] − W[:,0] and b = b₁ − b₀. Null for any other model.
 */
export async function singleNeuron(model: tf.LayersModel): Promise<Neuron | null> {
  if (model.layers.length !== 1) return null;
  const layer = model.layers[0];
  if (!layer || layer.getClassName() !== 'Dense') return null;
  // getWeights() hands out the layer's own variables: read them, never dispose them.
  const [kernel, bias] = layer.getWeights();
  if (!kernel || !bias || kernel.shape[0] !== 2 || kernel.shape[1] !== 2) return null;
  const [k, b] = await Promise.all([kernel.data(), bias.data()]);
  return neuronFromDense(k, b);
}

/** The equivalent neuron of a 2→2 softmax layer, from its kernel ([in][out], row-major) and bias. */
export function neuronFromDense(kernel: ArrayLike<number>, bias: ArrayLike<number>): Neuron {
  const at = (a: ArrayLike<number>, i: number) => a[i] ?? 0;
  return { w: [at(kernel, 1) - at(kernel, 0), at(kernel, 3) - at(kernel, 2)], b: at(bias, 1) - at(bias, 0) };
}

/** What the studio draws of the model at one moment of a run. */
export interface Probe {
  /** Fractional epoch the model had trained for (0 = untrained). */
  at: number;
  /** Grid points per side. */
  size: number;
  /** Class-1 probability per grid point, in gridPoints order. */
  grid: Float32Array;
  /** Mean |∂loss/∂W| per dense layer (first first), when measured at this moment. */
  gradients?: number[];
  /** The single neuron, when the model is one. */
  neuron?: Neuron;
}

/** Examples of the gradient batch: the first ones of the training set (enough for a stable mean). */
export const GRADIENT_BATCH = 64;

export interface Prober {
  probe(at: number, withGradients: boolean): Promise<Probe>;
  /** Frees the grid and the gradient batch (the model stays the caller's). */
  dispose(): void;
}

/**
 * Probes `model` on `view`'s grid, and its gradients on the first GRADIENT_BATCH training examples.
 * The grid and the batch are made once per run, so a probe allocates nothing that outlives it.
 */
export function makeProber(model: tf.LayersModel, lossFn: LossFn, train: { xs: tf.Tensor; ys: tf.Tensor }, view: ProbeView): Prober {
  const grid = tf.tensor2d(gridPoints(view), [view.size * view.size, 2]);
  const n = Math.min(GRADIENT_BATCH, train.xs.shape[0] ?? 0);
  const xs = train.xs.slice(0, n);
  const ys = train.ys.slice(0, n);
  return {
    async probe(at, withGradients) {
      const values = await predictClass1(model, grid);
      const probe: Probe = { at, size: view.size, grid: values };
      if (withGradients && n > 0) probe.gradients = await gradientMagnitudes(model, lossFn, xs, ys);
      const neuron = await singleNeuron(model);
      if (neuron) probe.neuron = neuron;
      return probe;
    },
    dispose() {
      tf.dispose([grid, xs, ys]);
    },
  };
}
