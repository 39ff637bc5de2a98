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
