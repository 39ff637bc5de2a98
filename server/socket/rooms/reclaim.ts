/**
 * 'room:reclaim': the code and the recovery PIN get a fresh host token (a lost or other device); the
 * old token stops working and its sockets are told. How often a PIN is checked is the PIN guard's
 * (pin-guard.ts): slow for a guesser, never more than a minute's wait for the teacher.
 */
import { roomHostChannel, type ArenaSocket, type HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { rateLimited } from '../limits';
import { normalizeJoinCode } from '../../../game/room/code';
import { logHostRefusal, noRoom } from './common';
import { formatPin, newHostToken, normalizePin } from './create';

export function onReclaim(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:reclaim', ({ code: raw, hostPin }, reply) => {
    // A well-formed code with no room goes through the same guard and gets the same answer as a
    // wrong PIN: guessing PINs must not be a way to learn which codes open a room.
    const code = normalizeJoinCode(raw);
    if (!code) return reply(noRoom(raw));
    const waitMs = ctx.pinGuard.waitMs(socket.id, code);
    if (waitMs > 0) {
      const blocked = rateLimited('PIN attempts', waitMs);
      if (!blocked.ok) logHostRefusal(ctx, socket, 'room:reclaim', code, blocked.error);
      return reply(blocked);
    }
    const pin = normalizePin(hostPin);
    if (!ctx.rooms.exists(code) || !ctx.rooms.checkPin(code, pin)) {
      ctx.pinGuard.failed(socket.id, code);
      const r = refuse('room/bad_pin', 'this code and PIN do not open a room');
      if (!r.ok) logHostRefusal(ctx, socket, 'room:reclaim', code, r.error);
      return reply(r);
    }
    ctx.pinGuard.succeeded(socket.id);
    const hostToken = newHostToken();
    ctx.rooms.setHostToken(code, hostToken);
    const channel = roomHostChannel(code);
    ctx.io.to(channel).emit('room:host-revoked', { code });
    ctx.io.in(channel).socketsLeave(channel);
    ctx.log.info('room reclaimed with its PIN', { code, socket: socket.id, address: socket.handshake.address });
    reply({ ok: true, data: { code, hostToken, hostPin: formatPin(pin) } });
  });
}
