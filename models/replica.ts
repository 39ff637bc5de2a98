/**
 * A replica of the model being trained, for data-parallel steps (models/parallel.ts): the same spec
 * built the same way, the same training rows, and per step the weights the loop sends; it returns
 * the gradient of its shard and changes no weights of its own. Runs in a Web Worker
 * (models/parallel-worker.ts) and, for tests, in the caller's thread (localPeer).
 */
import * as tf from '@tensorflow/tfjs';
import { shardGradients, trainableVariables } from './batch';
import { buildModel, lossFunction } from './build';
import type { Examples } from './challenge-data';
import type { GradientPeer, ShardRequest, ShardResult } from './parallel';
import type { ModelSpec } from './spec';
import { splitToTensors } from './tensors';

export interface ReplicaInit {
  spec: ModelSpec;
  inputShape: number[];
  numClasses: number;
  /** An autoencoder's output shape, as buildModel takes it. */
  outputShape?: number[];
  train: Examples;
}

export interface Replica {
  gradients(req: ShardRequest): ShardResult;
  dispose(): void;
}

const build = (init: ReplicaInit) =>
  buildModel(init.spec, { inputShape: init.inputShape, numClasses: init.numClasses, ...(init.outputShape ? { outputShape: init.outputShape } : {}) });

/** The sizes of the model's trainable variables, in order (a model is built and freed to read them). */
export function variableSizes(init: ReplicaInit): number[] {
  const model = build(init);
  try {
    return trainableVariables(model).map((v) => v.size);
  } finally {
    model.dispose();
  }
}

export function createReplica(init: ReplicaInit): Replica {
  const model = build(init);
  const train = splitToTensors(init.train, init.numClasses);
  const ctx = { model, lossFn: lossFunction(init.spec.training.loss), train, ...(init.spec.training.augment ? { augment: init.spec.training.augment } : {}) };
  const vars = trainableVariables(model);
  return {
    gradients(req) {
      const started = performance.now();
      if (req.weights.length !== vars.length || req.weights.some((w, j) => w.length !== (vars[j] as tf.Variable).size)) {
        throw new Error(`replica: ${req.weights.length} weight arrays do not fit the model's ${vars.length} variables`);
      }
      vars.forEach((v, j) => {
        const t = tf.tensor(req.weights[j] as Float32Array, v.shape);
        v.assign(t);
        t.dispose();
      });
      const out = tf.tidy(() => {
        const g = shardGradients(ctx, tf.tensor1d(req.indices, 'int32'), req.augmentSeed);
        const acc = g.acc.dataSync()[0] ?? NaN;
        // Kept (it left the gradient tape), so no tidy frees it.
        g.acc.dispose();
        const grads = g.grads.map((t) => t.dataSync() as Float32Array);
        return { grads, loss: g.loss.dataSync()[0] ?? NaN, acc };
      });
      // After the tidy: freeing the step's tensors is part of what a step costs.
      return { ...out, ms: performance.now() - started };
    },
    dispose() {
      model.dispose();
      tf.dispose([train.xs, train.ys]);
    },
  };
}

/** A replica in this thread: the loop's maths without a worker (tests; nothing runs in parallel). */
export function localPeer(init: ReplicaInit): GradientPeer {
  const replica = createReplica(init);
  return {
    gradients: async (req) => replica.gradients(req),
    close: () => replica.dispose(),
  };
}
