/**
 * The outcome of a scored model, from what the server verified: its own predictions on the hidden
 * test data, the stored spec's parameters and layers, and, when the plan retrained the spec, the
 * server's own run (epochs and samples it trained for, with the settings the round locked). Which
 * star rule applies is decided here: a boss level earns no stars when scored (they come with the
 * reveal, game/boss/reveal.ts); every other model challenge counts its rules (game/stars.ts).
 */
import type { ModelSpec } from '../models/spec';
import type { ModelChallenge } from './challenges';
import { scoreBoss, type BossScores } from './boss/score';
import { lockedMismatches, type LockedHyper } from './room/settings';
import { scoreFromPredictions, type Score } from './scoring';
import { modelStars, runOverBudget, type Stars } from './stars';
import { lengthScores } from './sequence-data';
import { ganOutcome } from './gan';
import { digitGanOutcome } from './gan-digits';
import { autoencoderOutcome } from './autoencoder';
import type { ServerRun } from './verification';

export type ModelOutcomeCode = 'scoring/mismatch' | 'scoring/not_retrained' | 'round/locked_hyper' | 'submission/over_samples';

export type ModelOutcome =
  | { ok: true; score: Score; stars: Stars; run?: ServerRun; boss?: Omit<BossScores, 'score'> }
  | { ok: false; code: ModelOutcomeCode; message: string };

/** What a scoring worker measured, with the labels the server loaded itself. */
export interface ModelMeasure {
  predictions: ArrayLike<number>;
  labels: ArrayLike<number>;
  /** The server's own training run (when the plan retrained the spec). */
  run?: ServerRun;
  /** Boss levels: predictions on, and labels of, the level's tiny training set. */
  trainPredictions?: ArrayLike<number>;
  trainLabels?: ArrayLike<number> | null;
  /**
   * Autoencoder challenges: each hidden test photo's reconstruction error, measured by the worker
   * (`labels` then only give the number of test photos the server loaded).
   */
  errors?: Float32Array;
  /** GAN challenges: x, y pairs the generator made from the server's own seeded noise. */
  points?: Float32Array;
  /** GAN challenges: the hidden sample of the target distribution (x, y pairs), drawn by the server. */
  target?: Float32Array;
  /** A GAN of photos: the server's judge's probabilities of each digit for each generated photo. */
  judged?: Float32Array;
}

export interface ModelOutcomeInput {
  challenge: ModelChallenge;
  /** The stored spec (validated), and its parameter count as stored with it. */
  spec: ModelSpec;
  paramCount: number;
  measured: ModelMeasure;
  /** game/verification.ts scoringPlan, with the round's locks. */
  plan: { retrain: boolean; locked: LockedHyper };
  /** Boss levels: the scope's cut (game/boss/score.ts bossSplitSeed). */
  bossSeed?: number;
}

const refuse = (code: ModelOutcomeCode, message: string): ModelOutcome => ({ ok: false, code, message });

/** A boss level's outcome when scored: the public score, the hidden ones kept, no stars yet. */
export function bossOutcome(challenge: ModelChallenge, seed: number, m: ModelMeasure): ModelOutcome {
  if (!challenge.boss) return refuse('scoring/mismatch', `${challenge.id} is not a boss level`);
  const scored = scoreBoss(seed, challenge.boss, { predictions: m.predictions, testLabels: m.labels, trainPredictions: m.trainPredictions, trainLabels: m.trainLabels ?? null });
  if (!scored.ok) return refuse(scored.code, scored.message);
  const { score, ...kept } = scored.value;
  return { ok: true, score, stars: 0, boss: kept };
}

export function modelOutcome(input: ModelOutcomeInput): ModelOutcome {
  const { challenge, measured: m } = input;
  if (challenge.objective === 'generate') {
    const g = challenge.data.type === 'images' ? digitGanOutcome(challenge, m.points, m.judged, input.paramCount) : ganOutcome(challenge, m.points, m.target, input.paramCount);
    return g.ok ? { ok: true, score: g.score, stars: g.stars } : refuse(g.code, g.message);
  }
  if (challenge.objective === 'reconstruct') {
    const a = autoencoderOutcome(challenge, m.errors, m.labels.length, input.spec, input.paramCount);
    return a.ok ? { ok: true, score: a.score, stars: a.stars } : refuse(a.code, a.message);
  }
  if (challenge.boss) return input.bossSeed === undefined ? refuse('scoring/mismatch', 'no cut for this boss submission') : bossOutcome(challenge, input.bossSeed, m);
  // A plan that needed the server's run and got none must not fall back to the weights' score.
  if (input.plan.retrain && !m.run) return refuse('scoring/not_retrained', 'the server did not train this model itself');
  const run = m.run ? { epochs: m.run.epochs, samplesSeen: m.run.samplesSeen } : undefined;
  const scored = scoreFromPredictions(m.predictions, m.labels);
  if (!scored.ok) return refuse(scored.code, scored.message);
  // The spec is what the server trained with, so a lock checked on it is a check on what ran.
  const broken = run ? lockedMismatches(input.plan.locked, input.spec) : [];
  if (broken.length > 0) return refuse('round/locked_hyper', `the server's run did not follow the locks: ${broken.map((x) => x.path).join(', ')}`);
  const over = runOverBudget(challenge, run);
  if (over) return refuse('submission/over_samples', over);
  // A memory challenge's star lines read the accuracy at each scored length.
  const scoresByLength = lengthScores(challenge.data, m.predictions, m.labels) ?? undefined;
  const stars = modelStars(challenge, { score: scored.value.score, paramCount: input.paramCount, spec: input.spec, ...(run && { run }), ...(scoresByLength && { scoresByLength }) });
  return { ok: true, score: scored.value, stars, ...(run && { run }) };
}
