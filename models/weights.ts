/**
 * The weight wire format: float32 values, little-endian, concatenated in model.getWeights() order.
 * The shapes are not sent; they follow from the spec, so the server rebuilds them itself.
 */
import * as tf from '@tensorflow/tfjs';
import type { SpecIssue } from './spec';

const BYTES_PER_FLOAT = 4;

export function serializeWeights(model: tf.LayersModel): ArrayBuffer {
  const weights = model.getWeights();
  const total = weights.reduce((n, w) => n + w.size, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const w of weights) {
    out.set(w.dataSync() as Float32Array, offset);
    offset += w.size;
  }
  return out.buffer;
}

const issue = (message: string): { ok: false; issues: SpecIssue[] } => ({
  ok: false,
  issues: [{ path: 'weights', message: `weights: ${message}` }],
});
const fmt = (n: number) => n.toLocaleString('en-US');

function asFloats(bytes: ArrayBuffer | Uint8Array): Float32Array {
  if (bytes instanceof ArrayBuffer) return new Float32Array(bytes);
  // A Float32Array view needs a 4-byte aligned offset; socket.io buffers often are not.
  const aligned = bytes.byteOffset % BYTES_PER_FLOAT === 0 ? bytes : bytes.slice();
  return new Float32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / BYTES_PER_FLOAT);
}

/** Loads `bytes` into `model` after checking length and values; on any problem the model is unchanged. */
export function applyWeights(
  model: tf.LayersModel,
  bytes: ArrayBuffer | Uint8Array,
): { ok: true } | { ok: false; issues: SpecIssue[] } {
  // Variables of a built model always have concrete shapes.
  const shapes = model.weights.map((w) => w.shape as number[]);
  const expected = shapes.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
  if (bytes.byteLength % BYTES_PER_FLOAT !== 0) {
    return issue(`${fmt(bytes.byteLength)} bytes is not a whole number of float32 values`);
  }
  const got = bytes.byteLength / BYTES_PER_FLOAT;
  if (got !== expected) {
    return issue(
      `expected ${fmt(expected)} float32 values (${fmt(expected * BYTES_PER_FLOAT)} bytes) for this model, got ${fmt(got)}`,
    );
  }
  const floats = asFloats(bytes);
  const bad = floats.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) return issue(`value ${fmt(bad)} is ${floats[bad]}; every weight must be a finite number`);
  let offset = 0;
  const tensors = shapes.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(floats.subarray(offset, offset + size), shape, 'float32');
    offset += size;
    return t;
  });
  model.setWeights(tensors);
  tf.dispose(tensors);
  return { ok: true };
}
