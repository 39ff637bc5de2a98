/**
 * Starting and known-good models of the sequence challenges ("memory", "attention"), spread into
 * models/presets.ts. Measured with bench/challenges.ts (WASM in Node, the server's test seed);
 * figures in the comments of game/sequence-challenges.ts.
 */
import type { ModelSpec } from './spec';

const training = (epochs: number, learningRate: number, batchSize = 32): ModelSpec['training'] => ({
  loss: 'categoricalCrossentropy',
  optimizer: { type: 'adam', learningRate },
  batchSize,
  epochs,
  seed: 1,
});
const out = { type: 'dense' as const, units: 10, activation: 'softmax' as const };

export const SEQUENCE_DEFAULTS = {
  // A plain RNN: its hidden state is all it carries from step to step.
  memory: {
    version: 1,
    layers: [{ type: 'simpleRNN', units: 32, activation: 'tanh', returnSequences: false }, out],
    training: training(5, 0.01),
  },
  // An LSTM must hold all eight digits until the query comes.
  attention: {
    version: 1,
    layers: [{ type: 'lstm', units: 32, returnSequences: false }, out],
    training: training(5, 0.01),
  },
} satisfies Record<string, ModelSpec>;

export const SEQUENCE_KNOWN_GOOD = {
  // A GRU's update gate lets the remembered digit through the noise that follows it.
  memory: {
    version: 1,
    layers: [{ type: 'gru', units: 32, returnSequences: false }, out],
    training: training(4, 0.01),
  },
  // One attention layer: the query step looks straight at the place it names.
  attention: {
    version: 1,
    layers: [
      { type: 'embedding', outputDim: 16 },
      { type: 'selfAttention', heads: 2, keyDim: 8, causal: false, positional: true },
      { type: 'lastStep' },
      out,
    ],
    training: training(10, 0.01),
  },
} satisfies Record<string, ModelSpec>;
