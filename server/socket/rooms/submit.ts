/**
 * A submission to a room's round: in the room's queue, the reducer counts it (membership, deadline,
 * submission limit), the round's challenge and locked hyper-parameters are checked, and the
 * submission row and the room's new state are written in ONE transaction. A refusal writes nothing.
 */
import type { ModelSpec } from '../../../models/spec';
import { getModelChallenge } from '../../../game/challenges';
import { normalizeJoinCode } from '../../../game/room/code';
import { lockedMismatches, type LockedHyper } from '../../../game/room/settings';
import { retrainCostProblem } from '../../../game/verification';
import type { ApiError, Result } from '../../../protocol';
import type { Applied } from '../../rooms/service';
import { insertSubmission, type NewSubmission } from '../../store';
import type { HandlerContext } from '../context';
import { refuse } from '../handle';

export interface RoomSubmission extends Omit<NewSubmission, 'now' | 'room'> {
  /** The model spec; null for a play challenge's entry (no hyper-parameters to lock). */
  spec: ModelSpec | null;
}

/**
 * The round's own rules for this submission (the reducer has already said the round accepts it).
 * Locks exist only on challenges the server retrains (game/room/settings.ts), so a spec that
 * follows them here is then trained by the server with exactly these settings.
 */
function roundRules(a: Applied, challengeId: string, spec: ModelSpec | null): ApiError | null {
  const settings = a.state.round?.settings;
  if (!settings) return { code: 'round/not_running', message: 'wait for the host to start a round' };
  if (settings.challengeId !== challengeId) {
    return { code: 'round/wrong_challenge', message: `this round's challenge is ${settings.challengeId}, not ${challengeId}` };
  }
  const mismatches = spec ? lockedMismatches(settings.locked, spec) : [];
  if (mismatches.length === 0) return retrainCost(challengeId, spec, settings.locked);
  const issues = mismatches.map((m) => ({ path: m.path, message: `${m.path}: the host locked it to ${m.expected}, got ${String(m.got)}` }));
  return { code: 'round/locked_hyper', message: `locked by the host: ${mismatches.map((m) => m.path).join(', ')}`, issues };
}

/** With locks the server trains the spec itself: how long it trains is bounded, as in solo. */
function retrainCost(challengeId: string, spec: ModelSpec | null, locked: LockedHyper): ApiError | null {
  const challenge = getModelChallenge(challengeId);
  const problem = challenge && spec ? retrainCostProblem(challenge, spec, locked) : null;
  return problem && { code: problem.code, message: problem.message, issues: problem.issues };
}

/** Answers the submitter; on acceptance the submission is persisted (queued) before the answer. */
export async function submitToRoom(ctx: HandlerContext, rawCode: string, sub: RoomSubmission): Promise<Result<{ submissionId: string; status: 'queued'; paramCount: number }>> {
  const code = normalizeJoinCode(rawCode);
  if (!code || !ctx.rooms.exists(code)) return refuse('room/not_found', `no room with the code ${JSON.stringify(rawCode.slice(0, 40))}`);
  const { spec, ...row } = sub;
  const out = await ctx.rooms.dispatch(code, (now) => ({ type: 'submit', playerId: sub.playerId, now }), {
    guard: (a) => roundRules(a, sub.challengeId, spec),
    write: (tx, accepted, a) => {
      if (accepted && a.state.round) insertSubmission(tx, { ...row, now: a.now, room: { code, round: a.state.round.number } });
    },
  });
  if (!out.ok) return refuse(out.error.code, out.error.message, out.error.issues);
  return { ok: true, data: { submissionId: sub.id, status: 'queued', paramCount: sub.paramCount } };
}
