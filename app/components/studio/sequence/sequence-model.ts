/**
 * The trained sequence model rebuilt in the page, to look inside it: its prediction for one
 * example and the trace of every recurrent and attention layer (models/sequence-inspect.ts).
 * Imported dynamically by SequenceViews.tsx (it pulls in tfjs); dispose() frees the weights.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../../models/build';
import { inspectSequence, type SequenceTrace } from '../../../../models/sequence-inspect';
import type { ModelSpec } from '../../../../models/spec';
import { applyWeights } from '../../../../models/weights';

export interface SequenceModel {
  /** Class probabilities for one example (steps × features floats). */
  predict(example: Float32Array): Promise<number[]>;
  trace(example: Float32Array): Promise<SequenceTrace>;
  dispose(): void;
}

export function loadSequenceModel(spec: ModelSpec, weights: ArrayBuffer, inputShape: readonly number[], numClasses: number): SequenceModel {
  const model = buildModel(spec, { inputShape, numClasses });
  const applied = applyWeights(model, weights);
  if (!applied.ok) {
    model.dispose();
    throw new Error(applied.issues.map((i) => i.message).join('; '));
  }
  return {
    async predict(example) {
      const out = tf.tidy(() => model.predict(tf.tensor(example, [1, ...inputShape])) as tf.Tensor);
      try {
        return Array.from(await out.data());
      } finally {
        out.dispose();
      }
    },
    trace: (example) => inspectSequence(model, spec, example, inputShape),
    dispose: () => model.dispose(),
  };
}

/** The plain CPU backend unless the page already runs one: one short sequence is quick there. */
export async function ensureBackend(): Promise<void> {
  if (!tf.engine().backendName) await tf.setBackend('cpu');
  await tf.ready();
}
