/**
 * Publishing a round: the host makes an ended round's results public (class rounds, with nicknames,
 * and the challenge boards) or withdraws them. Rounds are private by default: a teacher may use real
 * names. A closed room's rounds can still be published: the teacher may decide the next day. Pure.
 */
import type { RoomErrorCode, RoomEvent, RoomResult, RoomState } from './types';

const fail = (state: RoomState, code: RoomErrorCode, message: string): RoomResult => ({ ok: false, state, error: { code, message } });

/**
 * The current round once it ended, or any earlier round (a later one started, so it ended). A running
 * round is refused: its board may be hidden from the class, and its standings are not final.
 */
export function publishRound(state: RoomState, e: Extract<RoomEvent, { type: 'publish' }>): RoomResult {
  if (e.actor.role !== 'host') return fail(state, 'room/not_host', 'only the room host can do this');
  const current = state.round;
  if (!current || e.round < 1 || e.round > current.number) return fail(state, 'round/not_found', `this room has no round ${e.round}`);
  const publishedAt = e.published ? e.now : null;
  const lastActivityAt = Math.max(state.lastActivityAt, e.now);
  if (e.round < current.number) {
    return { ok: true, state: { ...state, lastActivityAt }, effects: [{ type: 'published', round: e.round, publishedAt }] };
  }
  // A room closes only between rounds, so a closed room's last round has ended too.
  if (state.phase !== 'ended' && state.phase !== 'closed') return fail(state, 'round/not_ended', 'a round can be published once it has ended');
  // Publishing again keeps the first time (the class-rounds list is ordered by it).
  const at = e.published ? (current.publishedAt ?? publishedAt) : null;
  const round = { ...current, publishedAt: at };
  return { ok: true, state: { ...state, round, lastActivityAt }, effects: [{ type: 'published', round: current.number, publishedAt: at }] };
}
