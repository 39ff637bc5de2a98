/**
 * Stars for a scored model submission: the challenge's rules read the server's score and the
 * submitted spec (parameters, epochs, depth), never a number the client computed.
 */
import type { ModelSpec } from '../models/spec';
import type { ModelChallenge, StarRule } from './challenges';

export type Stars = 0 | 1 | 2 | 3;

export interface ModelOutcome {
  /** Test accuracy from the server, 0..1. */
  score: number;
  paramCount: number;
  spec: ModelSpec;
}

/** Dense layers before the last one: the hidden layers of a fully connected network. */
export function hiddenDenseLayers(spec: ModelSpec): number {
  return Math.max(0, spec.layers.filter((l) => l.type === 'dense').length - 1);
}

export function meetsRule(rule: StarRule, o: ModelOutcome): boolean {
  // A tolerance below one test example: 0.95 must not fail on 949.9999/1000 from float division.
  if (o.score < rule.minScore - 1e-9) return false;
  if (rule.maxParams !== undefined && o.paramCount > rule.maxParams) return false;
  if (rule.maxEpochs !== undefined && o.spec.training.epochs > rule.maxEpochs) return false;
  if (rule.minHiddenLayers !== undefined && hiddenDenseLayers(o.spec) < rule.minHiddenLayers) return false;
  return true;
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

/** Samples a run sees: epochs × training examples (the batch-and-epoch challenge's budget). */
export function samplesSeen(spec: ModelSpec, trainCount: number): number {
  return spec.training.epochs * trainCount;
}
