/**
 * 'room:activity': a student's status, backend and latest training point for the class wall. No ack.
 * Over the per-socket limit it is dropped silently (a chatty client is not an error worth a log line).
 * Only a change of status or backend goes through the room (and the database); curve points stay in
 * memory and reach the host throttled per student.
 */
import type { ArenaSocket, HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { limited } from '../limits';
import { knownRoom, notMember } from './common';

export function onActivity(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:activity', async (p, reply) => {
    if (await limited(ctx.roomLimiters.activity, socket.id, 'activity updates')) return;
    const code = knownRoom(ctx, p.code);
    const room = code ? ctx.rooms.room(code) : undefined;
    const playerId = room?.playerOf(socket.id);
    const me = playerId ? room?.state.players.find((x) => x.playerId === playerId) : undefined;
    if (!code || !room || !playerId || !me) return reply(notMember());
    const backend = p.backend ?? me.backend;
    if (me.activity !== p.activity || backend !== me.backend) {
      const out = await ctx.rooms.dispatch(code, (now) => ({ type: 'activity', playerId, activity: p.activity, backend, now }));
      if (!out.ok) return reply(refuse(out.error.code, out.error.message));
    }
    room.report(playerId, p.activity, backend, p.point);
    reply({ ok: true, data: null });
  });
}
