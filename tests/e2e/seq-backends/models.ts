/** The sequence models and data the browser backends test trains (shared by page and test). */
import type { LayerSpec } from '../../../models/spec';

export const STEPS = 6;
export const VOCAB = 4;
export const CLASSES = 3;

export const SEQ_MODELS: Record<string, LayerSpec[]> = {
  simpleRNN: [{ type: 'simpleRNN', units: 8, activation: 'tanh', returnSequences: false }],
  lstm: [{ type: 'lstm', units: 8, returnSequences: false }],
  gru: [{ type: 'embedding', outputDim: 4 }, { type: 'gru', units: 8, returnSequences: false }],
  selfAttention: [
    { type: 'embedding', outputDim: 8 },
    { type: 'selfAttention', heads: 2, keyDim: 4, causal: true, positional: true },
    { type: 'lastStep' },
  ],
  'selfAttention + pooling': [
    { type: 'selfAttention', heads: 1, keyDim: 4, causal: false, positional: true },
    { type: 'globalAveragePooling1d' },
  ],
};

/** One-hot token sequences labelled by the token at step 1 (deterministic). */
export function memoryExamples(n: number): { xs: Float32Array; labels: number[] } {
  const xs = new Float32Array(n * STEPS * VOCAB);
  const labels: number[] = [];
  let s = 12345;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < STEPS; t++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const token = s % VOCAB;
      xs[(i * STEPS + t) * VOCAB + token] = 1;
      if (t === 1) labels.push(token % CLASSES);
    }
  }
  return { xs, labels };
}
