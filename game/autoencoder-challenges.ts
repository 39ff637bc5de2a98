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
 * The photos' side after shrinking: 64×64 photos averaged 2×2 into 32×32. Measured with
 * `bench/autoencoder.ts --sizes --codes 8` (Node, WASM, 15 epochs, 2026-12-03): the known-good's
 * convolutional shape scored 0.424 (403 of 409 test photos rebuilt better than the mean photo, three
 * stars) in 22.8 s at 32×32 and 0.326 (381 of 409, no star) in 72.9 s at 64×64; a dense 128 one
 * 0.348 in 26.9 s against 0.134 in 97.7 s. At 64×64 the convolutional decoder's first layer (4,096
 * units) is also past SPEC_LIMITS.maxUnits (1,024), so students could not submit it.
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
  goalAccuracy: 0.4,
  // The lever is the code length. Measured (bench/autoencoder.ts, WASM in Node, seed 1, 15 epochs,
  // Adam 0.003; two stride-2 convs of 8 and 16 filters, the code, upSampling2d + conv2d back):
  // code 2: 0.175, 8: 0.424 (the known-good), 16: 0.550, 32: 0.652; with conv2dTranspose instead
  // 0.154 / 0.369 / 0.516 / 0.653. The same score asks a shorter code at each star.
  stars: [
    { minScore: 0.4, maxCode: 32 },
    { minScore: 0.4, maxCode: 16 },
    { minScore: 0.4, maxCode: 8 },
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
  goalAccuracy: 0.4,
  // Measured as for the autoencoder (same model, noisy inputs, clean targets): code 2: 0.150, 8:
  // 0.281, 16: 0.419 (the known-good), 32: 0.431; with conv2dTranspose 0.082 / 0.262 / 0.342 / 0.442.
  stars: [
    { minScore: 0.3, maxCode: 32 },
    { minScore: 0.35, maxCode: 16 },
    { minScore: 0.4, maxCode: 16 },
  ],
  layerTypes: LAYER_TYPES,
  objective: 'reconstruct',
};
