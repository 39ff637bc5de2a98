/**
 * Would a join with this code get anywhere? Asked at the first step of joining, before the student
 * picks a nickname (room:check), so a closed, locked or full room is said at once. The answer is only
 * the refusal a join would get, in the reducer's order (machine.ts `join`), or null: nothing about
 * who is in the room or what it plays.
 */
import { findWaiting, ROOM_WAITING_MAX, waitingOf } from './admission';
import { ROOM_MAX_PLAYERS, type RoomErrorCode, type RoomState } from './types';

export type JoinRefusal = Extract<RoomErrorCode, 'room/closed' | 'room/kicked' | 'room/locked' | 'room/full' | 'room/waiting_full'>;

/** `playerId`: the asking browser's player, null before it registered (then it is a newcomer). */
export function joinRefusal(state: RoomState, playerId: string | null): JoinRefusal | null {
  if (state.phase === 'closed') return 'room/closed';
  if (playerId !== null) {
    if (state.kicked.includes(playerId)) return 'room/kicked';
    // A member or a waiting player comes back whatever changed since (a reload, a dropped connection).
    if (state.players.some((p) => p.playerId === playerId) || findWaiting(state, playerId)) return null;
  }
  if (state.locked) return 'room/locked';
  if (state.players.length >= (state.maxPlayers ?? ROOM_MAX_PLAYERS)) return 'room/full';
  if (state.admission === 'approve' && waitingOf(state).length >= ROOM_WAITING_MAX) return 'room/waiting_full';
  return null;
}

/** A known member (or waiting player) of the room: their rejoin names a room they already know. */
export const isKnownTo = (state: RoomState, playerId: string | null): boolean =>
  playerId !== null && (state.players.some((p) => p.playerId === playerId) || findWaiting(state, playerId) !== undefined);
