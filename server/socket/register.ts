/** 'player:register': a new player with a secret token; only the token's sha256 is stored. */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { normalizeNickname } from '../../game/nickname';
import { friendlyName, isOffensive } from '../../game/room/names';
import { hashToken } from '../hash';
import { createPlayer } from '../store';
import { playerRoom, type ArenaSocket, type HandlerContext } from './context';
import { handle, refuse } from './handle';
import { limited } from './limits';

export function onRegister(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'player:register', async ({ nickname: raw }, reply) => {
    const nick = normalizeNickname(raw);
    if (!nick.ok) return reply(refuse(nick.code, nick.message));
    // The global leaderboard is a classroom screen too: an offensive name is replaced, as in rooms.
    const nickname = isOffensive(nick.nickname) ? friendlyName(randomInt(1000)) : nick.nickname;
    const blocked = await limited(ctx.registerLimiter, socket.handshake.address, 'registrations');
    if (blocked) return reply(blocked);
    const token = randomBytes(32).toString('base64url');
    const playerId = randomUUID();
    createPlayer(ctx.db, { id: playerId, nickname, tokenHash: hashToken(token), now: ctx.now() });
    if (socket.data.playerId) await socket.leave(playerRoom(socket.data.playerId));
    socket.data.playerId = playerId;
    socket.data.nickname = nickname;
    await socket.join(playerRoom(playerId));
    ctx.log.info('player registered', { playerId });
    reply({ ok: true, data: { playerId, nickname, token } });
  });
}
