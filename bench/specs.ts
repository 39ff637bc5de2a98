/** The models the benchmarks train, beside the app's presets. */
import { defaultSpec, knownGoodSpec, tinySpec } from '../models/presets';
import type { ModelSpec } from '../models/spec';

/** The old default's training (Sign Digits before issue 15): the dense model's figures were taken with it. */
const TRAINING: ModelSpec['training'] = { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.001 }, batchSize: 32, epochs: 15, seed: 42 };

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
 * Sign Digits' default before issue 15 (16-32-32 3x3 convs at full resolution, Adam 1e-3, 34,538
 * params): the baseline bench:accuracy runs beside the new default.
 */
export const OLD_DEFAULT_SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'conv2d', filters: 16, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.4 },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  training: { ...TRAINING },
};

/**
 * The old known-good's four-block CNN (16 5x5-32-64-64 + dropout 0.4, 70,730 params) with the old
 * default's training: no augmentation, 15 epochs. 93.8 % val after 15 epochs in one Node run.
 */
export const FOUR_BLOCK_SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'conv2d', filters: 16, kernelSize: 5, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'conv2d', filters: 64, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'conv2d', filters: 64, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.4 },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  training: { ...TRAINING },
};

export const BENCH_SPECS = {
  cnn: () => defaultSpec('sign-digits'),
  'cnn-old': () => structuredClone(OLD_DEFAULT_SPEC),
  good: () => knownGoodSpec('sign-digits'),
  dense: () => structuredClone(DENSE_SPEC),
  cnn4: () => structuredClone(FOUR_BLOCK_SPEC),
  tiny: () => tinySpec('sign-digits'),
} as const;

export type BenchSpecName = keyof typeof BENCH_SPECS;

export function benchSpec(name: string): ModelSpec {
  if (!Object.hasOwn(BENCH_SPECS, name)) throw new Error(`unknown model ${name}; expected one of ${Object.keys(BENCH_SPECS).join(', ')}`);
  return BENCH_SPECS[name as BenchSpecName]();
}
