/**
 * Scoring of the play challenges (optimizer race, step-through): the entry is settings or answers,
 * validated here with zod; the score is the server's own replay, 0..1, higher is better.
 */
import { z } from 'zod';
import type { Score } from '../scoring';
import type { Stars } from '../stars';
import { RACE_OPTIMIZERS, type RaceSettings } from './optimizers';
import { RACE_STARS, scoreRace, starsFor } from './path';
import { gradeSteps } from './steps-quiz';
import type { SurfaceId } from './surfaces';

export const RACE_SURFACES: readonly SurfaceId[] = ['bowl', 'ravine', 'saddle', 'rosenbrock'];
/** Every race is replayed with this seed (the thresholds were set with it): no lucky draws. */
export const RACE_SEED = 1;

const raceSettingsSchema = z.strictObject({
  optimizer: z.enum(RACE_OPTIMIZERS),
  learningRate: z.number().min(1e-4).max(10),
  momentum: z.number().min(0).max(0.999),
});

export const raceEntrySchema = z.strictObject({
  kind: z.literal('race'),
  surfaces: z.strictObject({ bowl: raceSettingsSchema, ravine: raceSettingsSchema, saddle: raceSettingsSchema, rosenbrock: raceSettingsSchema }),
});

export const stepsEntrySchema = z.strictObject({
  kind: z.literal('steps'),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  answers: z.array(z.number().finite()).max(16),
});

export const playEntrySchema = z.discriminatedUnion('kind', [raceEntrySchema, stepsEntrySchema]);
export type RaceEntry = z.infer<typeof raceEntrySchema>;
export type StepsEntry = z.infer<typeof stepsEntrySchema>;
export type PlayEntry = z.infer<typeof playEntrySchema>;

export interface PlayOutcome {
  score: Score;
  stars: Stars;
}

export interface SurfaceOutcome {
  surface: SurfaceId;
  steps: number | null;
  stars: Stars;
}

export function raceOutcomes(entry: RaceEntry): SurfaceOutcome[] {
  return RACE_SURFACES.map((surface) => {
    const settings: RaceSettings = entry.surfaces[surface];
    return { surface, ...scoreRace(surface, settings, RACE_SEED) };
  });
}

/**
 * Score: the mean over surfaces of (three-star steps ÷ steps taken), capped at 1, 0 where the
 * minimum was never reached. Stars: those of the weakest surface, so every surface must be tuned.
 */
export function scoreRaceEntry(entry: RaceEntry): PlayOutcome {
  const outcomes = raceOutcomes(entry);
  const parts = outcomes.map((o) => (o.steps === null ? 0 : Math.min(1, RACE_STARS[o.surface].three / o.steps)));
  const score = parts.reduce((a, b) => a + b, 0) / parts.length;
  const stars = Math.min(...outcomes.map((o) => o.stars)) as Stars;
  const reached = outcomes.filter((o) => o.steps !== null).length;
  return { score: { score, correct: reached, total: outcomes.length }, stars };
}

/** Score: the fraction right. Stars: half right, all but one or two right, all right. */
export function scoreStepsEntry(entry: StepsEntry): PlayOutcome {
  const { correct, total } = gradeSteps(entry.seed, entry.answers);
  const score = correct / total;
  const stars = starsFor(score, { higherIsBetter: true, one: 0.5, two: 0.75, three: 1 });
  return { score: { score, correct, total }, stars };
}

export function scorePlayEntry(entry: PlayEntry): PlayOutcome {
  return entry.kind === 'race' ? scoreRaceEntry(entry) : scoreStepsEntry(entry);
}
