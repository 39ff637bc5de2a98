/**
 * What the server can check about a submission, and so what a rule may rest on. The score on the
 * hidden test data, the parameter count and the layers are facts of the submitted spec and weights.
 * How a model was trained (epochs, samples seen, optimizer, learning rate, batch size, loss) is
 * only a claim, unless the server trains the spec itself: it does so where the training data is
 * generated from public seeds (2-D points, gate tables: seconds), and scores the model it trained.
 * Image challenges take minutes to train, so no rule there may be about training.
 */
import type { ModelSpec, SpecIssue } from '../models/spec';
import { generatedTrainCount, type ChallengeBudget, type ModelChallenge, type StarRule } from './challenges';
import type { LockedHyper } from './room/settings';

/**
 * How long the server trains a submitted spec, at most, in layer-steps (optimizer steps × layers).
 * Measured at the bound (bench/retrain.ts, tfjs WASM, 2 cores under load 5): losses in batches of
 * 1 for 25 epochs 6.0-7.1 s, activations (7 layers) for 7 epochs 4.3-4.9 s, depth-width (two
 * layers of 32) for 16 epochs 10-13 s; without it, 200 epochs of losses in batches of 1 took
 * 51-72 s. The deepest known-good spec (activations) needs 2,625; every default and known-good
 * at most that.
 */
export const MAX_SERVER_LAYER_STEPS = 20_000;

/** A rule about how the model was trained, true only of a run the server did. */
export type TrainingClaim = 'maxEpochs' | 'maxSamplesSeen' | 'locked';

export interface ScoringPlan {
  /** Train the submitted spec from its seed and score that model (the submitted weights are not scored). */
  retrain: boolean;
  /** Which training rules made it necessary (empty: the submitted weights are scored). */
  claims: TrainingClaim[];
}

/** What the server's own training run did, counted while it ran. */
export interface ServerRun {
  epochs: number;
  samplesSeen: number;
}

/** The server trains a challenge's specs itself only where its data is generated: seconds, not minutes. */
export function serverCanTrain(c: ModelChallenge): boolean {
  return c.data.type === 'points' || c.data.type === 'gate';
}

/** Star rule fields about training (the others, score, parameters and layers, the server checks). */
export function ruleClaims(rule: StarRule): TrainingClaim[] {
  return rule.maxEpochs !== undefined ? ['maxEpochs'] : [];
}

function budgetClaims(budget: ChallengeBudget): TrainingClaim[] {
  return budget.maxSamplesSeen !== undefined ? ['maxSamplesSeen'] : [];
}

export function hasLocks(locked: LockedHyper): boolean {
  return Object.values(locked).some((v) => v !== undefined);
}

/** The training claims a challenge's stars and budget make, plus the round's locks if any. */
export function trainingClaims(c: ModelChallenge, locked: LockedHyper = {}): TrainingClaim[] {
  const claims = new Set<TrainingClaim>([...c.stars.flatMap(ruleClaims), ...budgetClaims(c.budget)]);
  if (hasLocks(locked)) claims.add('locked');
  return [...claims];
}

/**
 * How to score a submission to `c` (in a round with `locked` settings, if any): retrain when a rule
 * is about training and the server can train. Where it cannot, nothing is retrained and a rule
 * about training can never hold (modelStars sees no ServerRun; locks are refused at round start).
 */
export function scoringPlan(c: ModelChallenge, locked: LockedHyper = {}): ScoringPlan {
  const claims = trainingClaims(c, locked);
  return { retrain: claims.length > 0 && serverCanTrain(c), claims };
}

/** Optimizer steps a run of `spec` takes on `trainCount` examples (the loop's last batch may be short). */
export function trainingSteps(spec: ModelSpec, trainCount: number): number {
  return spec.training.epochs * batchesPerEpoch(spec, trainCount);
}

const batchesPerEpoch = (spec: ModelSpec, trainCount: number) => Math.ceil(trainCount / Math.min(spec.training.batchSize, trainCount));

/** What a server retrain of `spec` costs: optimizer steps × layers. */
export function trainingCost(spec: ModelSpec, trainCount: number): number {
  return trainingSteps(spec, trainCount) * spec.layers.length;
}

/** A spec the server would have to train for longer than it will; checked before it is accepted. */
export function retrainCostProblem(c: ModelChallenge, spec: ModelSpec, locked: LockedHyper = {}): { code: 'submission/over_steps'; message: string; issues: SpecIssue[] } | null {
  const train = generatedTrainCount(c);
  if (train === null || !scoringPlan(c, locked).retrain) return null;
  const cost = trainingCost(spec, train);
  if (cost <= MAX_SERVER_LAYER_STEPS) return null;
  const perEpoch = batchesPerEpoch(spec, train) * spec.layers.length;
  const most = Math.floor(MAX_SERVER_LAYER_STEPS / perEpoch);
  const message = `the server trains ${c.id} models itself, at most ${MAX_SERVER_LAYER_STEPS} layer-steps (epochs × batches × layers); ${spec.training.epochs} × ${batchesPerEpoch(spec, train)} × ${spec.layers.length} is ${cost}`;
  return { code: 'submission/over_steps', message, issues: [{ path: 'training.epochs', message: `training.epochs: at most ${most} with batches of ${spec.training.batchSize} and ${spec.layers.length} layers, got ${spec.training.epochs}` }] };
}
