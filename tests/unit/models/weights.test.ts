import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../models/build';
import type { ModelSpec } from '../../../models/spec';
import { applyWeights, serializeWeights } from '../../../models/weights';

const SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'maxPooling2d', poolSize: 4 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'sgd', learningRate: 0.1 }, batchSize: 4, epochs: 1, seed: 5 },
};
const OPTS = { inputShape: [64, 64, 1], numClasses: 10 };
const PARAMS = 16 * 16 * 10 + 10;

const values = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('weight wire format', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  test('round trip: serialize one model, apply to a differently seeded one, same weights', () => {
    const a = buildModel(SPEC, OPTS);
    const b = buildModel({ ...SPEC, training: { ...SPEC.training, seed: 99 } }, OPTS);
    const bytes = serializeWeights(a);
    assert.equal(bytes.byteLength, PARAMS * 4);
    assert.notDeepEqual(values(a), values(b));
    assert.deepEqual(applyWeights(b, new Uint8Array(bytes)), { ok: true });
    assert.deepEqual(values(a), values(b));
    a.dispose();
    b.dispose();
  });

  test('an unaligned Uint8Array view (as socket.io delivers) is accepted', () => {
    const a = buildModel(SPEC, OPTS);
    const raw = new Uint8Array(PARAMS * 4 + 1);
    raw.set(new Uint8Array(serializeWeights(a)), 1);
    const b = buildModel({ ...SPEC, training: { ...SPEC.training, seed: 8 } }, OPTS);
    assert.deepEqual(applyWeights(b, raw.subarray(1)), { ok: true });
    assert.deepEqual(values(a), values(b));
    a.dispose();
    b.dispose();
  });

  const BAD: Array<[string, ArrayBuffer, RegExp]> = [
    ['too few values', new Float32Array(1000).buffer, /expected 2,570 float32 values \(10,280 bytes\).*got 1,000/],
    ['too many values', new Float32Array(PARAMS + 1).buffer, /expected 2,570.*got 2,571/],
    ['not a multiple of 4 bytes', new ArrayBuffer(10_281), /not a whole number of float32/],
    ['a NaN', Float32Array.from({ length: PARAMS }, (_, i) => (i === 17 ? NaN : 0.1)).buffer, /value 17 is NaN/],
    ['an Infinity', Float32Array.from({ length: PARAMS }, (_, i) => (i === 2569 ? Infinity : 0)).buffer, /value 2,569 is Infinity/],
  ];
  for (const [name, bytes, message] of BAD) {
    test(`refuses ${name} and leaves the model unchanged`, () => {
      const m = buildModel(SPEC, OPTS);
      const before = values(m);
      const result = applyWeights(m, bytes);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.issues[0]?.path, 'weights');
        assert.match(result.issues[0]?.message ?? '', message);
      }
      assert.deepEqual(values(m), before);
      m.dispose();
    });
  }
});
