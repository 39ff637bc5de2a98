/**
 * Stars for a scored model submission: the challenge's rules read the server's score, the
 * submitted spec's parameters and layers, and for rules about training the server's own run
 * (game/verification.ts), never a number or a training setting the client declared.
 */
import type { ModelSpec } from '../models/spec';
import { codeLength } from '../models/spec-decoder';
import type { ModelChallenge, StarRule } from './challenges';
import type { ServerRun } from './verification';

export type Stars = 0 | 1 | 2 | 3;

export interface ModelOutcome {
  /** Test accuracy from the server, 0..1 (of the model the server trained, when it retrained). */
  score: number;
  paramCount: number;
  spec: ModelSpec;
  /** The server's own training run of the spec; absent when the submitted weights were scored. */
  run?: ServerRun;
  /** Sequence challenges: accuracy at each scored length (game/sequence-data.ts lengthScores). */
  scoresByLength?: Readonly<Record<number, number>>;
}

/** Dense layers before the last one: the hidden layers of a fully connected network. */
export function hiddenDenseLayers(spec: ModelSpec): number {
  return Math.max(0, spec.layers.filter((l) => l.type === 'dense').length - 1);
}

export function meetsRule(rule: StarRule, o: ModelOutcome): boolean {
  // A tolerance below one test example: 0.95 must not fail on 949.9999/1000 from float division.
  const score = rule.atLength === undefined ? o.score : o.scoresByLength?.[rule.atLength];
  if (score === undefined || score < rule.minScore - 1e-9) return false;
  if (rule.maxParams !== undefined && o.paramCount > rule.maxParams) return false;
  // Epochs count only when the server ran them: a declared `epochs: 1` proves nothing.
  if (rule.maxEpochs !== undefined && (o.run === undefined || o.run.epochs > rule.maxEpochs)) return false;
  if (rule.minHiddenLayers !== undefined && hiddenDenseLayers(o.spec) < rule.minHiddenLayers) return false;
  // The code length comes from the spec's own bottleneck; a spec without exactly one has no code to count.
  if (rule.maxCode !== undefined && (codeLength(o.spec) ?? Infinity) > rule.maxCode) return false;
  return true;
}

/**
 * Stars only go up: the stars to store for a challenge after a result earned `earned` where `stored`
 * was kept before (none: no row yet). Null: keep what is stored (no better, or nothing earned).
 */
export function raisedStars(stored: number | undefined, earned: Stars): Stars | null {
  return earned > (stored ?? 0) ? earned : null;
}

/** Stars count up: two stars needs the first two rules, three stars all three. */
export function modelStars(challenge: ModelChallenge, o: ModelOutcome): Stars {
  let stars: Stars = 0;
  for (const rule of challenge.stars) {
    if (!meetsRule(rule, o)) break;
    stars = (stars + 1) as Stars;
  }
  return stars;
}

/** Samples a run of the spec would see: epochs × training examples (checked before training). */
export function samplesSeen(spec: ModelSpec, trainCount: number): number {
  return spec.training.epochs * trainCount;
}

/** The samples budget on the server's own run; absent run or budget: nothing to say. */
export function runOverBudget(challenge: ModelChallenge, run: ServerRun | undefined): string | null {
  const limit = challenge.budget.maxSamplesSeen;
  if (limit === undefined) return null;
  if (!run) return `challenge ${challenge.id} has a samples budget, and only a run of the server counts`;
  return run.samplesSeen > limit ? `the server's run saw ${run.samplesSeen} samples; challenge ${challenge.id} allows ${limit}` : null;
}
