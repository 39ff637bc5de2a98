/**
 * How fast one address may add NEW players to one room (ROOM_LIMITS.newPlayers, about a class a
 * minute). A member or waiting player coming back (a reload, a reconnect) is not new and not counted.
 */
import type { Result } from '../../../protocol';
import type { ArenaSocket, HandlerContext } from '../context';
import { rateLimited } from '../limits';

export function newcomerLimit(ctx: HandlerContext, socket: ArenaSocket, code: string, playerId: string): Result<never> | undefined {
  const state = ctx.rooms.peek(code);
  const known = state && (state.players.some((p) => p.playerId === playerId) || (state.waiting ?? []).some((w) => w.playerId === playerId));
  if (known) return undefined;
  const hit = ctx.roomLimiters.newPlayers.take(`${socket.handshake.address}|${code}`, playerId);
  return hit.allowed ? undefined : rateLimited('new players from this address in this room', hit.waitMs);
}
