/** 'room:host': attaches this socket as the room's host (after a reload too) and answers its view. */
import { hostRoomView } from '../../../game/room/views';
import { roomHostChannel, type ArenaSocket, type HandlerContext } from '../context';
import { handle } from '../handle';
import { hostedOrRefused, noRoom } from './common';

export function onHost(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:host', async ({ code: raw, hostToken }, reply) => {
    const code = hostedOrRefused(ctx, socket, 'room:host', { code: raw, hostToken }, reply);
    if (!code) return;
    await socket.join(roomHostChannel(code));
    const state = ctx.rooms.peek(code);
    if (!state) return reply(noRoom(raw));
    reply({ ok: true, data: { ...hostRoomView(state), serverNow: ctx.clock.now() } });
    // The wall's curves live in memory only; a host that (re)attaches gets every tile once.
    for (const tile of ctx.rooms.room(code)?.tiles() ?? []) socket.emit('room:wall', tile);
  });
}
