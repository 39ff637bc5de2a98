/** 'player:whoami': who the handshake token (or a registration on this socket) says you are. */
import { z } from 'zod';
import type { ArenaSocket, HandlerContext } from './context';
import { handle, refuse } from './handle';

const whoamiPayload = z.union([z.strictObject({}), z.undefined()]);

export function onWhoami(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'player:whoami', whoamiPayload, (_payload, reply) => {
    const { playerId, nickname } = socket.data;
    if (!playerId || nickname === undefined) return reply(refuse('auth/required', 'no player: register first'));
    reply({ ok: true, data: { playerId, nickname } });
  });
}
