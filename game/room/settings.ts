/**
 * Round settings a teacher picks, and the hyper-parameters they may lock for the whole class.
 * Checked with zod at the socket boundary and again when a submission arrives.
 */
import { z } from 'zod';
import { CHALLENGES, getModelChallenge, type ChallengeId } from '../challenges';
import { hasLocks, serverCanTrain } from '../verification';
import { LOSSES, OPTIMIZERS, SPEC_LIMITS, type ModelSpec } from '../../models/spec';

export const ROUND_MIN_MS = 30_000;
export const ROUND_MAX_MS = 90 * 60_000;
export const MAX_SUBMISSIONS_PER_ROUND = 50;

/**
 * Hyper-parameters the teacher fixes; a submission whose spec differs is refused. Only offered on
 * challenges the server trains itself (locksVerifiable), where the lock is true of what really ran.
 */
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

/**
 * Whether the server can hold a round on this challenge to locked hyper-parameters: it trains the
 * submitted spec with them itself (2-D and gate challenges). On image challenges it would only
 * have the browser's word, so locks are refused there rather than shown as a rule nobody checks.
 */
export function locksVerifiable(challengeId: string): boolean {
  const c = getModelChallenge(challengeId);
  return c !== undefined && serverCanTrain(c);
}

export type RoundSettingsErrorCode = 'round/locks_unverifiable';

/** What the schema cannot say alone; null when the settings can be played as given. */
export function roundSettingsProblem(settings: RoundSettings): { code: RoundSettingsErrorCode; message: string } | null {
  if (!hasLocks(settings.locked) || locksVerifiable(settings.challengeId)) return null;
  return {
    code: 'round/locks_unverifiable',
    message: `the server does not train ${settings.challengeId} models itself, so it cannot check locked hyper-parameters; start the round without locks`,
  };
}

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
