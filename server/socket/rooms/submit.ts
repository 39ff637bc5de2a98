/**
 * A submission to a room's round: in the room's queue, the reducer decides (membership, deadline,
 * submission limit, and the round's own rules: its challenge and locked hyper-parameters,
 * game/room/entry.ts), and the submission row and the room's new state are written in ONE
 * transaction. A refusal writes nothing.
 */
import type { ModelSpec } from '../../../models/spec';
import { normalizeJoinCode } from '../../../game/room/code';
import type { Result } from '../../../protocol';
import { insertSubmission, type NewSubmission } from '../../store';
import type { HandlerContext } from '../context';
import { refuse } from '../handle';

export interface RoomSubmission extends Omit<NewSubmission, 'now' | 'room'> {
  /** The model spec; null for a play challenge's entry (no hyper-parameters to lock). */
  spec: ModelSpec | null;
}

/** Answers the submitter; on acceptance the submission is persisted (queued) before the answer. */
export async function submitToRoom(ctx: HandlerContext, rawCode: string, sub: RoomSubmission): Promise<Result<{ submissionId: string; status: 'queued'; paramCount: number }>> {
  const code = normalizeJoinCode(rawCode);
  if (!code || !ctx.rooms.exists(code)) return refuse('room/not_found', `no room with the code ${JSON.stringify(rawCode.slice(0, 40))}`);
  const { spec, ...row } = sub;
  const entry = { challengeId: sub.challengeId, spec };
  const out = await ctx.rooms.dispatch(code, (now) => ({ type: 'submit', playerId: sub.playerId, entry, now }), {
    write: (tx, accepted, a) => {
      if (accepted && a.state.round) insertSubmission(tx, { ...row, now: a.now, room: { code, round: a.state.round.number } });
    },
  });
  if (!out.ok) return refuse(out.error.code, out.error.message, out.error.issues);
  return { ok: true, data: { submissionId: sub.id, status: 'queued', paramCount: sub.paramCount } };
}
