/** The models the benchmarks train, beside the app's presets. */
import { defaultSpec, knownGoodSpec, tinySpec } from '../models/presets';
import type { ModelSpec } from '../models/spec';

const TRAINING = defaultSpec('sign-digits').training;

/**
 * A dense-only model inside the 250,000-parameter budget: flatten → dense 48 relu → dense 10
 * (197,146 params). Batch size and seed as the default CNN; Adam at 3e-4, because at the default
 * 1e-3 all 48 ReLUs die in the first epoch (loss 2.303, val 10 %, measured on WASM in Node).
 */
export const DENSE_SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'flatten' },
    { type: 'dense', units: 48, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  training: { ...TRAINING, optimizer: { type: 'adam', learningRate: 0.0003 } },
};

/**
 * The four-block CNN of Sign Digits' known-good spec (16 5x5, 32, 64, 64 + dropout 0.4, 70,730
 * params) with the default's training: no augmentation, 15 epochs. 93.8 % val after 15 epochs in
 * one Node run (peak 97.1 %).
 */
export const FOUR_BLOCK_SPEC: ModelSpec = { ...knownGoodSpec('sign-digits'), training: { ...TRAINING } };

export const BENCH_SPECS = {
  cnn: () => defaultSpec('sign-digits'),
  dense: () => structuredClone(DENSE_SPEC),
  cnn4: () => structuredClone(FOUR_BLOCK_SPEC),
  tiny: () => tinySpec('sign-digits'),
} as const;

export type BenchSpecName = keyof typeof BENCH_SPECS;

export function benchSpec(name: string): ModelSpec {
  if (!Object.hasOwn(BENCH_SPECS, name)) throw new Error(`unknown model ${name}; expected one of ${Object.keys(BENCH_SPECS).join(', ')}`);
  return BENCH_SPECS[name as BenchSpecName]();
}
