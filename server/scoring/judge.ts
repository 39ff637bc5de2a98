/**
 * A worker's output on a model submission, judged by game/model-outcome.ts (score, stars, a boss
 * level's hidden scores): this side only brings the labels it loaded, the boss cut's seed, and
 * turns game's error code into the API's error.
 */
import type { ModelChallenge } from '../../game/challenges';
import { bossOutcome, modelOutcome, type ModelOutcome } from '../../game/model-outcome';
import type { LockedHyper } from '../../game/room/settings';
import type { ScoringPlan } from '../../game/verification';
import type { ModelSpec } from '../../models/spec';
import type { ApiError } from '../../protocol';
import { splitSeed } from '../boss/scoring';
import type { ScoringOutput } from './types';

export type ModelJudgement = Exclude<ModelOutcome, { ok: false }> | { ok: false; error: ApiError };

const toJudgement = (o: ModelOutcome): ModelJudgement => (o.ok ? o : { ok: false, error: { code: o.code, message: o.message } });

export function judgeModelOutput(
  challenge: ModelChallenge,
  stored: { spec: ModelSpec; paramCount: number },
  output: ScoringOutput & { ok: true },
  labels: Uint8Array,
  plan: ScoringPlan & { locked: LockedHyper },
  /** GAN challenges: the hidden target sample the worker's points are compared with. */
  target?: Float32Array,
): ModelJudgement {
  return toJudgement(modelOutcome({ challenge, spec: stored.spec, paramCount: stored.paramCount, measured: { ...output, labels, ...(target && { target }) }, plan }));
}

/** A boss submission of `scope` (game/boss/scope.ts): its public score now, the hidden ones kept. */
export function judgeBossOutput(challenge: ModelChallenge, scope: string, output: ScoringOutput & { ok: true }, testLabels: Uint8Array, trainLabels: Uint8Array | null): ModelJudgement {
  return toJudgement(bossOutcome(challenge, splitSeed(scope), { ...output, labels: testLabels, trainLabels }));
}
