/**
 * How often a PIN may be tried. Nothing here is shared by a whole address, so a student sending wrong
 * PINs from the school's one address cannot lock the teacher out (issue 13, finding 7: five wrong PINs
 * refused the teacher's right one for 10 minutes). Two limits, each about one's own socket:
 *
 * - Backoff per socket: after its k-th wrong PIN a socket waits min(2^(k-1) s, window) before its
 *   next try is checked.
 * - A room that got `points` wrong PINs within the window is under attack: then a try is checked only
 *   from a socket connected for a whole window that has not failed within one.
 *
 * So whoever holds the right PIN waits at most one window (60 s) after connecting or after their own
 * last mistake, whatever others send. The guessing rate this allows, per address: before the room is
 * under attack `points` (30) a minute; under attack each socket one a minute, and an address holds at
 * most SOCKETS_PER_ADDRESS (150) sockets: at most 180 a minute, 259,200 a day. The PIN is 12 symbols
 * of 19 (rooms/create.ts), 19^12 ≈ 2.2e15 values: a year of that rate (9.5e7 tries) finds it with
 * probability 4e-8, and a room closes after 4 idle hours anyway.
 */
import type { RateLimit } from '../limits';

interface SocketRecord {
  connectedAt: number;
  failures: number;
  lastFailureAt: number;
}

export interface PinGuard {
  connected(socketId: string): void;
  forget(socketId: string): void;
  /** 0 when this socket's try at `code` may be checked now; else milliseconds to wait. */
  waitMs(socketId: string, code: string): number;
  failed(socketId: string, code: string): void;
  succeeded(socketId: string): void;
}

/** Rooms with failures kept before old ones are swept out. */
const SWEEP_ABOVE_ROOMS = 1000;

export function createPinGuard(limit: RateLimit, now: () => number): PinGuard {
  const windowMs = limit.durationS * 1000;
  const sockets = new Map<string, SocketRecord>();
  /** Per room, the times of its last `points` wrong PINs, oldest first. */
  const rooms = new Map<string, number[]>();

  const record = (socketId: string): SocketRecord => {
    let r = sockets.get(socketId);
    // A socket restored by connection-state recovery was not seen connecting: it counts from now.
    if (!r) sockets.set(socketId, (r = { connectedAt: now(), failures: 0, lastFailureAt: 0 }));
    return r;
  };

  const underAttack = (code: string, t: number): boolean => {
    const times = rooms.get(code);
    return times !== undefined && times.length >= limit.points && (times[0] ?? 0) > t - windowMs;
  };

  const sweep = (t: number) => {
    for (const [code, times] of rooms) if ((times.at(-1) ?? 0) <= t - windowMs) rooms.delete(code);
  };

  return {
    connected: (socketId) => void record(socketId),
    forget: (socketId) => void sockets.delete(socketId),
    waitMs(socketId, code) {
      const t = now();
      const r = record(socketId);
      let allowedAt = r.failures > 0 ? r.lastFailureAt + Math.min(2 ** (r.failures - 1) * 1000, windowMs) : t;
      if (underAttack(code, t)) allowedAt = Math.max(allowedAt, r.connectedAt + windowMs, r.failures > 0 ? r.lastFailureAt + windowMs : t);
      return Math.max(0, allowedAt - t);
    },
    failed(socketId, code) {
      const t = now();
      const r = record(socketId);
      r.failures++;
      r.lastFailureAt = t;
      const times = rooms.get(code) ?? [];
      times.push(t);
      if (times.length > limit.points) times.shift();
      rooms.set(code, times);
      if (rooms.size > SWEEP_ABOVE_ROOMS) sweep(t);
    },
    succeeded(socketId) {
      const r = record(socketId);
      r.failures = 0;
    },
  };
}
