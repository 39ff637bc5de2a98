/**
 * At most `max` sockets per client address at once (SOCKETS_PER_ADDRESS). A socket is counted in the
 * handshake middleware, so a burst of handshakes cannot all pass before any is counted, and released
 * once: when it disconnects, or when its connection closes before it ever connected. A socket
 * restored by connection-state recovery skips middlewares and is counted when it connects.
 */
import type { ExtendedError } from 'socket.io';
import type { ArenaSocket } from './context';

export const TOO_MANY_SOCKETS = 'rate/too_many_sockets';

export interface AddressCap {
  /** io.use(): refuses the handshake past the cap, with `data.code` the client can read. */
  middleware(socket: ArenaSocket, next: (err?: ExtendedError) => void): void;
  /** io.on('connection'): counts a socket that skipped the middleware. */
  connected(socket: ArenaSocket): void;
  /** Sockets held now by `address` (for logs and tests). */
  held(address: string): number;
}

export function createAddressCap(max: number): AddressCap {
  const counts = new Map<string, number>();
  const counted = new WeakSet<ArenaSocket>();

  const count = (socket: ArenaSocket) => {
    const address = socket.handshake.address;
    counted.add(socket);
    counts.set(address, (counts.get(address) ?? 0) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      socket.conn.off('close', release);
      const left = (counts.get(address) ?? 1) - 1;
      if (left > 0) counts.set(address, left);
      else counts.delete(address);
    };
    socket.once('disconnect', release);
    socket.conn.once('close', release);
  };

  return {
    middleware(socket, next) {
      const held = counts.get(socket.handshake.address) ?? 0;
      if (held >= max) {
        const err: ExtendedError = new Error(`too many connections from this address (${max} at once); close a tab or wait a moment`);
        err.data = { code: TOO_MANY_SOCKETS, max };
        return next(err);
      }
      count(socket);
      next();
    },
    connected(socket) {
      if (!counted.has(socket)) count(socket);
    },
    held: (address) => counts.get(address) ?? 0,
  };
}
