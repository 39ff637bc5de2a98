/**
 * The one builder that turns a validated spec into a tfjs model, in the browser and on the server.
 * Pure: it checks shapes first (models/shapes.ts) and returns an uncompiled model; training lives
 * in models/train.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { makeSequenceLayer } from './build-sequence';
import { makeDecoderLayer } from './build-decoder';
import { inferShapes } from './shapes';
import { isSequenceLayer } from './spec-sequence';
import { isDecoderLayer } from './spec-decoder';
import type { LayerSpec, ModelSpec, OptimizerSpec, SpecIssue, TrainingSpec } from './spec';

/** Thrown by buildModel for a spec whose layers do not fit together; `issues` name the layer. */
export class SpecError extends Error {
  constructor(readonly issues: SpecIssue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'SpecError';
  }
}

export interface BuildOptions {
  /** Shape of one example, without the batch dimension. */
  inputShape: readonly number[];
  numClasses: number;
  /**
   * An autoencoder's output shape (its input shape): the last layer must output exactly this
   * instead of `[numClasses]` (game/challenges.ts buildTarget).
   */
  outputShape?: readonly number[];
}

const DEFAULT_MOMENTUM = 0.9;

/** L1/L2 weight decay on the kernel (biases are left free, as is usual). */
function regularizer(layer: { l1?: number; l2?: number }): { kernelRegularizer?: ReturnType<typeof tf.regularizers.l1l2> } {
  const l1 = layer.l1 ?? 0;
  const l2 = layer.l2 ?? 0;
  return l1 > 0 || l2 > 0 ? { kernelRegularizer: tf.regularizers.l1l2({ l1, l2 }) } : {};
}

function makeLayer(layer: LayerSpec, seed: number, inputShape?: number[]): tf.layers.Layer {
  if (isSequenceLayer(layer)) return makeSequenceLayer(layer, seed, inputShape);
  if (isDecoderLayer(layer)) return makeDecoderLayer(layer, seed, inputShape);
  const input = inputShape ? { inputShape } : {};
  // A seeded initialiser per layer makes the starting weights a function of the spec alone.
  const init = { kernelInitializer: tf.initializers.glorotUniform({ seed }), biasInitializer: 'zeros' as const };
  switch (layer.type) {
    case 'dense':
      return tf.layers.dense({ ...input, ...init, ...regularizer(layer), units: layer.units, activation: layer.activation });
    case 'conv2d':
      return tf.layers.conv2d({
        ...input,
        ...init,
        ...regularizer(layer),
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: layer.activation,
      });
    case 'maxPooling2d':
      return tf.layers.maxPooling2d({ ...input, poolSize: layer.poolSize, strides: layer.poolSize, padding: 'valid' });
    case 'flatten':
      return tf.layers.flatten(input);
    case 'dropout':
      // Not seeded on purpose: tfjs reuses a seeded mask on every step, which is no dropout at all.
      return tf.layers.dropout({ ...input, rate: layer.rate });
    default: {
      const never: never = layer;
      throw new Error(`unknown layer type ${JSON.stringify(never)}`);
    }
  }
}

export function buildModel(spec: ModelSpec, opts: BuildOptions): tf.Sequential {
  const shapes = inferShapes(spec, opts.inputShape, opts.outputShape ?? opts.numClasses);
  if (!shapes.ok) throw new SpecError(shapes.issues);
  const model = tf.sequential();
  spec.layers.forEach((layer, i) => {
    model.add(makeLayer(layer, spec.training.seed + i, i === 0 ? [...opts.inputShape] : undefined));
  });
  return model;
}

export function createOptimizer(o: OptimizerSpec): tf.Optimizer {
  switch (o.type) {
    case 'sgd':
      return tf.train.sgd(o.learningRate);
    case 'momentum':
      return tf.train.momentum(o.learningRate, o.momentum ?? DEFAULT_MOMENTUM);
    case 'adagrad':
      return tf.train.adagrad(o.learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(o.learningRate);
    case 'adam':
      return o.beta1 === undefined ? tf.train.adam(o.learningRate) : tf.train.adam(o.learningRate, o.beta1);
    default: {
      const never: never = o.type;
      throw new Error(`unknown optimizer ${String(never)}`);
    }
  }
}

/**
 * tfjs 4.22's MomentumOptimizer.dispose() forgets its parent's learning-rate scalar (`c`, kept by
 * SGDOptimizer): one tensor lost per momentum optimizer unless it is disposed here too.
 */
export function disposeOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  const c = (opt as unknown as { c?: tf.Tensor }).c;
  if (opt instanceof tf.MomentumOptimizer && c && !c.isDisposed) c.dispose();
}

export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** Per-example loss for the spec's loss name. */
export function lossFunction(loss: TrainingSpec['loss']): LossFn {
  switch (loss) {
    case 'categoricalCrossentropy':
      return (yTrue, yPred) => tf.metrics.categoricalCrossentropy(yTrue, yPred);
    case 'meanSquaredError':
      return (yTrue, yPred) => tf.metrics.meanSquaredError(yTrue, yPred);
    default: {
      const never: never = loss;
      throw new Error(`unknown loss ${String(never)}`);
    }
  }
}
