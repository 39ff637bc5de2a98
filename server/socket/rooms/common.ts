/** Helpers shared by the room handlers: the join code, the host check, the refusal log. */
import { normalizeJoinCode } from '../../../game/room/code';
import type { Actor } from '../../../game/room/types';
import type { ApiError, Result } from '../../../protocol';
import type { ArenaSocket, HandlerContext } from '../context';
import { refuse } from '../handle';

/** The room a client named, when it exists. */
export function knownRoom(ctx: HandlerContext, raw: string): string | null {
  const code = normalizeJoinCode(raw);
  return code && ctx.rooms.exists(code) ? code : null;
}

/**
 * Codes are secret (issue 13). Without the room's host token an event learns nothing about a code:
 * no room, and a room with another host, get one and the same answer.
 */
export const notYourRoom = (): Result<never> => refuse('room/not_host', 'this code and host token do not open a room you host');

/** The room a host event names, when the token is its host's; null for no room and for a wrong token alike. */
export function hostedRoom(ctx: HandlerContext, raw: string, hostToken: string): string | null {
  const code = knownRoom(ctx, raw);
  return code && ctx.rooms.isHost(code, hostToken) ? code : null;
}

/**
 * The room a host event names when `hostToken` is its host's; otherwise answers room/not_host (the
 * same for no room and a wrong token), logs it, and gives null.
 */
export function hostedOrRefused(ctx: HandlerContext, socket: ArenaSocket, event: string, p: { code: string; hostToken: string }, reply: (r: Result<never>) => void): string | null {
  const code = hostedRoom(ctx, p.code, p.hostToken);
  if (code) return code;
  const r = notYourRoom();
  if (!r.ok) logHostRefusal(ctx, socket, event, p.code.slice(0, 40), r.error);
  reply(r);
  return null;
}

/** A player event on a room the player is not in: the same answer whether the room exists or not. */
export const notMember = (): Result<never> => refuse('room/not_member', 'you are not in a room with this code');

export const noRoom = (raw: string): Result<never> => refuse('room/not_found', `no room with the code ${JSON.stringify(raw.slice(0, 40))}`);

/**
 * The host when the token matches the room's; anyone else is the player they are (or an anonymous
 * one), so the reducer refuses the event with room/not_host.
 */
export function actorFor(ctx: HandlerContext, socket: ArenaSocket, code: string, hostToken: string): Actor {
  if (ctx.rooms.isHost(code, hostToken)) return { role: 'host' };
  return { role: 'player', playerId: socket.data.playerId ?? `anonymous:${socket.id}` };
}

/** Every refused host event is logged with who sent it, for which room. */
export function logHostRefusal(ctx: HandlerContext, socket: ArenaSocket, event: string, code: string, error: ApiError): void {
  ctx.log.warn('host event refused', {
    event,
    code,
    socket: socket.id,
    address: socket.handshake.address,
    player: socket.data.playerId,
    error: error.code,
  });
}
