/**
 * Each model challenge's starting model trains but earns no star, and its known-good spec earns
 * three: trained in Node on WASM with the app's loop, scored on the server's test examples with
 * the server's rules (harness.ts). Every run is seeded, so each result is the same on every run.
 * Figures for other seeds, train times and the full Sign Digits runs: bench/challenges.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { ModelChallengeId } from '../../../game/challenges';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';
import { runChallenge, useBackend, withTraining } from './harness';
import { LESSONS } from './lessons';

/** Trained to the end in CI; sign-digits is not (see its own describe). */
const TRAINED_IN_CI: readonly ModelChallengeId[] = ['logic-gates', 'depth-width', 'activations', 'losses', 'batch-epochs', 'sign-01'];

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/** What differs between two specs' training settings, by key. */
function trainingDiff(a: ModelSpec, b: ModelSpec): string[] {
  const keys = new Set([...Object.keys(a.training), ...Object.keys(b.training)]) as Set<keyof ModelSpec['training']>;
  return [...keys].filter((k) => JSON.stringify(a.training[k]) !== JSON.stringify(b.training[k])).sort();
}

before(async () => {
  await useBackend('wasm');
});

describe('default and known-good models, trained', () => {
  for (const id of TRAINED_IN_CI) {
    test(`${id}: the default trains to no star`, async () => {
      const r = await runChallenge(id, defaultSpec(id));
      assert.equal(r.epochs, defaultSpec(id).training.epochs);
      assert.equal(r.stars, 0, `${pct(r.accuracy)}, ${r.stars} stars`);
    });

    test(`${id}: the known-good spec earns three stars`, async () => {
      const r = await runChallenge(id, knownGoodSpec(id));
      assert.equal(r.stars, 3, `${pct(r.accuracy)}, ${r.stars} stars, ${r.paramCount} parameters`);
    });
  }
});

describe('the lesson of each challenge', () => {
  test('logic-gates: one neuron gets at most three of the four XOR rows, even with 5x the epochs', async () => {
    for (const spec of [defaultSpec('logic-gates'), withTraining(defaultSpec('logic-gates'), { epochs: 100 })]) {
      const r = await runChallenge('logic-gates', spec);
      assert.ok(r.accuracy <= 0.75, pct(r.accuracy));
    }
  });

  test('logic-gates: a hidden layer of 3 (17 parameters) solves XOR for two stars, not three', async () => {
    const lesson = LESSONS['logic-gates']?.find((l) => l.name.includes('3 tanh'));
    assert.ok(lesson);
    const r = await runChallenge('logic-gates', lesson.spec());
    assert.deepEqual([r.accuracy, r.paramCount, r.stars], [1, 17, 2]);
  });

  test('activations: the same deep net trains with ReLU too; only the activation differs from the default', async () => {
    const relu = LESSONS.activations?.[0]?.spec();
    assert.ok(relu);
    const r = await runChallenge('activations', relu);
    assert.equal(r.stars, 3, pct(r.accuracy));
    assert.deepEqual(knownGoodSpec('activations').training, defaultSpec('activations').training);
    assert.deepEqual(defaultSpec('activations').layers.slice(0, 6).map((l) => l.type === 'dense' && l.activation), Array(6).fill('sigmoid'));
  });

  test('losses: default and known-good are the same net and settings but the loss', () => {
    assert.deepEqual(knownGoodSpec('losses').layers, defaultSpec('losses').layers);
    assert.deepEqual(trainingDiff(defaultSpec('losses'), knownGoodSpec('losses')), ['loss']);
    assert.equal(defaultSpec('losses').training.loss, 'meanSquaredError');
  });

  test('batch-epochs: default and known-good differ only in batch size, both within the samples budget', () => {
    assert.deepEqual(knownGoodSpec('batch-epochs').layers, defaultSpec('batch-epochs').layers);
    assert.deepEqual(trainingDiff(defaultSpec('batch-epochs'), knownGoodSpec('batch-epochs')), ['batchSize']);
    assert.ok(knownGoodSpec('batch-epochs').training.batchSize < defaultSpec('batch-epochs').training.batchSize);
  });

  test('sign-01: logistic regression trained properly earns a star or two, never three', async () => {
    const lesson = LESSONS['sign-01']?.[0];
    assert.ok(lesson);
    const spec = lesson.spec();
    assert.deepEqual(spec.layers, defaultSpec('sign-01').layers);
    const r = await runChallenge('sign-01', spec);
    assert.ok(r.stars >= 1 && r.stars <= 2, `${pct(r.accuracy)}, ${r.stars} stars`);
  });
});

/**
 * NOT covered in CI (minutes on 2 cores; bench/preset-sweep.ts, bench:accuracy): the Sign Digits
 * default at its full 8 epochs (90.2 % test in a Node run: no star) and the known-good's 40 epochs
 * with augmentation (bench:accuracy reports its server test score). CI trains one epoch of the
 * default, end to end, and checks how the known-good differs from it.
 */
describe('sign-digits (CI-sized)', () => {
  test('the default, one of its 8 epochs only: it learns (above chance) and stays under one star', async () => {
    const r = await runChallenge('sign-digits', withTraining(defaultSpec('sign-digits'), { epochs: 1 }));
    // Chance is 10 %; one epoch varied from 17 % (a loaded machine, unseeded dropout) upwards.
    assert.ok(r.accuracy > 0.1, pct(r.accuracy));
    assert.equal(r.stars, 0, pct(r.accuracy));
  });

  test('the known-good trains longer than the default and with augmentation (its training is not run here)', () => {
    const good = knownGoodSpec('sign-digits');
    const start = defaultSpec('sign-digits');
    assert.ok(good.training.epochs > start.training.epochs);
    assert.ok(good.training.augment && !start.training.augment);
  });
});
