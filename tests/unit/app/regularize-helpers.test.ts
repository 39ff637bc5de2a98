/**
 * The studio's tools against overfitting, pure parts: how the augmentation sliders and the weight
 * decay inputs map to the spec, and what the curves say (lowest validation loss, memorizing, the
 * epoch early stopping kept), including the trainer state passing `bestEpoch` through.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { divergenceSince, keptNote, lowestValLoss } from '../../../app/challenges/[id]/regularize/curves';
import {
  AUGMENT_FIELDS,
  AUGMENT_SLIDERS,
  DEFAULT_AUGMENT,
  activeDecay,
  canAugment,
  setAugment,
  setEarlyStopping,
  sliderValue,
  takesDecay,
  withDecay,
  withSlider,
} from '../../../app/challenges/[id]/regularize/spec-edit';
import { INITIAL_TRAINER, trainerReducer } from '../../../app/challenges/[id]/useTrainer';
import { defaultSpec } from '../../../models/presets';
import { SPEC_LIMITS, parseModelSpec, type AugmentSpec } from '../../../models/spec';
import type { EpochLog } from '../../../models/train';

const spec = defaultSpec('sign-01');
const log = (epoch: number, loss: number, valLoss?: number): EpochLog => ({ epoch, loss, acc: 0.5, ...(valLoss !== undefined ? { valLoss, valAcc: 0.5 } : {}), elapsedMs: 1 });

describe('augmentation sliders ↔ spec', () => {
  const CASES: Array<[(typeof AUGMENT_FIELDS)[number], number, number]> = [
    ['shift', 7, 0.07],
    ['shift', 25, 0.25],
    ['rotate', 15, 15],
    ['zoom', 30, 0.3],
    ['brightness', 13, 0.13],
    ['brightness', 0, 0],
  ];
  for (const [field, position, value] of CASES) {
    test(`${field} slider at ${position} is ${value} in the spec, and back`, () => {
      const a = withSlider(DEFAULT_AUGMENT, field, position);
      assert.equal(a[field], value);
      assert.equal(sliderValue(a, field), position);
      for (const other of AUGMENT_FIELDS) if (other !== field) assert.equal(a[other], DEFAULT_AUGMENT[other]);
    });
  }

  test("each slider's far end is the spec's limit, which the spec accepts", () => {
    const top = AUGMENT_FIELDS.reduce<AugmentSpec>((a, f) => withSlider(a, f, AUGMENT_SLIDERS[f].max), DEFAULT_AUGMENT);
    assert.deepEqual(top, { shift: SPEC_LIMITS.maxShift, rotate: SPEC_LIMITS.maxRotateDeg, zoom: SPEC_LIMITS.maxZoom, brightness: SPEC_LIMITS.maxBrightness });
    assert.ok(parseModelSpec({ ...spec, training: setAugment(spec.training, top) }).ok);
    const past = withSlider(top, 'shift', AUGMENT_SLIDERS.shift.max + 1);
    assert.equal(parseModelSpec({ ...spec, training: setAugment(spec.training, past) }).ok, false);
  });

  test('turning augmentation on sets the defaults; off removes the key', () => {
    const on = setAugment(spec.training, DEFAULT_AUGMENT);
    assert.deepEqual(on.augment, DEFAULT_AUGMENT);
    const off = setAugment(on, null);
    assert.equal('augment' in off, false);
    assert.deepEqual(off, spec.training);
  });

  test('only image inputs can be augmented', () => {
    assert.equal(canAugment([64, 64, 1]), true);
    assert.equal(canAugment([2]), false);
  });
});

describe('early stopping and weight decay ↔ spec', () => {
  test('patience on, changed, blank (kept, so the spec flags it), off', () => {
    const on = setEarlyStopping(spec.training, 3);
    assert.deepEqual(on.earlyStopping, { patience: 3 });
    assert.deepEqual(setEarlyStopping(on, 5).earlyStopping, { patience: 5 });
    const blank = setEarlyStopping(on, NaN);
    const parsed = parseModelSpec({ ...spec, training: blank });
    assert.equal(parsed.ok, false);
    assert.ok(!parsed.ok && parsed.issues.some((i) => i.path === 'training.earlyStopping.patience'));
    const off = setEarlyStopping(on, null);
    assert.equal('earlyStopping' in off, false);
  });

  test('λ set, 0 removes the key, the summary lists what is on', () => {
    const dense = { type: 'dense' as const, units: 8, activation: 'relu' as const };
    const l2 = withDecay(dense, 'l2', 0.001);
    assert.deepEqual(l2, { ...dense, l2: 0.001 });
    const both = withDecay(l2, 'l1', 0.0005);
    assert.deepEqual(activeDecay(both), [['l1', 0.0005], ['l2', 0.001]]);
    const none = withDecay(withDecay(both, 'l1', 0), 'l2', 0);
    assert.deepEqual(none, dense);
    assert.deepEqual(activeDecay(none), []);
    assert.equal(dense.units, 8, 'the input layer is not changed');
  });

  test('Dense and Conv2D take decay; pooling, flatten and dropout do not', () => {
    assert.deepEqual(spec.layers.map(takesDecay), spec.layers.map((l) => l.type === 'dense' || l.type === 'conv2d'));
    assert.equal(takesDecay({ type: 'dropout', rate: 0.3 }), false);
  });
});

describe('what the curves say', () => {
  test('the lowest validation loss: first of equals (as early stopping keeps it), epochs without validation skipped', () => {
    assert.equal(lowestValLoss([]), null);
    assert.equal(lowestValLoss([log(0, 1)]), null);
    assert.deepEqual(lowestValLoss([log(0, 1, 0.9), log(1, 0.8, 0.7), log(2, 0.6, 0.7), log(3, 0.5, 0.8)]), { epoch: 1, valLoss: 0.7 });
    assert.deepEqual(lowestValLoss([log(0, 1, NaN), log(1, 0.8, 0.75)]), { epoch: 1, valLoss: 0.75 });
  });

  const DIVERGENCE: Array<[string, EpochLog[], number | null]> = [
    ['val loss rises while train loss falls, two epochs on', [log(0, 1, 0.8), log(1, 0.6, 0.6), log(2, 0.4, 0.66), log(3, 0.2, 0.7)], 1],
    ['only one epoch past the best: not yet a trend', [log(0, 1, 0.8), log(1, 0.6, 0.6), log(2, 0.4, 0.7)], null],
    ['val loss up by less than 5 %: noise', [log(0, 1, 0.6), log(1, 0.6, 0.61), log(2, 0.4, 0.62)], null],
    ['train loss rose too (diverging training, not memorizing)', [log(0, 0.5, 0.6), log(1, 0.6, 0.7), log(2, 0.9, 0.9)], null],
    ['still improving', [log(0, 1, 0.9), log(1, 0.8, 0.7), log(2, 0.6, 0.5)], null],
  ];
  for (const [name, epochs, expected] of DIVERGENCE) {
    test(`memorizing: ${name}`, () => assert.equal(divergenceSince(epochs), expected));
  }

  test('what the model kept: early stop, Stop pressed, all epochs, or no early stopping', () => {
    assert.deepEqual(keptNote(7, 20, false, 3), { kind: 'early', ran: 7, kept: 4 });
    assert.deepEqual(keptNote(5, 20, true, 1), { kind: 'user', ran: 5, kept: 2 });
    assert.deepEqual(keptNote(20, 20, false, 19), { kind: 'full', ran: 20, kept: 20 });
    assert.equal(keptNote(20, 20, false, undefined), null);
    assert.equal(keptNote(0, 20, true, undefined), null);
  });

  test("the trainer state keeps the worker's bestEpoch", () => {
    const done = { type: 'done' as const, stopped: false, bestEpoch: 2, valPredictions: new Int32Array(0), weights: new ArrayBuffer(0), samplesPerSecond: 1, elapsedMs: 1 };
    const s = [{ type: 'start' as const, spec, tag: 'data' }, done].reduce(trainerReducer, INITIAL_TRAINER);
    assert.equal(s.result?.bestEpoch, 2);
    const plain = [{ type: 'start' as const, spec, tag: 'data' }, { ...done, bestEpoch: undefined }].reduce(trainerReducer, INITIAL_TRAINER);
    assert.equal(plain.result?.bestEpoch, undefined);
  });
});
