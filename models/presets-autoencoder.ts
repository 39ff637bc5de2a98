/**
 * Starting and known-good models of the autoencoder challenges ("autoencoder", "denoise"), spread
 * into models/presets.ts, and the spec builders bench/autoencoder.ts measures them with (WASM in
 * Node, the server's hidden test photos and noise; figures in game/autoencoder-challenges.ts).
 */
import type { LayerSpec, ModelSpec, TrainingSpec } from './spec';

const training = (epochs: number, learningRate: number, batchSize = 32): TrainingSpec => ({
  loss: 'meanSquaredError',
  optimizer: { type: 'adam', learningRate },
  batchSize,
  epochs,
  seed: 1,
});

const code = (units: number): LayerSpec => ({ type: 'dense', units, activation: 'linear', bottleneck: true });

/** flatten → dense(hidden) → code → dense(hidden) → dense(side²) sigmoid → reshape: the plainest autoencoder. */
export function denseAutoencoder(side: number, codeLength: number, hidden: number, t: TrainingSpec): ModelSpec {
  return {
    version: 1,
    layers: [
      { type: 'flatten' },
      { type: 'dense', units: hidden, activation: 'relu' },
      code(codeLength),
      { type: 'dense', units: hidden, activation: 'relu' },
      { type: 'dense', units: side * side, activation: 'sigmoid' },
      { type: 'reshape', targetShape: [side, side, 1] },
    ],
    training: t,
  };
}

/**
 * Two stride-2 convolutions down to side/4, the code, and back up: upSampling2d + conv2d, or
 * conv2dTranspose (`transpose`). `filters` are the encoder's; the decoder mirrors them.
 */
export function convAutoencoder(side: number, codeLength: number, filters: readonly [number, number], t: TrainingSpec, transpose = false): ModelSpec {
  const [f1, f2] = filters;
  const q = side / 4;
  const conv = (f: number, strides: number, activation: 'relu' | 'sigmoid'): LayerSpec => ({ type: 'conv2d', filters: f, kernelSize: 3, strides, padding: 'same', activation });
  const up = (f: number, activation: 'relu' | 'sigmoid'): LayerSpec[] =>
    transpose
      ? [{ type: 'conv2dTranspose', filters: f, kernelSize: 3, strides: 2, padding: 'same', activation }]
      : [{ type: 'upSampling2d', size: 2 }, conv(f, 1, activation)];
  return {
    version: 1,
    layers: [
      conv(f1, 2, 'relu'),
      conv(f2, 2, 'relu'),
      { type: 'flatten' },
      code(codeLength),
      { type: 'dense', units: q * q * f2, activation: 'relu' },
      { type: 'reshape', targetShape: [q, q, f2] },
      ...up(f1, 'relu'),
      ...up(1, 'sigmoid'),
    ],
    training: t,
  };
}

const SIDE = 32;

/**
 * Autoencoder default: a dense autoencoder with a code of 64 numbers, for 5 epochs. A long code is
 * easy to rebuild from, so it scores well, yet no star takes a code over 32: the lesson is to
 * shrink the bottleneck and see what survives.
 */
export const AUTOENCODER_DEFAULT: ModelSpec = denseAutoencoder(SIDE, 64, 64, training(5, 0.001));

/** Autoencoder known-good: convolutions around a code of 8 numbers: 0.424, three stars, 23 s CPU (WASM in Node). */
export const AUTOENCODER_KNOWN_GOOD: ModelSpec = convAutoencoder(SIDE, 8, [8, 16], training(15, 0.003));

/** Denoising default: the autoencoder default's model on noisy photos (a code of 64: no star). */
export const DENOISE_DEFAULT: ModelSpec = denseAutoencoder(SIDE, 64, 64, training(5, 0.001));

/** Denoising known-good: the convolutional autoencoder with a code of 16: 0.419, three stars, 23 s CPU (WASM in Node). */
export const DENOISE_KNOWN_GOOD: ModelSpec = convAutoencoder(SIDE, 16, [8, 16], training(15, 0.003));

export const AUTOENCODER_DEFAULTS = { autoencoder: AUTOENCODER_DEFAULT, denoise: DENOISE_DEFAULT } as const;
export const AUTOENCODER_KNOWN_GOOD_SPECS = { autoencoder: AUTOENCODER_KNOWN_GOOD, denoise: DENOISE_KNOWN_GOOD } as const;
