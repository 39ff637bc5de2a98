import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHALLENGE_IDS, getModelChallenge, modelChallenge, type ModelChallenge, type StarRule } from '../../../game/challenges';
import { hiddenDenseLayers, meetsRule, modelStars, samplesSeen, type ModelOutcome } from '../../../game/stars';
import { validateSubmission } from '../../../game/submission';
import { defaultSpec, knownGoodSpec, tinySpec } from '../../../models/presets';
import type { Activation, ModelSpec } from '../../../models/spec';

const denseNet = (hidden: number, epochs = 5): ModelSpec => ({
  version: 1,
  layers: [
    ...Array.from({ length: hidden }, () => ({ type: 'dense' as const, units: 4, activation: 'relu' as Activation })),
    { type: 'dense', units: 2, activation: 'softmax' },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 8, epochs, seed: 1 },
});
/** An outcome whose run (when the server trained the spec) took the spec's epochs. */
const outcome = (score: number, paramCount = 100, spec = denseNet(1)): ModelOutcome => ({ score, paramCount, spec, run: { epochs: spec.training.epochs, samplesSeen: spec.training.epochs * 400 } });

describe('meetsRule: each field', () => {
  const cases: [string, StarRule, ModelOutcome, boolean][] = [
    ['score at the bar', { minScore: 0.95 }, outcome(0.95), true],
    ['score a float step under the bar (949.9999/1000)', { minScore: 0.95 }, outcome(0.95 - 1e-12), true],
    ['score one example in 1,000 under', { minScore: 0.95 }, outcome(0.949), false],
    ['parameters at the limit', { minScore: 0, maxParams: 12 }, outcome(1, 12), true],
    ['one parameter over', { minScore: 0, maxParams: 12 }, outcome(1, 13), false],
    ['epochs at the limit', { minScore: 0, maxEpochs: 5 }, outcome(1, 1, denseNet(1, 5)), true],
    ['one epoch over', { minScore: 0, maxEpochs: 5 }, outcome(1, 1, denseNet(1, 6)), false],
    ['declared 1 epoch, but no server run: an epochs rule never holds', { minScore: 0, maxEpochs: 5 }, { score: 1, paramCount: 1, spec: denseNet(1, 1) }, false],
    ['declared 1 epoch, the server ran 6', { minScore: 0, maxEpochs: 5 }, { score: 1, paramCount: 1, spec: denseNet(1, 1), run: { epochs: 6, samplesSeen: 2400 } }, false],
    ['declared 6 epochs, early stopping ended the server run after 3', { minScore: 0, maxEpochs: 5 }, { score: 1, paramCount: 1, spec: denseNet(1, 6), run: { epochs: 3, samplesSeen: 1200 } }, true],
    ['hidden layers at the minimum', { minScore: 0, minHiddenLayers: 6 }, outcome(1, 1, denseNet(6)), true],
    ['one hidden layer short', { minScore: 0, minHiddenLayers: 6 }, outcome(1, 1, denseNet(5)), false],
    ['every field holds', { minScore: 0.9, maxParams: 50, maxEpochs: 5, minHiddenLayers: 2 }, outcome(0.9, 50, denseNet(2, 5)), true],
    ['all hold but the score', { minScore: 0.9, maxParams: 50, maxEpochs: 5, minHiddenLayers: 2 }, outcome(0.89, 50, denseNet(2, 5)), false],
  ];
  for (const [name, rule, o, want] of cases) test(name, () => assert.equal(meetsRule(rule, o), want));

  test('hidden layers count dense layers before the output, not conv, pooling or dropout', () => {
    assert.equal(hiddenDenseLayers(denseNet(0)), 0);
    assert.equal(hiddenDenseLayers(denseNet(3)), 3);
    assert.equal(hiddenDenseLayers(knownGoodSpec('sign-01')), 0);
    assert.equal(hiddenDenseLayers(defaultSpec('activations')), 6);
  });

  test('samples seen are epochs × training examples', () => {
    assert.equal(samplesSeen(denseNet(1, 4), 500), 2_000);
    assert.equal(samplesSeen(denseNet(1, 1), 100), 100);
  });
});

