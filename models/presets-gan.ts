/**
 * Starting and known-good models of the GAN challenge ("gan"), spread into models/presets.ts.
 * Measured with bench/gan.ts (WASM in Node, the server's noise and hidden sample); figures in the
 * comments of game/gan-challenges.ts.
 */
import type { Activation, LayerSpec, ModelSpec, OptimizerSpec } from './spec';

const dense = (units: number, activation: Activation): LayerSpec => ({ type: 'dense', units, activation });
const hidden = (widths: readonly number[], activation: Activation) => widths.map((u) => dense(u, activation));
const opt = (type: OptimizerSpec['type'], learningRate: number): OptimizerSpec => ({ type, learningRate });

export interface GanSpecOptions {
  generator: readonly number[];
  discriminator: readonly number[];
  activation?: Activation;
  noiseDim?: number;
  gLearningRate: number;
  dLearningRate: number;
  batchSize: number;
  epochs: number;
  dSteps?: number;
  gSteps?: number;
  seed?: number;
  loss?: ModelSpec['training']['loss'];
  /** Both models' optimizer type (Adam when absent). */
  optimizer?: OptimizerSpec['type'];
}

/** A GAN spec of dense layers: generator noise -> widths -> 2 linear, discriminator 2 -> widths -> 1 sigmoid. */
export function ganSpec(o: GanSpecOptions): ModelSpec {
  const act = o.activation ?? 'relu';
  return {
    version: 1,
    layers: [...hidden(o.generator, act), dense(2, 'linear')],
    training: { loss: o.loss ?? 'categoricalCrossentropy', optimizer: opt(o.optimizer ?? 'adam', o.gLearningRate), batchSize: o.batchSize, epochs: o.epochs, seed: o.seed ?? 1 },
    gan: {
      noiseDim: o.noiseDim ?? 2,
      dSteps: o.dSteps ?? 1,
      gSteps: o.gSteps ?? 1,
      discriminator: { layers: [...hidden(o.discriminator, act), dense(1, 'sigmoid')], optimizer: opt(o.optimizer ?? 'adam', o.dLearningRate) },
    },
  };
}

/**
 * Hidden layers of 8 for 20 epochs (640 rounds): too small and too short for eight modes. Measured
 * (bench/gan.ts, WASM in Node, the server's noise and hidden sample; seeds 1 / 2 / 3): 2 / 1 / 1
 * modes, score 0.17 / 0.06 / 0.06, no star; 2.1-2.2 CPU s.
 */
export const GAN_DEFAULT: ModelSpec = ganSpec({ generator: [8], discriminator: [8], gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 64, epochs: 20 });

/**
 * Two hidden layers of 64 in each model, 35 epochs (1,120 rounds), and two discriminator steps per
 * round. Measured as above, seeds 1-6: 8 modes every time, score 0.837 / 0.847 / 0.855 / 0.830 /
 * 0.834 / 0.759, three stars on five seeds, two on seed 6; 7-16 CPU s. Longer is not better: a GAN
 * keeps circling its target, and 100 epochs scored 0.89 / 0.89 / 0.71 on seeds 1-3 (40 epochs:
 * 0.81 / 0.80 / 0.76) at three times the time, too long for a student's browser (406 s in
 * Chromium). With ONE discriminator step per round (mode collapse): 1 / 8 / 1 modes, score 0.06 /
 * 0.91 / 0.06.
 */
export const GAN_KNOWN_GOOD: ModelSpec = ganSpec({ generator: [64, 64], discriminator: [64, 64], dSteps: 2, gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 64, epochs: 35 });

const conv = (filters: number, strides: number, activation: Activation): LayerSpec => ({ type: 'conv2d', filters, kernelSize: 3, strides, padding: 'same', activation });

/** A conditional GAN of sign digits (game/gan-challenges.ts "gan-digits"): 16×16 photos, both models told the digit. */
function digitGan(layers: LayerSpec[], discriminator: LayerSpec[], epochs: number, beta1?: number, dSteps = 1): ModelSpec {
  return {
    version: 1,
    layers,
    training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.001, ...(beta1 !== undefined && { beta1 }) }, batchSize: 64, epochs, seed: 1 },
    gan: { noiseDim: 16, dSteps, gSteps: 1, discriminator: { layers: discriminator, optimizer: { type: 'adam', learningRate: 0.0005, ...(beta1 !== undefined && { beta1 }) } } },
  };
}

/** A dense generator (64 units) and discriminator (32): blurry hands, no digits to tell apart. */
export const GAN_DIGITS_DEFAULT: ModelSpec = digitGan(
  [dense(64, 'relu'), dense(256, 'sigmoid'), { type: 'reshape', targetShape: [16, 16, 1] }],
  [{ type: 'flatten' }, dense(32, 'relu'), dense(1, 'sigmoid')],
  5,
);

/**
 * A small DCGAN: the generator grows a 4×4×32 start to 16×16 with two upsampling + conv stages,
 * the discriminator halves the photo twice with strided convs and takes 2 steps per round; Adam
 * with beta1 0.5 in both (with tfjs's 0.9 the photos of a digit stop differing within 5 epochs).
 * 35 epochs: three stars on seeds 1-3 in Node (figures in game/gan-challenges.ts).
 */
export const GAN_DIGITS_KNOWN_GOOD: ModelSpec = digitGan(
  [
    dense(512, 'relu'),
    { type: 'reshape', targetShape: [4, 4, 32] },
    { type: 'upSampling2d', size: 2 },
    conv(32, 1, 'relu'),
    { type: 'upSampling2d', size: 2 },
    conv(16, 1, 'relu'),
    conv(1, 1, 'sigmoid'),
  ],
  [conv(16, 2, 'relu'), conv(32, 2, 'relu'), { type: 'flatten' }, dense(64, 'relu'), dense(1, 'sigmoid')],
  35,
  0.5,
  2,
);
