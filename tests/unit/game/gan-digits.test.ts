/**
 * The digit GAN's measure (game/gan-digits.ts) on known inputs: a judge sure of every asked digit
 * and photos as varied as the real ones score 1; one photo per digit whatever the noise (collapse
 * inside a digit) has variety 0; good photos of the wrong digit, or of one digit whatever is asked,
 * cover no or one digit; stars follow the rules; the real photos' spread constant is the data's.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { forChallenge } from '../../../game/challenge-data';
import { modelChallenge } from '../../../game/challenges';
import { ganIO } from '../../../game/gan-challenges';
import { askedDigit, DIGIT_MIN_SHARE, digitGanOutcome, digitGanStars, GAN_DIGITS_SAMPLES, groupSpread, measureDigits, REAL_DIGIT_SPREAD, type DigitGanMeasure } from '../../../game/gan-digits';
import { modelOutcome } from '../../../game/model-outcome';
import { mulberry32 } from '../../../game/random';
import { validateSubmission } from '../../../game/submission';
import { loadSplitFromDisk } from '../../../models/dataset-node';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';

const c = modelChallenge('gan-digits');
const N = GAN_DIGITS_SAMPLES;
const SIZE = 256;

/** Probabilities: `p` on the digit `read(i)` reads as, the rest spread evenly. */
function judged(read: (i: number) => number, p: number): Float32Array {
  const out = new Float32Array(N * 10).fill((1 - p) / 9);
  for (let i = 0; i < N; i++) out[i * 10 + read(i)] = p;
  return out;
}

/** Photos with each pixel uniform on 0..1 (far more varied than real photos), or one photo per digit. */
const noisy = (seed: number) => {
  const r = mulberry32(seed);
  return Float32Array.from({ length: N * SIZE }, () => r());
};
const perDigit = Float32Array.from({ length: N * SIZE }, (_, k) => (askedDigit(Math.floor(k / SIZE), 10) * 7 + (k % SIZE)) % 13 / 13);

describe('digit GAN measure', () => {
  test('a sure, right judge and varied photos: score 1, every digit covered', () => {
    const m = measureDigits(noisy(1), judged((i) => askedDigit(i, 10), 1), N, 10);
    assert.equal(m.confidence, 1);
    assert.equal(m.recognised, 1);
    assert.equal(m.variety, 1, `spread ${m.spread}`);
    assert.equal(m.digitsCovered, 10);
    assert.equal(m.score, 1);
  });

  test('one photo per digit whatever the noise: variety 0, score 0, though the judge is sure', () => {
    const m = measureDigits(perDigit, judged((i) => askedDigit(i, 10), 1), N, 10);
    assert.equal(m.spread, 0);
    assert.equal(m.variety, 0);
    assert.equal(m.score, 0);
    assert.equal(m.digitsCovered, 10, 'the judge still reads every digit');
  });

  test('good photos of the wrong digit cover none; one digit whatever is asked covers one', () => {
    const wrong = measureDigits(noisy(2), judged((i) => (askedDigit(i, 10) + 1) % 10, 0.95), N, 10);
    assert.equal(wrong.digitsCovered, 0);
    assert.equal(wrong.recognised, 0);
    assert.ok(wrong.confidence < 0.01, `${wrong.confidence}`);
    const three = measureDigits(noisy(3), judged(() => 3, 0.95), N, 10);
    assert.equal(three.digitsCovered, 1);
    assert.ok(Math.abs(three.recognised - 0.1) < 1e-9);
  });

  test('a digit is covered from DIGIT_MIN_SHARE of its photos read as it', () => {
    // Digit 0: its k-th photo (i = 10k) reads as 0 for the first `hits` of its 50 photos.
    const cover = (hits: number) => measureDigits(noisy(4), judged((i) => (askedDigit(i, 10) === 0 && i / 10 >= hits ? 1 : askedDigit(i, 10)), 0.9), N, 10).digitsCovered;
    const need = Math.ceil(DIGIT_MIN_SHARE * (N / 10));
    assert.equal(cover(need), 10);
    assert.equal(cover(need - 1), 9);
  });

  test('NaN probabilities and out-of-range pixels count as nothing and as clipped', () => {
    const probs = judged((i) => askedDigit(i, 10), 1).map((v, k) => (k % 20 === 0 ? NaN : v));
    const m = measureDigits(noisy(5).map((v) => v * 3 - 1), probs, N, 10);
    assert.ok(Number.isFinite(m.score) && m.confidence < 1 && m.confidence > 0.8, `${m.confidence}`);
    assert.ok(m.spread <= 0.5, 'pixels are clipped to 0..1 before the spread');
  });

  test("REAL_DIGIT_SPREAD is the real test photos' spread at 16x16 (to 4 decimals)", () => {
    const split = forChallenge(c, loadSplitFromDisk(join(import.meta.dirname, '..', '..', '..', 'data', 'sign-digits'), 'test').data, 'test');
    assert.equal(split.height, 16);
    const spread = groupSpread(Float32Array.from(split.images, (v) => v / 255), split.count, SIZE, (i) => split.labels[i] ?? 0, 10);
    assert.ok(Math.abs(spread - REAL_DIGIT_SPREAD) < 5e-5, `${spread}`);
  });
});