describe('modelStars', () => {
  const c: ModelChallenge = {
    ...modelChallenge('depth-width'),
    stars: [{ minScore: 0.8 }, { minScore: 0.9, maxParams: 100 }, { minScore: 0.95, maxParams: 50 }],
  };
  const table: [number, number, number][] = [
    [0.79, 10, 0],
    [0.8, 10, 1],
    [0.9, 10, 2],
    [0.95, 10, 3],
    [1, 51, 2],
    [1, 101, 1],
    [0.5, 10, 0],
  ];
  for (const [score, params, want] of table) {
    test(`score ${score} with ${params} parameters → ${want} stars`, () => assert.equal(modelStars(c, outcome(score, params)), want));
  }

  test('stars count up: a model that meets the third rule but not the first gets none', () => {
    const odd: ModelChallenge = { ...c, stars: [{ minScore: 0.99 }, { minScore: 0.5 }, { minScore: 0.5 }] };
    assert.equal(modelStars(odd, outcome(0.9)), 0);
  });
});

const modelChallenges = CHALLENGE_IDS.map(getModelChallenge).filter((x): x is ModelChallenge => x !== undefined);

describe('every model challenge', () => {
  for (const c of modelChallenges) {
    test(`${c.id}: each star asks at least as much as the one before, and the goal is the three-star score`, () => {
      const inf = Number.POSITIVE_INFINITY;
      for (let i = 1; i < 3; i++) {
        const [a, b] = [c.stars[i - 1]!, c.stars[i]!];
        assert.ok(b.minScore >= a.minScore, `minScore ${i}`);
        assert.ok((b.maxParams ?? inf) <= (a.maxParams ?? inf), `maxParams ${i}`);
        assert.ok((b.maxEpochs ?? inf) <= (a.maxEpochs ?? inf), `maxEpochs ${i}`);
        assert.ok((b.minHiddenLayers ?? 0) >= (a.minHiddenLayers ?? 0), `minHiddenLayers ${i}`);
      }
      assert.equal(c.goalAccuracy, c.stars[2].minScore);
    });

    test(`${c.id}: the default, known-good and tiny specs are legal submissions`, () => {
      for (const make of [defaultSpec, knownGoodSpec, tinySpec]) {
        const r = validateSubmission(c, make(c.id));
        assert.ok(r.ok, r.ok ? '' : `${make.name}: ${r.error.code} ${r.error.message}`);
      }
    });
  }
});

describe('the samples-seen budget (batch-epochs)', () => {
  const c = modelChallenge('batch-epochs');
  const base = defaultSpec('batch-epochs');
  const withEpochs = (epochs: number) => ({ ...base, training: { ...base.training, epochs } });

  test('4 epochs of 500 examples are allowed; 5 are refused with the epochs named', () => {
    assert.equal(c.budget.maxSamplesSeen, 2_000);
    assert.equal(validateSubmission(c, withEpochs(4)).ok, true);
    const r = validateSubmission(c, withEpochs(5));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'submission/over_samples');
    assert.match(r.error.message, /2500 samples.*allows 2000 \(4 epochs\)/);
    assert.deepEqual(r.error.issues.map((i) => i.path), ['training.epochs']);
  });

  test('the batch size is free: batches of 1 and of the whole set both pass', () => {
    for (const batchSize of [1, 500]) {
      assert.equal(validateSubmission(c, { ...base, training: { ...base.training, batchSize } }).ok, true);
    }
  });

  test('challenges without the budget take as many epochs as the spec allows', () => {
    const spec = knownGoodSpec('depth-width');
    assert.equal(validateSubmission('depth-width', { ...spec, training: { ...spec.training, epochs: 200 } }).ok, true);
  });
});
