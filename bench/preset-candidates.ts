/** Candidate Sign Digits specs for bench/preset-sweep.ts; `old` is the default before issue 15. */
import type { LayerSpec, ModelSpec } from '../models/spec';

const conv = (filters: number, kernelSize = 3, strides = 1): LayerSpec => ({ type: 'conv2d', filters, kernelSize, strides, padding: 'same', activation: 'relu' });
const pool: LayerSpec = { type: 'maxPooling2d', poolSize: 2 };
const tail = (rate: number): LayerSpec[] => [{ type: 'flatten' }, ...(rate > 0 ? [{ type: 'dropout' as const, rate }] : []), { type: 'dense', units: 10, activation: 'softmax' }];

function spec(layers: LayerSpec[], lr = 0.001, batchSize = 32, extra: Partial<ModelSpec['training']> = {}): ModelSpec {
  return { version: 1, layers, training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: lr }, batchSize, epochs: 15, seed: 42, ...extra } };
}

const AUG = { shift: 0.1, rotate: 10, zoom: 0.1, brightness: 0 };

export const CANDIDATES: Record<string, () => ModelSpec> = {
  old: () => spec([conv(16), pool, conv(32), pool, conv(32), pool, ...tail(0.4)]),
  // A strided 5x5 first conv, then the usual blocks at 16x16 and 8x8.
  s2: () => spec([conv(16, 5, 2), pool, conv(32), pool, conv(64), pool, ...tail(0.4)]),
  s2b64: () => spec([conv(16, 5, 2), pool, conv(32), pool, conv(64), pool, ...tail(0.4)], 0.002, 64),
  s2lr2: () => spec([conv(16, 5, 2), pool, conv(32), pool, conv(64), pool, ...tail(0.4)], 0.002),
  s2lr3: () => spec([conv(16, 5, 2), pool, conv(32), pool, conv(64), pool, ...tail(0.4)], 0.003),
  s2b16: () => spec([conv(16, 5, 2), pool, conv(32), pool, conv(64), pool, ...tail(0.4)], 0.001, 16),
  // Known-good candidates: augmentation (as the old known-good), longer.
  kg1: () => spec([conv(16, 5, 2), pool, conv(32), pool, conv(64), pool, ...tail(0.4)], 0.002, 32, { epochs: 40, augment: AUG }),
  kg3: () => spec([conv(24, 5, 2), pool, conv(48), pool, conv(96), pool, ...tail(0.4)], 0.002, 32, { epochs: 40, augment: AUG }),
  kg4: () => spec([conv(16, 5, 2), conv(32), pool, conv(64), pool, conv(64), pool, ...tail(0.4)], 0.002, 32, { epochs: 40, augment: AUG }),
  // The known-good's network (four blocks at full resolution, augmentation), at its 25 epochs before 662f7e9; the preset now trains 35 (--epochs 35).
  kgold: () => spec([conv(16, 5), pool, conv(32), pool, conv(64), pool, conv(64), pool, ...tail(0.4)], 0.001, 32, { epochs: 25, augment: AUG }),
  s2nd: () => spec([conv(16, 5, 2), pool, conv(32), pool, conv(64), pool, ...tail(0)]),
  // Pool first: the network sees 32x32.
  p1: () => spec([pool, conv(16), pool, conv(32), pool, conv(64), pool, ...tail(0.4)]),
  p1lr: () => spec([pool, conv(16), pool, conv(32), pool, conv(64), pool, ...tail(0.4)], 0.002),
  s2s: () => spec([conv(16, 5, 2), conv(32, 3, 2), conv(64, 3, 2), pool, ...tail(0.4)]),
  s2x: () => spec([conv(8, 5, 2), pool, conv(32), pool, conv(64), pool, ...tail(0.3)]),
};
