/**
 * One batch's inputs and one shard's gradients: the pieces a training step is made of, shared by the
 * loop (models/train.ts) and the replicas that train a share of each batch (models/parallel.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { augmentImages, augments } from './augment';
import type { LossFn } from './build';
import type { AugmentSpec } from './spec';
import type { XY } from './tensors';

/** The batch's inputs, augmented when the spec asks (images only; a new draw per batch and epoch). */
export function batchInputs(data: XY, indices: tf.Tensor1D, augment: AugmentSpec | undefined, seed: number): tf.Tensor {
  const xb = tf.gather(data.xs, indices);
  if (!augments(augment) || xb.rank !== 4) return xb;
  const out = augmentImages(xb as tf.Tensor4D, augment, seed);
  xb.dispose();
  return out;
}

/** The variables an optimizer step changes, in the model's (the spec's) order on every replica. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

export interface ShardContext {
  model: tf.LayersModel;
  lossFn: LossFn;
  train: XY;
  augment?: AugmentSpec;
}

/**
 * The loss a step minimizes on these rows, with its accuracy: the mean loss plus the layers' L1/L2
 * penalties, as Keras does. Call it inside a gradient tape (minimize, variableGrads): everything
 * made here is freed there except the returned loss and the kept accuracy.
 */
export function stepLoss(ctx: ShardContext, xb: tf.Tensor, yb: tf.Tensor): { loss: () => tf.Scalar; acc: () => tf.Tensor } {
  let accT: tf.Tensor | undefined;
  return {
    loss: () => {
      const pred = ctx.model.apply(xb, { training: true }) as tf.Tensor;
      // An autoencoder's targets are images: an argmax over their one channel would call every pixel right.
      accT = tf.keep(ctx.train.targets === 'inputs' ? tf.scalar(NaN) : tf.metrics.categoricalAccuracy(yb, pred).mean());
      const penalties = ctx.model.calculateLosses();
      const base = ctx.lossFn(yb, pred).mean() as tf.Scalar;
      return penalties.length > 0 ? (tf.addN([base, ...penalties]) as tf.Scalar) : base;
    },
    acc: () => accT as tf.Tensor,
  };
}

/** One shard's gradients (trainableVariables' order), mean loss and accuracy; nothing is applied. */
export function shardGradients(ctx: ShardContext, indices: tf.Tensor1D, augmentSeed: number): { grads: tf.Tensor[]; loss: tf.Scalar; acc: tf.Tensor } {
  const xb = batchInputs(ctx.train, indices, ctx.augment, augmentSeed);
  const yb = tf.gather(ctx.train.ys, indices);
  try {
    const vars = trainableVariables(ctx.model);
    const step = stepLoss(ctx, xb, yb);
    const { value, grads } = tf.variableGrads(step.loss, vars);
    // A variable the loss does not reach (a frozen path) gets a zero gradient, so every replica sends one per variable.
    return { grads: vars.map((v) => grads[v.name] ?? tf.zerosLike(v)), loss: value, acc: step.acc() };
  } finally {
    tf.dispose([xb, yb]);
  }
}
