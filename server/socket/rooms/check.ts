/**
 * 'room:check': the first step of joining asks whether its code opens a room the student can join,
 * before they choose a nickname (issue 16, finding 3). The answer is yes or the refusal a join would
 * get (no room, closed, locked, full); never who is in it or what it plays. Rate-limited per socket
 * and, for codes with no room, per address together with room:join (lookup.ts), so it is no faster a
 * way to find rooms than joining.
 */
import { joinRefusal } from '../../../game/room/joinable';
import type { ArenaSocket, HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { check } from '../limits';
import { lookUpRoom } from './lookup';

/** The English text of each refusal (the page shows its own sentence per code). */
const SAID = {
  'room/closed': 'this room has closed',
  'room/kicked': 'the host removed you from this room',
  'room/locked': 'the host has locked this room',
  'room/full': 'the room is full',
  'room/waiting_full': 'too many players are already waiting for the host',
} as const;

export function onCheck(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:check', ({ code: raw }, reply) => {
    const blocked = check(ctx.roomLimiters.check, socket.id, 'code checks');
    if (blocked) return reply(blocked);
    const found = lookUpRoom(ctx, socket, raw);
    if (!found.ok) return reply(found.result);
    const state = ctx.rooms.peek(found.code);
    if (!state) return reply(refuse('room/not_found', 'no room with this code'));
    const refusal = joinRefusal(state, socket.data.playerId ?? null);
    reply(refusal ? refuse(refusal, SAID[refusal]) : { ok: true, data: { joinable: true } });
  });
}
