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

export const GAN_DEFAULT: ModelSpec = ganSpec({ generator: [8], discriminator: [8], gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 64, epochs: 20 });

export const GAN_KNOWN_GOOD: ModelSpec = ganSpec({ generator: [64, 64], discriminator: [64, 64], dSteps: 2, gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 64, epochs: 100 });
