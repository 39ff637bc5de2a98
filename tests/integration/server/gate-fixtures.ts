/** Hand-set logic-gate models: exact, so server scores are known without training. */
import type { ModelSpec } from '../../../models/spec';

const dense = (units: number, activation: 'tanh' | 'softmax') => ({ type: 'dense' as const, units, activation });
export const GATE_TRAINING = { loss: 'categoricalCrossentropy' as const, optimizer: { type: 'adam' as const, learningRate: 0.1 }, batchSize: 4, epochs: 20, seed: 7 };
/** XOR by hand: h1 ≈ OR, h2 ≈ AND, output "OR and not AND". 12 parameters. */
export const XOR_SPEC: ModelSpec = { version: 1, layers: [dense(2, 'tanh'), dense(2, 'softmax')], training: GATE_TRAINING };
export const XOR_WEIGHTS = Float32Array.from([10, 10, 10, 10, -5, -15, -5, 5, 5, -5, 5, -5]);
/** One neuron (a 2-class softmax straight on the inputs): one line, so at most 3 of XOR's 4 rows. */
export const LINE_SPEC: ModelSpec = { version: 1, layers: [dense(2, 'softmax')], training: GATE_TRAINING };
export const LINE_WEIGHTS = Float32Array.from([-5, 5, -5, 5, 2, -2]);

export const bytes = (w: Float32Array) => new Uint8Array(w.buffer.slice(0));
