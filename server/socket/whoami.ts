/** 'player:whoami': who the handshake token (or a registration on this socket) says you are. */
import type { ArenaSocket, HandlerContext } from './context';
import { handle, refuse } from './handle';

export function onWhoami(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'player:whoami', (_payload, reply) => {
    const { playerId, nickname } = socket.data;
    if (!playerId || nickname === undefined) return reply(refuse('auth/required', 'no player: register first'));
    reply({ ok: true, data: { playerId, nickname } });
  });
}
