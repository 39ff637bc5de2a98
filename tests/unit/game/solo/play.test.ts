import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RACE_STARS } from '../../../../game/solo/path';
import { playEntrySchema, RACE_SURFACES, raceOutcomes, scorePlayEntry, scoreRaceEntry, type RaceEntry } from '../../../../game/solo/play';
import type { RaceSettings } from '../../../../game/solo/optimizers';

const everywhere = (s: RaceSettings): RaceEntry => ({ kind: 'race', surfaces: { bowl: s, ravine: s, saddle: s, rosenbrock: s } });
const gd = (learningRate: number): RaceSettings => ({ optimizer: 'gd', learningRate, momentum: 0 });

/** Settings that reach each minimum within its three-star steps (replayed with RACE_SEED). */
const TUNED: RaceEntry = {
  kind: 'race',
  surfaces: {
    bowl: { optimizer: 'momentum', learningRate: 0.5, momentum: 0.5 },
    ravine: { optimizer: 'rmsprop', learningRate: 0.3, momentum: 0 },
    saddle: { optimizer: 'rmsprop', learningRate: 0.3, momentum: 0 },
    rosenbrock: { optimizer: 'adam', learningRate: 1, momentum: 0.9 },
  },
};

describe('scoreRaceEntry', () => {
  test('tuned settings: every surface within its three-star steps, score 1, three stars', () => {
    const outcomes = raceOutcomes(TUNED);
    assert.deepEqual(outcomes.map((o) => o.surface), [...RACE_SURFACES]);
    for (const o of outcomes) assert.ok(o.steps !== null && o.steps <= RACE_STARS[o.surface].three, `${o.surface}: ${o.steps}`);
    const r = scoreRaceEntry(TUNED);
    assert.equal(r.stars, 3);
    assert.equal(r.score.score, 1);
    assert.deepEqual([r.score.correct, r.score.total], [4, 4]);
  });

  test('plain gradient descent at its best learning rate per surface earns fewer stars and a lower score', () => {
    const rates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
    const best = Object.fromEntries(
      RACE_SURFACES.map((surface) => {
        const steps = (lr: number) => raceOutcomes(everywhere(gd(lr))).find((o) => o.surface === surface)?.steps ?? Infinity;
        const lr = rates.reduce((a, b) => (steps(b) < steps(a) ? b : a));
        return [surface, gd(lr)];
      }),
    ) as RaceEntry['surfaces'];
    const r = scoreRaceEntry({ kind: 'race', surfaces: best });
    assert.ok(r.stars < 3, `stars ${r.stars}`);
    assert.ok(r.score.score < 0.9, `score ${r.score.score}`);
    // One setting for all four: 0.01 reaches every minimum, slowly.
    const slow = scoreRaceEntry(everywhere(gd(0.01)));
    assert.equal(slow.score.correct, 4);
    assert.ok(slow.score.score < 0.1 && slow.stars < 3);
  });

  test('a learning rate that diverges everywhere scores 0 with no stars', () => {
    const r = scoreRaceEntry(everywhere(gd(10)));
    assert.deepEqual(r, { score: { score: 0, correct: 0, total: 4 }, stars: 0 });
  });

  test('stars are those of the weakest surface; the score is the mean of the capped parts', () => {
    const entry: RaceEntry = { ...TUNED, surfaces: { ...TUNED.surfaces, ravine: gd(10) } };
    const r = scoreRaceEntry(entry);
    assert.equal(r.stars, 0);
    assert.equal(r.score.correct, 3);
    assert.ok(Math.abs(r.score.score - 0.75) < 1e-12, `${r.score.score}`);
  });

  test('replays are deterministic, and scorePlayEntry dispatches on the kind', () => {
    assert.deepEqual(scoreRaceEntry(TUNED), scoreRaceEntry(structuredClone(TUNED)));
    assert.deepEqual(scorePlayEntry(TUNED), scoreRaceEntry(TUNED));
  });
});

describe('playEntrySchema', () => {
  const refused: [string, unknown][] = [
    ['a missing surface', { kind: 'race', surfaces: { bowl: gd(0.1), ravine: gd(0.1), saddle: gd(0.1) } }],
    ['an unknown field (a client-computed score)', { ...TUNED, score: 1 }],
    ['an unknown optimizer', everywhere({ ...gd(0.1), optimizer: 'lbfgs' as 'gd' })],
    ['a learning rate over 10', everywhere(gd(11))],
    ['a learning rate under 1e-4', everywhere(gd(1e-5))],
    ['momentum 1', everywhere({ ...gd(0.1), momentum: 1 })],
    ['a negative seed', { kind: 'steps', seed: -1, answers: [] }],
    ['a fractional seed', { kind: 'steps', seed: 1.5, answers: [] }],
    ['17 answers', { kind: 'steps', seed: 1, answers: Array.from({ length: 17 }, () => 0) }],
    ['a non-finite answer', { kind: 'steps', seed: 1, answers: [Number.POSITIVE_INFINITY] }],
    ['an unknown kind', { kind: 'quiz', seed: 1, answers: [] }],
  ];
  for (const [name, entry] of refused) test(`refuses ${name}`, () => assert.equal(playEntrySchema.safeParse(entry).success, false));

  test('accepts a race entry and a steps entry', () => {
    assert.equal(playEntrySchema.safeParse(TUNED).success, true);
    assert.equal(playEntrySchema.safeParse({ kind: 'steps', seed: 7, answers: [0.1, 0.2] }).success, true);
  });
});
