import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  costKey, estimateRun, forwardMacs, MAX_RATES, parseRates, rateFor, rateSince, RATES_STORAGE_KEY, runSamples, secondsLeft, withRate, type MeasuredRate,
} from '../../../app/components/studio/presets/estimate';
import { defaultSpec, presetSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';

const IMG = [64, 64, 1] as const;
const rate = (key: string, samplesPerSecond: number, at: number, macs = 1e6, backend = 'wasm'): MeasuredRate => ({ key, backend, macs, samplesPerSecond, at });

describe('forwardMacs', () => {
  test('a conv counts output size × kernel area × input channels; dense its weights and biases', () => {
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
      training: defaultSpec('sign-digits').training,
    };
    // 32x32x4 outputs × 9 taps × 1 channel; flatten 4,096 (no weights); dense 4,096·10 + 10.
    assert.equal(forwardMacs(spec, IMG, 10), 32 * 32 * 4 * 9 + 4096 + 40_970);
  });

  test('a spec whose shapes do not fit has no cost', () => {
    const bad: ModelSpec = { ...defaultSpec('sign-digits'), layers: [{ type: 'dense', units: 3, activation: 'softmax' }] };
    assert.equal(forwardMacs(bad, IMG, 10), null);
  });

  test('the strong preset costs as much per sample as the default (same network), the quick one far less', () => {
    const d = forwardMacs(defaultSpec('sign-digits'), IMG, 10)!;
    assert.equal(forwardMacs(presetSpec('sign-digits', 'strong')!, IMG, 10), d);
    assert.ok(forwardMacs(presetSpec('sign-digits', 'quick')!, IMG, 10)! < d / 10);
  });
});

describe('rateFor and estimateRun', () => {
  const spec = defaultSpec('sign-digits');
  const macs = forwardMacs(spec, IMG, 10)!;

  test('this model measured here: its own rate; samples = epochs × training examples', () => {
    const rates = [rate(costKey(spec), 200, 2, macs)];
    const e = estimateRun(spec, { inputShape: IMG, numClasses: 10, trainCount: 1444, rates });
    assert.equal(runSamples(spec, 1444), spec.training.epochs * 1444);
    assert.deepEqual(e, { seconds: (spec.training.epochs * 1444) / 200, samplesPerSecond: 200, source: 'measured' });
  });

  test('epochs and learning rate do not change the key; layers and batch size do', () => {
    const longer = { ...spec, training: { ...spec.training, epochs: 30, optimizer: { type: 'adam' as const, learningRate: 0.01 } } };
    assert.equal(costKey(longer), costKey(spec));
    assert.notEqual(costKey({ ...spec, training: { ...spec.training, batchSize: 64 } }), costKey(spec));
  });

  test('another model measured here: its rate scaled by the cost ratio', () => {
    const r = rateFor('other', 2000, [rate('measured-one', 100, 5, 4000)]);
    assert.deepEqual(r, { samplesPerSecond: 200, source: 'scaled' });
  });

  test('the newest measurement names the backend: an older one on another backend is not used as is', () => {
    const rates = [rate('k', 50, 1, 1000, 'cpu'), rate('other', 300, 9, 1000, 'wasm')];
    assert.deepEqual(rateFor('k', 1000, rates), { samplesPerSecond: 300, source: 'scaled' });
  });

  test('nothing measured: the typical figure, scaled; too far from any measured cost: nothing', () => {
    assert.deepEqual(rateFor('k', 1000, [], { macs: 2000, samplesPerSecond: 60 }), { samplesPerSecond: 120, source: 'typical' });
    assert.equal(rateFor('k', 1000, [rate('other', 100, 1, 1e6)]), null);
    assert.equal(rateFor('k', 1000, []), null);
  });
});

describe('rates from the first batches', () => {
  const at = (epoch: number, batch: number, samplesSeen: number, elapsedMs: number) => ({ epoch, batch, batchesPerEpoch: 10, samplesSeen, elapsedMs });

  test('the first batch is the baseline; a rate needs three batches after it', () => {
    const first = at(0, 0, 32, 900);
    assert.equal(rateSince(first, at(0, 2, 96, 1100)), null);
    assert.equal(rateSince(first, at(0, 3, 128, 1380)), (96 * 1000) / 480);
  });

  test('batches are counted across epochs', () => {
    assert.equal(rateSince(at(0, 9, 320, 1000), at(1, 2, 416, 2000)), 96);
  });

  test('seconds left: samples to go over the rate, never negative', () => {
    assert.equal(secondsLeft(1000, 3000, 200), 10);
    assert.equal(secondsLeft(3200, 3000, 200), 0);
    assert.equal(secondsLeft(0, 3000, 0), Infinity);
  });
});

describe('stored rates', () => {
  test('one entry per model and backend, newest first, at most MAX_RATES', () => {
    let rates: MeasuredRate[] = [];
    for (let i = 0; i < MAX_RATES + 3; i++) rates = withRate(rates, rate(`m${i}`, 100 + i, i));
    assert.equal(rates.length, MAX_RATES);
    assert.equal(rates[0]!.key, `m${MAX_RATES + 2}`);
    rates = withRate(rates, rate('m5', 999, 100));
    assert.equal(rates.filter((r) => r.key === 'm5').length, 1);
    assert.equal(rates[0]!.samplesPerSecond, 999);
  });

  test('what storage held is checked: malformed, foreign or negative entries give no rates', () => {
    assert.equal(RATES_STORAGE_KEY.startsWith('gradient-arena.'), true);
    assert.deepEqual(parseRates(null), []);
    assert.deepEqual(parseRates('{not json'), []);
    assert.deepEqual(parseRates(JSON.stringify([{ key: 'k', backend: 'wasm', macs: 1, samplesPerSecond: -5, at: 1 }])), []);
    const good = [rate('k', 10, 1)];
    assert.deepEqual(parseRates(JSON.stringify(good)), good);
  });
});
