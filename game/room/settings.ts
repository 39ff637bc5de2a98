/**
 * Round settings a teacher picks, and the hyper-parameters they may lock for the whole class.
 * Checked with zod at the socket boundary and again when a submission arrives.
 */
import { z } from 'zod';
import { CHALLENGES, type ChallengeId } from '../challenges';
import { LOSSES, OPTIMIZERS, SPEC_LIMITS, type ModelSpec } from '../../models/spec';

export const ROUND_MIN_MS = 30_000;
export const ROUND_MAX_MS = 90 * 60_000;
export const MAX_SUBMISSIONS_PER_ROUND = 50;

/** Hyper-parameters the teacher fixes; a submission whose spec differs is refused. */
export const lockedHyperSchema = z.strictObject({
  loss: z.enum(LOSSES).optional(),
  optimizer: z.enum(OPTIMIZERS).optional(),
  learningRate: z.number().min(SPEC_LIMITS.minLearningRate).max(SPEC_LIMITS.maxLearningRate).optional(),
  batchSize: z.number().int().min(1).max(SPEC_LIMITS.maxBatchSize).optional(),
  epochs: z.number().int().min(1).max(SPEC_LIMITS.maxEpochs).optional(),
});

export const roundSettingsSchema = z.strictObject({
  challengeId: z.enum(Object.keys(CHALLENGES) as [ChallengeId, ...ChallengeId[]]),
  /** Round length in milliseconds. */
  durationMs: z.number().int().min(ROUND_MIN_MS).max(ROUND_MAX_MS),
  /** Submissions each player may make in the round. */
  maxSubmissions: z.number().int().min(1).max(MAX_SUBMISSIONS_PER_ROUND),
  /** Whether players see the leaderboard while the round runs (it is always shown at the end). */
  leaderboardVisible: z.boolean(),
  locked: lockedHyperSchema,
});

export type LockedHyper = z.infer<typeof lockedHyperSchema>;
export type RoundSettings = z.infer<typeof roundSettingsSchema>;

export const DEFAULT_ROUND_SETTINGS: RoundSettings = {
  challengeId: 'sign-digits',
  durationMs: 15 * 60_000,
  maxSubmissions: 5,
  leaderboardVisible: true,
  locked: {},
};

export interface LockedMismatch {
  /** Dotted path in the spec, e.g. 'training.optimizer.type'. */
  path: string;
  expected: string | number;
  got: string | number | undefined;
}

/** Every locked hyper-parameter the spec does not follow (empty when it follows them all). */
export function lockedMismatches(locked: LockedHyper, spec: ModelSpec): LockedMismatch[] {
  const t = spec.training;
  const checks: [keyof LockedHyper, string, string | number][] = [
    ['loss', 'training.loss', t.loss],
    ['optimizer', 'training.optimizer.type', t.optimizer.type],
    ['learningRate', 'training.optimizer.learningRate', t.optimizer.learningRate],
    ['batchSize', 'training.batchSize', t.batchSize],
    ['epochs', 'training.epochs', t.epochs],
  ];
  const out: LockedMismatch[] = [];
  for (const [key, path, got] of checks) {
    const expected = locked[key];
    if (expected !== undefined && expected !== got) out.push({ path, expected, got });
  }
  return out;
}

/** The spec with every locked hyper-parameter applied (what the studio starts a room round from). */
export function applyLocked(locked: LockedHyper, spec: ModelSpec): ModelSpec {
  const t = spec.training;
  return {
    ...spec,
    training: {
      ...t,
      loss: locked.loss ?? t.loss,
      batchSize: locked.batchSize ?? t.batchSize,
      epochs: locked.epochs ?? t.epochs,
      optimizer: {
        ...t.optimizer,
        type: locked.optimizer ?? t.optimizer.type,
        learningRate: locked.learningRate ?? t.optimizer.learningRate,
      },
    },
  };
}
