/**
 * The GAN challenge's measures on known distributions (game/gan.ts, game/gan-data.ts): the sliced
 * Wasserstein distance is 0 for the same points, small for another sample of the same target and
 * grows with a shift; a collapsed generator covers 1 mode; the score and stars follow the rules.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelChallenge } from '../../../game/challenges';
import { GAN_SCORING, ganOutcome, ganStars, measureGenerator, modeCoverage, slicedWasserstein, type GanMeasure } from '../../../game/gan';
import { gaussianNoise, RING, sampleTarget, targetModes } from '../../../game/gan-data';
import { modelOutcome } from '../../../game/model-outcome';
import { knownGoodSpec } from '../../../models/presets';

const gan = modelChallenge('gan');
const N = 2000;
const hidden = sampleTarget('ring', N, 999);
const swd = (a: Float32Array, b: Float32Array) => slicedWasserstein(a, b, { projections: 32, seed: 5 });
const shifted = (xy: Float32Array, dx: number) => xy.map((v, i) => (i % 2 === 0 ? v + dx : v));
/** Every point on one mode of the ring (a collapsed generator), with the ring's own spread. */
const oneMode = gaussianNoise(N, 2, 5).map((v, i) => (i % 2 === 0 ? RING.radius : 0) + RING.spread * v);

describe('target distributions and noise', () => {
  test('seeded: the same seed gives the same points, another seed others', () => {
    assert.deepEqual(sampleTarget('ring', 50, 3), sampleTarget('ring', 50, 3));
    assert.notDeepEqual(sampleTarget('ring', 50, 3), sampleTarget('ring', 50, 4));
    assert.equal(sampleTarget('moons', 31, 1).length, 62);
  });

  test('the ring has 8 modes at radius 1, the grid 9; points stay in the studio view', () => {
    assert.equal(targetModes('ring').length, 8);
    assert.equal(targetModes('grid').length, 9);
    assert.deepEqual(targetModes('moons'), []);
    const radii = Array.from({ length: N }, (_, i) => Math.hypot(hidden[2 * i]!, hidden[2 * i + 1]!));
    assert.ok(radii.every((r) => r > 0.75 && r < 1.25), 'ring points near radius 1');
    for (const id of ['ring', 'moons', 'grid'] as const) assert.ok(sampleTarget(id, 500, 2).every((v) => Math.abs(v) < 1.5), id);
  });

  test('Gaussian noise has mean 0 and standard deviation 1', () => {
    const z = gaussianNoise(5000, 2, 7);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length);
    assert.ok(Math.abs(mean) < 0.03 && Math.abs(sd - 1) < 0.03, `mean ${mean}, sd ${sd}`);
    assert.equal(gaussianNoise(3, 3, 1).length, 9, 'odd lengths are filled');
  });
});

describe('sliced Wasserstein distance', () => {
  test('0 for the same points, small for another sample of the same ring', () => {
    assert.equal(swd(hidden, hidden), 0);
    const other = swd(sampleTarget('ring', N, 4), hidden);
    assert.ok(other > 0 && other < 0.05, `${other}`);
  });

  test('grows with a shift, and is symmetric', () => {
    const base = sampleTarget('ring', N, 4);
    const d = [0, 0.1, 0.3, 0.6].map((dx) => swd(shifted(base, dx), hidden));
    for (let i = 1; i < d.length; i++) assert.ok(d[i]! > d[i - 1]!, d.join(', '));
    assert.ok(Math.abs(swd(hidden, shifted(base, 0.3)) - d[2]!) < 1e-9);
  });

  test('a collapsed generator is far from the ring; samples of other sizes compare; NaN is infinitely far', () => {
    assert.ok(swd(oneMode, hidden) > 0.5);
    assert.ok(swd(sampleTarget('ring', 500, 4), hidden) < 0.06);
    assert.equal(swd(Float32Array.from([NaN, 0, 1, 1]), hidden), Infinity);
  });
});

describe('modes covered', () => {
  const modes = targetModes('ring');
  test('the ring covers 8, a collapsed generator 1, points at the centre none', () => {
    assert.equal(modeCoverage(hidden, modes, GAN_SCORING.modes).covered, 8);
    assert.equal(modeCoverage(oneMode, modes, GAN_SCORING.modes).covered, 1);
    const centre = modeCoverage(new Float32Array(200), modes, GAN_SCORING.modes);
    assert.deepEqual([centre.covered, centre.nearShare], [0, 0]);
  });

  test('a few strays do not cover a mode', () => {
    const strays = Float32Array.from(oneMode);
    const [x, y] = modes[4]!;
    for (let i = 0; i < 20; i++) [strays[2 * i], strays[2 * i + 1]] = [x, y];
    const c = modeCoverage(strays, modes, GAN_SCORING.modes);
    assert.equal(c.counts[4], 20);
    assert.equal(c.covered, 1);
  });
});

describe('score and stars', () => {
  const measure = (over: Partial<GanMeasure>): GanMeasure => ({ distance: 0.05, modesCovered: 8, modeCount: 8, nearShare: 0.9, score: 0.9, ...over });

  test('another sample of the target scores near 1, a collapsed generator near 0', () => {
    const same = measureGenerator(gan, sampleTarget('ring', N, 4), hidden);
    assert.ok(same.score > 0.9, `${same.score}`);
    const collapsed = measureGenerator(gan, oneMode, hidden);
    assert.ok(collapsed.score < 0.1, `${collapsed.score}`);
    assert.equal(collapsed.modesCovered, 1);
  });

  test('stars need both the score and the modes, and count up', () => {
    assert.equal(ganStars(gan, measure({}), 5000), 3);
    assert.equal(ganStars(gan, measure({ modesCovered: 7 }), 5000), 2);
    assert.equal(ganStars(gan, measure({ score: 0.7 }), 5000), 2);
    assert.equal(ganStars(gan, measure({ score: 0.5, modesCovered: 5 }), 5000), 1);
    assert.equal(ganStars(gan, measure({ modesCovered: 3 }), 5000), 0);
    assert.equal(ganStars(gan, measure({ score: 0.3 }), 5000), 0);
  });

  test('the outcome: modes as correct / total; mismatched or missing points are refused', () => {
    const ok = ganOutcome(gan, sampleTarget('ring', N, 4), hidden, 9000);
    assert.ok(ok.ok);
    assert.deepEqual([ok.score.correct, ok.score.total, ok.stars], [8, 8, 3]);
    const short = ganOutcome(gan, sampleTarget('ring', 10, 4), hidden, 9000);
    assert.equal(short.ok ? 'ok' : short.code, 'scoring/mismatch');
    assert.equal(ganOutcome(gan, undefined, hidden, 9000).ok, false);
    assert.equal(ganOutcome(modelChallenge('memory'), hidden, hidden, 9000).ok, false);
  });

  test('modelOutcome hands a generating challenge to the GAN rules', () => {
    const base = { challenge: gan, spec: knownGoodSpec('gan'), paramCount: 9000, plan: { retrain: false, locked: {} } };
    const scored = modelOutcome({ ...base, measured: { predictions: [], labels: [], points: oneMode, target: hidden } });
    assert.ok(scored.ok);
    assert.deepEqual([scored.stars, scored.score.correct], [0, 1]);
    const none = modelOutcome({ ...base, measured: { predictions: [], labels: [] } });
    assert.equal(none.ok ? 'ok' : none.code, 'scoring/mismatch');
  });
});
