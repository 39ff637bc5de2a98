/**
 * How a server score (0..1) reads for each kind of challenge: test accuracy as a percent, the race
 * as points out of 100 (100 = three-star steps on every surface), the step-through as answers right.
 */
import type { ChallengeDef } from '../../../game/challenges';
import { stepProblem } from '../../../game/solo/steps-quiz';

/** A message of the `solo.score` catalogue and its values. */
export interface ScoreText {
  key: 'percent' | 'points' | 'answers';
  values: Record<string, number>;
}

/** Questions in a step-through sheet (the same for every seed). */
const STEPS_TOTAL = stepProblem(1).questions.length;

/** 0..1 → percent rounded to 0.1 the way Number#toFixed does, so every view of a score agrees. */
export const percent1 = (score: number) => Number((score * 100).toFixed(1));

export function scoreText(def: ChallengeDef, score: number): ScoreText {
  switch (def.kind) {
    case 'model':
      return { key: 'percent', values: { value: percent1(score) } };
    case 'race':
      return { key: 'points', values: { points: Math.round(score * 100) } };
    case 'steps':
      return { key: 'answers', values: { correct: Math.round(score * STEPS_TOTAL), total: STEPS_TOTAL } };
  }
}
