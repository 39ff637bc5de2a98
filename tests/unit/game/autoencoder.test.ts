/**
 * The autoencoder challenges' rules (game/autoencoder.ts, game/autoencoder-challenges.ts): the
 * score on known errors, stars that read the stored spec's code length, the spec checks that name
 * the field, the modelOutcome branch, and the baseline constant against the data it comes from.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { autoencoderOutcome, scoreReconstruction } from '../../../game/autoencoder';
import { AUTOENCODER_CHALLENGE, DENOISE_CHALLENGE, MEAN_PHOTO_MSE } from '../../../game/autoencoder-challenges';
import { getModelChallenge, outputTarget, PATH_IDS } from '../../../game/challenges';
import { modelOutcome } from '../../../game/model-outcome';
import { validateSubmission } from '../../../game/submission';
import { meanImage, meanImageErrors } from '../../../models/autoencoder';
import { knownGoodSpec } from '../../../models/presets';
import { convAutoencoder, denseAutoencoder } from '../../../models/presets-autoencoder';
import type { ModelSpec } from '../../../models/spec';
import { forChallenge } from '../../../game/challenge-data';
import { loadSplitFromDisk } from '../../../models/dataset-node';
import { testExamples } from '../../../server/scoring/test-split';
import { DATA_DIR } from '../challenges/harness';
import { join } from 'node:path';

const T = { loss: 'meanSquaredError' as const, optimizer: { type: 'adam' as const, learningRate: 0.003 }, batchSize: 32, epochs: 5, seed: 1 };
const withCode = (k: number): ModelSpec => convAutoencoder(32, k, [8, 16], T);
const errorsOf = (mse: number, n = 409) => new Float32Array(n).fill(mse);

describe('the score', () => {
  test('1 − mean error / the mean photo\'s error, clipped to 0..1', () => {
    const half = scoreReconstruction(errorsOf(MEAN_PHOTO_MSE / 2), 409);
    assert.ok(half.ok && Math.abs(half.value.score - 0.5) < 1e-6, JSON.stringify(half));
    const perfect = scoreReconstruction(errorsOf(0), 409);
    assert.ok(perfect.ok && perfect.value.score === 1 && perfect.value.correct === 409);
    const worse = scoreReconstruction(errorsOf(MEAN_PHOTO_MSE * 3), 409);
    assert.ok(worse.ok && worse.value.score === 0 && worse.value.correct === 0);
  });

  test('correct counts the photos rebuilt closer than the mean photo; NaN counts as the worst', () => {
    const e = Float32Array.from([0, MEAN_PHOTO_MSE * 2, NaN, MEAN_PHOTO_MSE / 4]);
    const r = scoreReconstruction(e, 4, MEAN_PHOTO_MSE);
    assert.ok(r.ok);
    assert.equal(r.value.correct, 2);
    assert.equal(r.value.total, 4);
    assert.equal(r.value.score, 0, 'an error of 1 on one photo outweighs the rest');
  });

  test('a wrong number of errors or an empty split is an error, not a zero', () => {
    const r = scoreReconstruction(errorsOf(0.01, 3), 409);
    assert.ok(!r.ok && /got 3 reconstruction errors for 409 test photos/.test(r.message));
    assert.equal(scoreReconstruction([], 0).ok, false);
  });
});

describe('stars read the stored spec\'s code, never a number sent with it', () => {
  const stars = (c = AUTOENCODER_CHALLENGE, k: number, score: number) => {
    const o = autoencoderOutcome(c, errorsOf(MEAN_PHOTO_MSE * (1 - score)), 409, withCode(k), 20_000);
    assert.ok(o.ok);
    return o.stars;
  };
  test('the same score earns more stars through a shorter code', () => {
    const [one, two, three] = AUTOENCODER_CHALLENGE.stars;
    const top = three.minScore + 0.01;
    assert.equal(stars(AUTOENCODER_CHALLENGE, (one.maxCode ?? 0) * 2, top), 0, 'a code longer than every star allows');
    assert.equal(stars(AUTOENCODER_CHALLENGE, one.maxCode ?? 0, top), 1);
    assert.equal(stars(AUTOENCODER_CHALLENGE, two.maxCode ?? 0, top), 2);
    assert.equal(stars(AUTOENCODER_CHALLENGE, three.maxCode ?? 0, top), 3);
    assert.equal(stars(AUTOENCODER_CHALLENGE, three.maxCode ?? 0, one.minScore - 0.02), 0, 'a short code that rebuilds badly');
  });
  test('each star asks a code no longer and a score no lower than the one before (both levels)', () => {
    for (const c of [AUTOENCODER_CHALLENGE, DENOISE_CHALLENGE]) {
      c.stars.forEach((r, i) => {
        const prev = c.stars[i - 1];
        assert.ok(r.maxCode !== undefined, `${c.id} star ${i + 1} has a code limit`);
        if (prev) assert.ok(r.minScore >= prev.minScore && (r.maxCode ?? 0) <= (prev.maxCode ?? 0) && (r.minScore > prev.minScore || (r.maxCode ?? 0) < (prev.maxCode ?? 0)), `${c.id} star ${i + 1}`);
      });
    }
  });
  test('modelOutcome branches on the objective and takes the worker\'s errors', () => {
    const k = AUTOENCODER_CHALLENGE.stars[2].maxCode ?? 0;
    const o = modelOutcome({
      challenge: AUTOENCODER_CHALLENGE,
      spec: withCode(k),
      paramCount: 20_000,
      measured: { predictions: new Int32Array(0), labels: new Uint8Array(409), errors: errorsOf(0) },
      plan: { retrain: false, locked: {} },
    });
    assert.ok(o.ok && o.score.score === 1 && o.stars === 3, JSON.stringify(o));
    const none = modelOutcome({ challenge: AUTOENCODER_CHALLENGE, spec: withCode(k), paramCount: 1, measured: { predictions: new Int32Array(0), labels: new Uint8Array(409) }, plan: { retrain: false, locked: {} } });
    assert.ok(!none.ok && none.code === 'scoring/mismatch');
  });
});

describe('submission checks name the field', () => {
  const issues = (spec: unknown, c = AUTOENCODER_CHALLENGE) => {
    const r = validateSubmission(c, spec);
    assert.equal(r.ok, false, 'refused');
    return r.ok ? [] : r.error.issues;
  };
  test('the known-good specs pass, with the challenge\'s output shape', () => {
    for (const c of [AUTOENCODER_CHALLENGE, DENOISE_CHALLENGE]) {
      const r = validateSubmission(c, knownGoodSpec(c.id as 'autoencoder'));
      assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
      assert.deepEqual(r.shapes.layers.at(-1)?.outputShape, c.inputShape);
    }
    assert.deepEqual(outputTarget(AUTOENCODER_CHALLENGE), [32, 32, 1]);
  });
  test('no bottleneck, two, the wrong loss, augmentation, the wrong output shape', () => {
    const good = withCode(8);
    const unmarked = { ...good, layers: good.layers.map((l) => (l.type === 'dense' ? { ...l, bottleneck: false } : l)) };
    assert.deepEqual(issues(unmarked).map((i) => i.path), ['layers']);
    const twice = { ...good, layers: good.layers.map((l) => (l.type === 'dense' ? { ...l, bottleneck: true } : l)) };
    assert.deepEqual(issues(twice).map((i) => i.path), ['layers.4.bottleneck']);
    const ce = issues({ ...good, training: { ...good.training, loss: 'categoricalCrossentropy' } });
    assert.match(ce[0]?.message ?? '', /^training\.loss: an autoencoder is trained with meanSquaredError/);
    const aug = issues({ ...good, training: { ...good.training, augment: { shift: 0.1, rotate: 0, zoom: 0, brightness: 0 } } });
    assert.deepEqual(aug.map((i) => i.path), ['training.augment']);
    const flat = { ...good, layers: good.layers.slice(0, -1) };
    assert.match(issues(flat)[0]?.message ?? '', /must output 32x32x1, the input's own shape/);
    assert.match(issues(denseAutoencoder(16, 8, 16, T))[0]?.message ?? '', /layers\.5: .*must output 32x32x1, the input's own shape.*got 16x16x1/);
  });
  test('a classifier challenge refuses a marked bottleneck', () => {
    const spec = { version: 1, layers: [{ type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax', bottleneck: true }], training: { ...T, loss: 'categoricalCrossentropy' } };
    assert.deepEqual(issues(spec, getModelChallenge('sign-digits')).map((i) => i.path), ['layers.1.bottleneck']);
  });
});

describe('the challenges on the path', () => {
  test('autoencoder and denoise come right after attention', () => {
    const i = PATH_IDS.indexOf('attention');
    assert.deepEqual(PATH_IDS.slice(i + 1, i + 3), ['autoencoder', 'denoise']);
  });
  test('MEAN_PHOTO_MSE is the mean training photo\'s error on the hidden test photos (both levels)', () => {
    for (const c of [AUTOENCODER_CHALLENGE, DENOISE_CHALLENGE]) {
      const train = forChallenge(c, loadSplitFromDisk(join(DATA_DIR, 'sign-digits'), 'train').data, 'train');
      const test = testExamples(DATA_DIR, c);
      assert.ok('images' in test);
      const e = meanImageErrors(meanImage(train), test);
      const mse = e.reduce((s, v) => s + v, 0) / e.length;
      assert.ok(Math.abs(mse - MEAN_PHOTO_MSE) / MEAN_PHOTO_MSE < 0.001, `${c.id}: ${mse}`);
      assert.equal(test.count, 409);
      assert.deepEqual([test.height, test.width], [32, 32]);
    }
  });
  test('the denoising level\'s inputs are noisy, its targets clean; the test noise is not the training noise', () => {
    const dir = join(DATA_DIR, 'sign-digits');
    const train = forChallenge(DENOISE_CHALLENGE, loadSplitFromDisk(dir, 'train').data, 'train');
    const clean = forChallenge(AUTOENCODER_CHALLENGE, loadSplitFromDisk(dir, 'train').data, 'train');
    assert.ok('noisy' in train && train.noisy instanceof Uint8Array);
    assert.deepEqual(train.images, clean.images, 'the targets are the clean photos');
    assert.ok(!('noisy' in clean), 'the plain autoencoder sees clean photos');
    const test = testExamples(DATA_DIR, DENOISE_CHALLENGE);
    assert.ok('noisy' in test && test.noisy instanceof Uint8Array);
    const browserTest = forChallenge(DENOISE_CHALLENGE, loadSplitFromDisk(dir, 'test').data, 'test');
    assert.ok(!('noisy' in browserTest), 'only the server noises the test photos');
    let diff = 0;
    const n = train.noisy as Uint8Array;
    for (let i = 0; i < n.length; i++) diff += Math.abs((n[i] ?? 0) - (train.images[i] ?? 0));
    assert.ok(diff / n.length > 30, `mean absolute noise ${diff / n.length} of 255`);
  });
});
