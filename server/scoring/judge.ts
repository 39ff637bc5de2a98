/**
 * Score and stars of a model submission from what the server verified: its own predictions on the
 * hidden test data, the stored spec's parameters and layers, and, when the plan retrained the
 * spec, the server's own run (epochs and samples it trained for, with the settings the round
 * locked). Nothing here reads a training setting as a fact unless the server trained with it.
 */
import type { ModelChallenge } from '../../game/challenges';
import { lockedMismatches, type LockedHyper } from '../../game/room/settings';
import { scoreFromPredictions, type Score } from '../../game/scoring';
import { modelStars, runOverBudget, type Stars } from '../../game/stars';
import type { ScoringPlan, ServerRun } from '../../game/verification';
import { parseModelSpec } from '../../models/spec';
import type { ApiError, ServerErrorCode } from '../../protocol';
import type { ScoringOutput } from './types';

export type ModelJudgement = { ok: true; score: Score; stars: Stars; run?: ServerRun } | { ok: false; error: ApiError };

const refuse = (code: ServerErrorCode, message: string): ModelJudgement => ({ ok: false, error: { code, message } });

export function judgeModelOutput(
  challenge: ModelChallenge,
  stored: { specJson: string; paramCount: number },
  output: ScoringOutput & { ok: true },
  labels: Uint8Array,
  plan: ScoringPlan & { locked: LockedHyper },
): ModelJudgement {
  // A plan that needed the server's run and got none must not fall back to the weights' score.
  if (plan.retrain && !output.run) return refuse('scoring/not_retrained', 'the server did not train this model itself');
  const run = output.run ? { epochs: output.run.epochs, samplesSeen: output.run.samplesSeen } : undefined;
  const scored = scoreFromPredictions(output.predictions, labels);
  if (!scored.ok) return refuse(scored.code, scored.message);
  const spec = parseModelSpec(JSON.parse(stored.specJson));
  if (!spec.ok) return refuse('spec/invalid', 'the stored spec is not valid');
  // The spec is what the server trained with, so a lock checked on it is a check on what ran.
  const broken = run ? lockedMismatches(plan.locked, spec.spec) : [];
  if (broken.length > 0) return refuse('round/locked_hyper', `the server's run did not follow the locks: ${broken.map((m) => m.path).join(', ')}`);
  const over = runOverBudget(challenge, run);
  if (over) return refuse('submission/over_samples', over);
  const stars = modelStars(challenge, { score: scored.value.score, paramCount: stored.paramCount, spec: spec.spec, ...(run && { run }) });
  return { ok: true, score: scored.value, stars, ...(run && { run }) };
}
