/**
 * Who may see a room's results privately (before, or without, the teacher publishing them): the
 * room's host, by its token, and its players. A player removed by the host is not one any more; a
 * player who left after submitting still is, for the rounds they played.
 */
import type { ArenaSocket, HandlerContext } from '../socket/context';

export interface RoomViewer {
  code: string;
  hostToken?: string;
  /** Players with a row in the round shown (they may have left the room since). */
  playedBy?: readonly string[];
}

export function maySeeRoom(ctx: Pick<HandlerContext, 'rooms'>, socket: ArenaSocket, v: RoomViewer): boolean {
  if (v.hostToken !== undefined && ctx.rooms.isHost(v.code, v.hostToken)) return true;
  const playerId = socket.data.playerId;
  const state = playerId ? ctx.rooms.peek(v.code) : undefined;
  if (!playerId || !state || state.kicked.includes(playerId)) return false;
  return state.players.some((p) => p.playerId === playerId) || (v.playedBy?.includes(playerId) ?? false);
}
