/** 'room:leave': the player leaves on purpose (a lobby forgets them; anyone with scores keeps a row). */
import type { ArenaSocket, HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { knownRoom, notMember } from './common';

export function onLeave(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:leave', async ({ code: raw }, reply) => {
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'no player: register first'));
    const code = knownRoom(ctx, raw);
    const state = code ? ctx.rooms.peek(code) : undefined;
    const inRoom = state && (state.players.some((p) => p.playerId === playerId) || (state.waiting ?? []).some((w) => w.playerId === playerId));
    if (!code || !inRoom) return reply(notMember());
    const out = await ctx.rooms.dispatch(code, (now) => ({ type: 'leave', playerId, now }), {
      // Every tab of the player leaves: the room now shows them gone.
      applied: () => ctx.rooms.room(code)?.left(playerId),
    });
    reply(out.ok ? { ok: true, data: null } : refuse(out.error.code, out.error.message));
  });
}
