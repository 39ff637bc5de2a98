/**
 * The trained model rebuilt in the page for the webcam panel: class probabilities for one 64×64
 * grayscale image. Imported dynamically by HandPanel.tsx (it pulls in tfjs). Every tensor a call
 * makes is freed before it returns, so the count stays flat however long the camera runs; only
 * the model's own weights stay, and dispose() frees them.
 */
import * as tf from '@tensorflow/tfjs';
import { ensureBackend } from '../../../challenges/[id]/viz/feature-model';
import { buildModel } from '../../../../models/build';
import type { ModelSpec } from '../../../../models/spec';
import { applyWeights } from '../../../../models/weights';

export interface HandModel {
  /** Probabilities per class for `pixels`: 0..255 bytes of inputShape, as the data set stores them. */
  predict(pixels: Uint8Array): Promise<Float32Array>;
  /** Tensors alive in this page's tfjs (a leak would make it grow with every frame). */
  tensors(): number;
  dispose(): void;
}

export async function loadHandModel(spec: ModelSpec, weights: ArrayBuffer, inputShape: readonly number[], numClasses: number): Promise<HandModel> {
  await ensureBackend();
  const model = buildModel(spec, { inputShape, numClasses });
  const applied = applyWeights(model, weights);
  if (!applied.ok) {
    model.dispose();
    throw new Error(applied.issues.map((i) => i.message).join('; '));
  }
  // A last layer without softmax gives scores, not probabilities: normalise them the same way.
  const last = spec.layers.at(-1);
  const softmaxed = last !== undefined && 'activation' in last && last.activation === 'softmax';
  return {
    async predict(pixels) {
      const out = tf.tidy(() => {
        // The same scaling as training (models/tensors.ts): bytes / 255.
        const x = tf.tensor(pixels, [1, ...inputShape], 'float32').div(255);
        const y = model.predict(x) as tf.Tensor;
        return softmaxed ? y : tf.softmax(y);
      });
      try {
        return (await out.data()) as Float32Array;
      } finally {
        out.dispose();
      }
    },
    tensors: () => tf.memory().numTensors,
    dispose: () => model.dispose(),
  };
}
