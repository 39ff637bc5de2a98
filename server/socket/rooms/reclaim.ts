/**
 * 'room:reclaim': the code and the recovery PIN get a fresh host token (a lost or other device); the
 * old token stops working and its sockets are told. Rate-limited hard: the PIN is short.
 */
import { roomPayloads } from '../../room-protocol';
import { roomHostChannel, type ArenaSocket, type HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { limited } from '../limits';
import { knownRoom, logHostRefusal, noRoom } from './common';
import { newHostToken } from './create';

export function onReclaim(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:reclaim', roomPayloads.reclaim, async ({ code: raw, hostPin }, reply) => {
    const code = knownRoom(ctx, raw);
    if (!code) return reply(noRoom(raw));
    const blocked = await limited(ctx.roomLimiters.reclaim, `${socket.handshake.address}|${code}`, 'PIN attempts');
    if (blocked) {
      if (!blocked.ok) logHostRefusal(ctx, socket, 'room:reclaim', code, blocked.error);
      return reply(blocked);
    }
    const pin = hostPin.toUpperCase().replace(/[\s-]/g, '');
    if (!ctx.rooms.checkPin(code, pin)) {
      const r = refuse('room/bad_pin', 'this PIN does not open this room');
      if (!r.ok) logHostRefusal(ctx, socket, 'room:reclaim', code, r.error);
      return reply(r);
    }
    const hostToken = newHostToken();
    ctx.rooms.setHostToken(code, hostToken);
    const channel = roomHostChannel(code);
    ctx.io.to(channel).emit('room:host-revoked', { code });
    ctx.io.in(channel).socketsLeave(channel);
    ctx.log.info('room reclaimed with its PIN', { code, socket: socket.id, address: socket.handshake.address });
    reply({ ok: true, data: { code, hostToken, hostPin: pin } });
  });
}
