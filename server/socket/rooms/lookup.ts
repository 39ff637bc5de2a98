/**
 * Finding a room by its code, for room:check and room:join. Codes are secret (issue 13): whether a
 * code opens a room must not be cheap to learn by guessing. Each code with no room costs the asking
 * address a point of ROOM_LIMITS.lookups; once they are spent, every lookup from that address is
 * refused alike, room or not, until the window ends. A member's or waiting player's rejoin names a
 * room they already know and costs nothing, so a class reloading its tabs is never held up.
 */
import { isKnownTo } from '../../../game/room/joinable';
import { normalizeJoinCode } from '../../../game/room/code';
import type { Result } from '../../../protocol';
import type { ArenaSocket, HandlerContext } from '../context';
import { rateLimited } from '../limits';
import { noRoom } from './common';

export type Lookup = { ok: true; code: string } | { ok: false; result: Result<never> };

const WHAT = 'room codes from this address';

export function lookUpRoom(ctx: HandlerContext, socket: ArenaSocket, raw: string): Lookup {
  const code = normalizeJoinCode(raw);
  // Not a code at all (the page says so before sending): no room can answer, nothing is learnt.
  if (!code) return { ok: false, result: noRoom(raw) };
  const exists = ctx.rooms.exists(code);
  const state = exists ? ctx.rooms.peek(code) : undefined;
  if (state && isKnownTo(state, socket.data.playerId ?? null)) return { ok: true, code };
  const address = socket.handshake.address;
  const spent = ctx.roomLimiters.lookups.peek(address);
  if (!spent.allowed) return { ok: false, result: rateLimited(WHAT, spent.waitMs) };
  if (exists) return { ok: true, code };
  const hit = ctx.roomLimiters.lookups.take(address);
  return { ok: false, result: hit.allowed ? noRoom(raw) : rateLimited(WHAT, hit.waitMs) };
}
