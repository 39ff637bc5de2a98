/**
 * The trained autoencoder rebuilt in the page, to look inside it (AeModel) with models/autoencoder.ts:
 * whole reconstructions, the bottleneck's codes, and the decoder alone on codes the student picks.
 * Imported dynamically by AutoencoderViews.tsx (it pulls in tfjs); dispose() frees the weights.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelChallenge } from '../../../../game/challenges';
import { codeLength, decode, encode, imagesTensor, reconstruct } from '../../../../models/autoencoder';
import { buildModel } from '../../../../models/build';
import type { ModelSpec } from '../../../../models/spec';
import { applyWeights } from '../../../../models/weights';
import type { AeModel } from './ae-model-types';

export function loadAutoencoder(spec: ModelSpec, weights: ArrayBuffer, challenge: ModelChallenge): AeModel {
  const size = codeLength(spec);
  if (size === null) throw new Error('the model has no single bottleneck layer');
  // An autoencoder's last layer outputs its input's shape (models/autoencoder.ts).
  const model = buildModel(spec, { inputShape: challenge.inputShape, numClasses: challenge.numClasses, outputShape: challenge.inputShape });
  const applied = applyWeights(model, weights);
  if (!applied.ok) {
    model.dispose();
    throw new Error(applied.issues.map((i) => i.message).join('; '));
  }
  /** `run` on `count` pictures as a tensor the call owns. */
  const onPictures = async (pixels: Float32Array, count: number, run: (xs: tf.Tensor) => Promise<Float32Array>) => {
    const xs = imagesTensor(pixels, count, challenge.inputShape);
    try {
      return await run(xs);
    } finally {
      xs.dispose();
    }
  };
  return {
    codeLength: size,
    reconstruct: (pixels, count) => onPictures(pixels, count, (xs) => reconstruct(model, xs)),
    encode: (pixels, count) => onPictures(pixels, count, (xs) => encode(model, spec, xs)),
    decode: (codes) => decode(model, spec, codes),
    dispose: () => model.dispose(),
  };
}

/** The plain CPU backend unless the page already runs one: a few pictures are quick there. */
export async function ensureBackend(): Promise<void> {
  if (!tf.engine().backendName) await tf.setBackend('cpu');
  await tf.ready();
}