describe('digit GAN stars and outcome', () => {
  const measure = (score: number, digitsCovered: number): DigitGanMeasure => ({ score, digitsCovered, confidence: score, recognised: 0, variety: 1, spread: 0, classes: 10 });

  test('stars count up while score and digits hold, and stop at the first rule that fails', () => {
    const [one, two, three] = c.stars;
    assert.equal(digitGanStars(c, measure(three.minScore, three.minModes ?? 0), 1000), 3);
    assert.equal(digitGanStars(c, measure(three.minScore, (three.minModes ?? 1) - 1), 1000), 2);
    assert.equal(digitGanStars(c, measure(two.minScore - 0.01, 10), 1000), 1);
    assert.equal(digitGanStars(c, measure(one.minScore - 0.01, 10), 1000), 0);
    assert.equal(digitGanStars(c, measure(1, (one.minModes ?? 1) - 1), 1000), 0);
  });

  test('the outcome needs GAN_DIGITS_SAMPLES photos and their readings; stores digits covered of 10', () => {
    const ok = digitGanOutcome(c, noisy(6), judged((i) => askedDigit(i, 10), 1), 1000);
    assert.ok(ok.ok);
    assert.deepEqual(ok.score, { score: 1, correct: 10, total: 10 });
    assert.equal(ok.stars, 3);
    assert.equal(digitGanOutcome(c, noisy(6).subarray(0, SIZE * 10), judged(() => 0, 1), 1000).ok, false);
    assert.equal(digitGanOutcome(c, noisy(6), undefined, 1000).ok, false);
    assert.equal(digitGanOutcome(modelChallenge('gan'), noisy(6), judged(() => 0, 1), 1000).ok, false);
  });

  test('modelOutcome routes a photo GAN to the judge, never to the points measure', () => {
    const spec = knownGoodSpec('gan-digits');
    const o = modelOutcome({ challenge: c, spec, paramCount: 1000, measured: { predictions: [], labels: [], points: noisy(7), judged: judged((i) => askedDigit(i, 10), 1) }, plan: { retrain: false, locked: {} } });
    assert.ok(o.ok && o.stars === 3, JSON.stringify(o));
    const none = modelOutcome({ challenge: c, spec, paramCount: 1000, measured: { predictions: [], labels: [], points: noisy(7) }, plan: { retrain: false, locked: {} } });
    assert.equal(none.ok, false, 'no reading from the judge: no score');
  });

  test('the presets are legal submissions with the conditional shapes', () => {
    assert.deepEqual(ganIO(c), { sample: [16, 16, 1], classes: 10 });
    for (const spec of [defaultSpec('gan-digits'), knownGoodSpec('gan-digits')]) {
      const check = validateSubmission(c, spec);
      assert.ok(check.ok, JSON.stringify(!check.ok && check.error));
    }
  });
});
