/**
 * "The same optimizers on a real task": one small network trained once per optimizer on the
 * activation challenge's circle points, from the same initial weights and the same batches, so the
 * loss curves differ only by the optimizer. Imported dynamically: it pulls in tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { modelChallenge } from '../../../../game/challenges';
import { buildModel, createOptimizer, disposeOptimizer } from '../../../../models/build';
import { generatedSplits } from '../../../../game/challenge-data';
import type { ModelSpec, OptimizerSpec } from '../../../../models/spec';
import { splitToTensors } from '../../../../models/tensors';

export const REAL_TASK_OPTIMIZERS = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const satisfies readonly OptimizerSpec['type'][];
export type RealTaskOptimizer = (typeof REAL_TASK_OPTIMIZERS)[number];
export const REAL_TASK_EPOCHS = 20;
const BATCH_SIZE = 32;
const MOMENTUM = 0.9;
/** Same seed for every optimizer: the same initial weights. */
const SEED = 7;

export function realTaskSpec(optimizer: RealTaskOptimizer, learningRate: number, epochs = REAL_TASK_EPOCHS): ModelSpec {
  return {
    version: 1,
    layers: [
      { type: 'dense', units: 8, activation: 'tanh' },
      { type: 'dense', units: 2, activation: 'softmax' },
    ],
    training: {
      loss: 'categoricalCrossentropy',
      optimizer: { type: optimizer, learningRate, ...(optimizer === 'momentum' ? { momentum: MOMENTUM } : {}) },
      batchSize: BATCH_SIZE,
      epochs,
      seed: SEED,
    },
  };
}

export interface RealTaskRun {
  optimizer: RealTaskOptimizer;
  /** Training loss after each epoch. */
  losses: number[];
  /** Share of the validation points classified right at the end. */
  valAccuracy: number;
}

export interface RealTaskHooks {
  onEpoch?: (optimizer: RealTaskOptimizer, epoch: number, loss: number) => void;
  /** Checked between epochs: true stops the remaining training. */
  cancelled?: () => boolean;
}

/** Trains one model per optimizer, one after another; every tensor is disposed before it returns. */
export async function raceOnRealTask(learningRate: number, hooks: RealTaskHooks = {}, epochs = REAL_TASK_EPOCHS): Promise<RealTaskRun[]> {
  const challenge = modelChallenge('activations');
  const splits = generatedSplits(challenge);
  if (!splits) throw new Error('the activations challenge has no generated points');
  const train = splitToTensors(splits.train, challenge.numClasses);
  const val = splitToTensors(splits.val, challenge.numClasses);
  const runs: RealTaskRun[] = [];
  try {
    for (const optimizer of REAL_TASK_OPTIMIZERS) {
      if (hooks.cancelled?.()) break;
      const spec = realTaskSpec(optimizer, learningRate, epochs);
      const model = buildModel(spec, { inputShape: challenge.inputShape, numClasses: challenge.numClasses });
      const opt = createOptimizer(spec.training.optimizer);
      try {
        model.compile({ optimizer: opt, loss: 'categoricalCrossentropy' });
        const losses: number[] = [];
        await model.fit(train.xs, train.ys, {
          epochs,
          batchSize: BATCH_SIZE,
          // Same batches in the same order for every optimizer.
          shuffle: false,
          verbose: 0,
          callbacks: {
            onEpochEnd: async (epoch, logs) => {
              const loss = Number(logs?.loss ?? NaN);
              losses.push(loss);
              hooks.onEpoch?.(optimizer, epoch, loss);
              if (hooks.cancelled?.()) model.stopTraining = true;
            },
          },
        });
        const valAccuracy = tf.tidy(() => {
          const pred = (model.predict(val.xs) as tf.Tensor).argMax(-1);
          return pred.equal(val.ys.argMax(-1)).mean().dataSync()[0] ?? 0;
        });
        runs.push({ optimizer, losses, valAccuracy });
      } finally {
        model.dispose();
        disposeOptimizer(opt);
      }
    }
  } finally {
    tf.dispose([train.xs, train.ys, val.xs, val.ys]);
  }
  return runs;
}

/**
 * The tiny model trains fastest on the plain CPU backend (no GPU upload per batch). Set before any
 * op: asking tfjs which backend it has would start its default (WebGL) first.
 */
export async function selectCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
