import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSubmission, validateWeights } from '../../../game/submission';
import { modelChallenge } from '../../../game/challenges';

const training = {
  loss: 'categoricalCrossentropy',
  optimizer: { type: 'adam', learningRate: 0.001 },
  batchSize: 32,
  epochs: 2,
  seed: 1,
};
const spec = (layers: unknown[]) => ({ version: 1, layers, training });
const dense = (units: number, activation = 'relu') => ({ type: 'dense', units, activation });

// 64*64 = 4096 inputs: dense(16) = 65,552 params, dense(10) on 16 = 170.
const small = spec([{ type: 'flatten' }, dense(16), dense(10, 'softmax')]);
// dense(64) on 4096 = 262,208 params: over the 250k budget.
const big = spec([{ type: 'flatten' }, dense(64), dense(10, 'softmax')]);

describe('validateSubmission', () => {
  test('accepts a small dense model and counts its parameters', () => {
    const r = validateSubmission('sign-digits', small);
    assert.equal(r.ok, true);
    if (r.ok) {
      assert.equal(r.shapes.totalParams, 4096 * 16 + 16 + 16 * 10 + 10);
      assert.equal(r.shapes.layers.length, 3);
      assert.equal(r.spec.layers.length, 3);
    }
  });

  test('accepts a challenge definition as well as an id', () => {
    assert.equal(validateSubmission(modelChallenge('sign-digits'), small).ok, true);
  });

  const refused: [string, string, unknown, string][] = [
    ['unknown challenge', 'mnist', small, 'challenge/unknown'],
    ['prototype key as challenge', '__proto__', small, 'challenge/unknown'],
    ['not an object', 'sign-digits', 'hello', 'spec/invalid'],
    ['null spec', 'sign-digits', null, 'spec/invalid'],
    ['layer outside the vocabulary', 'sign-digits', spec([{ type: 'lstm', units: 4 }]), 'spec/invalid'],
    ['extra field', 'sign-digits', { ...small, score: 1 }, 'spec/invalid'],
    ['wrong output size', 'sign-digits', spec([{ type: 'flatten' }, dense(7, 'softmax')]), 'spec/invalid'],
    ['dense on an image', 'sign-digits', spec([dense(10, 'softmax')]), 'spec/invalid'],
    ['over the parameter budget', 'sign-digits', big, 'submission/over_budget'],
  ];
  for (const [name, challenge, input, code] of refused) {
    test(`refuses: ${name}`, () => {
      const r = validateSubmission(challenge, input);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.error.code, code);
        assert.ok(r.error.message.length > 0);
      }
    });
  }

  test('spec errors carry field-level issues', () => {
    const r = validateSubmission('sign-digits', spec([{ type: 'flatten' }, dense(5000, 'softmax')]));
    assert.equal(r.ok, false);
    if (!r.ok) assert.ok(r.error.issues.some((i) => i.path.startsWith('layers.1')));
  });

  test('a challenge budget tighter than the vocabulary limits layers', () => {
    const tight = { ...modelChallenge('sign-digits'), budget: { maxParams: 250_000, maxLayers: 3 } };
    const four = spec([{ type: 'flatten' }, dense(8), { type: 'dropout', rate: 0.1 }, dense(10, 'softmax')]);
    const r = validateSubmission(tight, four);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.code, 'submission/too_many_layers');
  });
});

describe('validateWeights', () => {
  const f32 = (values: number[]) => new Uint8Array(Float32Array.from(values).buffer);
  const cases: [string, Uint8Array, number, number, string | null][] = [
    ['exact length, finite', f32([0.5, -1, 2]), 3, 100, null],
    ['too short', f32([0.5, -1]), 3, 100, 'weights/wrong_length'],
    ['too long', f32([0.5, -1, 2, 3]), 3, 100, 'weights/wrong_length'],
    ['not a multiple of 4', new Uint8Array(11), 3, 100, 'weights/wrong_length'],
    ['NaN', f32([0.5, Number.NaN, 2]), 3, 100, 'weights/not_finite'],
    ['Infinity', f32([0.5, 1, -Infinity]), 3, 100, 'weights/not_finite'],
    ['over the byte limit', f32([1, 2, 3]), 3, 8, 'weights/too_large'],
  ];
  for (const [name, bytes, params, max, code] of cases) {
    test(name, () => {
      const r = validateWeights(bytes, params, max);
      if (code === null) assert.deepEqual(r, { ok: true });
      else {
        assert.equal(r.ok, false);
        if (!r.ok) assert.equal(r.error.code, code);
      }
    });
  }

  test('reads a view at an offset into a larger buffer', () => {
    const big = new Uint8Array(16);
    new DataView(big.buffer).setFloat32(4, Number.NaN, true);
    assert.equal(validateWeights(big.subarray(4, 12), 2, 100).ok, false);
    assert.equal(validateWeights(big.subarray(8, 16), 2, 100).ok, true);
  });
});
