/** socket.io on the shared HTTP server: handshake auth, then one small handler per event. */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { RECONNECT_GRACE_MS } from '../../game/room/types';
import { MAX_SOCKET_PAYLOAD_BYTES } from '../../protocol';
import { findPlayerByTokenHash } from '../store';
import { playerRoom, type ArenaServer, type HandlerContext } from './context';
import { onLeaderboard } from './leaderboard';
import { hashToken } from '../hash';
import { createAddressCap } from './address-cap';
import { onBoss } from './boss';
import { onProgress } from './progress';
import { onRegister } from './register';
import { onRoomEvents } from './rooms/index';
import { onSubmit } from './submit';
import { onWhoami } from './whoami';

/** Longest token we bother hashing (ours are 43 characters). */
const MAX_TOKEN_CHARS = 200;

export function createIo(http: HttpServer): ArenaServer {
  return new Server(http, {
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    // Other upgrade requests (Next's dev HMR) share this server: do not close them.
    destroyUpgrade: false,
    serveClient: false,
    // A dropped student's socket comes back with its rooms and missed messages within the grace
    // period; the client also re-emits room:join on every connect, which the room treats as a rejoin.
    connectionStateRecovery: { maxDisconnectionDuration: RECONNECT_GRACE_MS, skipMiddlewares: true },
  });
}

export function attachHandlers(ctx: HandlerContext, opts: { socketsPerAddress: number }): void {
  const { io, db, log } = ctx;
  const cap = createAddressCap(opts.socketsPerAddress);
  // First, so a refused handshake costs no token lookup. The next middleware never refuses, so every
  // socket counted here connects (or its connection closes, which releases it too).
  io.use((socket, next) => {
    cap.middleware(socket, next);
    if (cap.held(socket.handshake.address) === opts.socketsPerAddress) log.warn('sockets per address at the cap', { address: socket.handshake.address, max: opts.socketsPerAddress });
  });
  // An unknown or missing token still connects (the client can register); it is just anonymous.
  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (typeof token === 'string' && token.length > 0 && token.length <= MAX_TOKEN_CHARS) {
      const player = findPlayerByTokenHash(db, hashToken(token));
      if (player) {
        socket.data.playerId = player.id;
        socket.data.nickname = player.nickname;
      } else {
        log.warn('unknown token in handshake', { socket: socket.id });
      }
    }
    next();
  });
  io.on('connection', (socket) => {
    cap.connected(socket);
    ctx.pinGuard.connected(socket.id);
    socket.on('disconnect', () => ctx.pinGuard.forget(socket.id));
    if (socket.data.playerId) void socket.join(playerRoom(socket.data.playerId));
    onRegister(ctx, socket);
    onWhoami(ctx, socket);
    onLeaderboard(ctx, socket);
    onProgress(ctx, socket);
    onBoss(ctx, socket);
    onSubmit(ctx, socket);
    onRoomEvents(ctx, socket);
  });
}
