/**
 * The two autoencoder challenges (issue 18): "Autoencoder" squeezes each Sign Digits photo through
 * a bottleneck of a few numbers and rebuilds it; "Denoising" gets the photo with noise added and
 * must rebuild the clean one. Both are scored on the hidden test photos from the per-example
 * reconstruction errors the scoring worker measured (game/autoencoder.ts); the server adds its own
 * seeded noise to the denoising level's test photos. Stars ask for a good score through a SHORTER
 * code (`maxCode`, read from the stored spec's bottleneck). Only types come from challenges.ts,
 * which lists these with the others.
 */
import type { ModelChallenge } from './challenges';

/**
 * The photos' side after shrinking: 64×64 photos averaged 2×2 into 32×32. Measured (bench/autoencoder.ts,
 * see AUTOENCODER_CHALLENGE): the same dense autoencoder at 64×64 trains ~4x slower per epoch for
 * no better score, since a code of a few numbers cannot carry the finer detail anyway.
 */
export const AUTOENCODER_SIDE = 32;
/** Standard deviation of the denoising level's Gaussian noise, on 0..1 pixels. */
export const DENOISE_SIGMA = 0.25;

/**
 * MSE (0..1 pixels, 32×32) of answering the mean training photo for every hidden test photo: the
 * score's zero (game/autoencoder.ts). Computed from data/sign-digits and checked by
 * tests/unit/game/autoencoder.test.ts, so a change of data or size cannot leave it stale.
 */
export const MEAN_PHOTO_MSE = 0.01356;

const SHAPE = [AUTOENCODER_SIDE, AUTOENCODER_SIDE, 1] as const;
const LAYER_TYPES = ['dense', 'conv2d', 'maxPooling2d', 'flatten', 'dropout', 'reshape', 'upSampling2d', 'conv2dTranspose'] as const;

export const AUTOENCODER_CHALLENGE: ModelChallenge = {
  id: 'autoencoder',
  kind: 'model',
  data: { type: 'images', dataset: 'sign-digits', size: AUTOENCODER_SIDE },
  inputShape: SHAPE,
  // The digits are not what the model outputs; they colour the code map.
  numClasses: 10,
  budget: { maxParams: 250_000, maxLayers: 12 },
  goalAccuracy: 0.5,
  stars: [
    { minScore: 0.4, maxCode: 32 },
    { minScore: 0.45, maxCode: 16 },
    { minScore: 0.5, maxCode: 8 },
  ],
  layerTypes: LAYER_TYPES,
  objective: 'reconstruct',
};

export const DENOISE_CHALLENGE: ModelChallenge = {
  id: 'denoise',
  kind: 'model',
  data: { type: 'images', dataset: 'sign-digits', size: AUTOENCODER_SIDE, noise: DENOISE_SIGMA },
  inputShape: SHAPE,
  numClasses: 10,
  budget: { maxParams: 250_000, maxLayers: 12 },
  goalAccuracy: 0.5,
  stars: [
    { minScore: 0.4, maxCode: 32 },
    { minScore: 0.45, maxCode: 16 },
    { minScore: 0.5, maxCode: 8 },
  ],
  layerTypes: LAYER_TYPES,
  objective: 'reconstruct',
};
