/**
 * The room authority: one PQueue per room, so a room's events are applied one at a time. Each event
 * goes load (memory cache; the database is the truth at start-up) → applyRoomEvent → persist (one
 * synchronous transaction, with whatever else the event writes) → emit views → act on its effects
 * (deadline timers, kicks, closing). A sweep ticks every loaded room for grace periods and expiry.
 */
import PQueue from 'p-queue';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock, ClockTimer } from '../clock';
import type { Db } from '../db';
import type { Logger } from '../log';
import type { ApiError } from '../protocol';
import type { RoomSettler } from '../scoring/service';
import { createRoom, applyRoomEvent } from '../../game/room/machine';
import type { RoomEffect, RoomEvent, RoomState } from '../../game/room/types';
import type { RoomOutput } from './publish';
import { insertRoom, loadOpenRooms, loadRoom, roomExists, saveRoomState, setHostTokenHash } from './store';

/** How often every loaded room gets a `tick` (grace periods, idle expiry, a missed deadline). */
export const ROOM_SWEEP_MS = 30_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** The PIN is short, so its hash is salted with the room code (no table serves every room at once). */
export const pinHash = (code: string, pin: string) => sha256(`${code}:${pin}`);

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

interface LoadedRoom {
  state: RoomState;
  hostTokenHash: string;
  hostPinHash: string;
  queue: PQueue;
  deadline: ClockTimer | null;
}

/** What an event's extra work sees: the state it produced and the time it was applied at. */
export interface Applied {
  state: RoomState;
  prev: RoomState;
  now: number;
}

export interface DispatchOptions {
  /** Runs after the reducer accepted: a further check (locked settings); an error refuses the event. */
  guard?(a: Applied): ApiError | null;
  /** Runs in the same transaction as the room's state; `accepted` says whether the event applied. */
  write?(tx: Db, accepted: boolean, a: Applied): void;
  /** Runs after the transaction committed, before any view is emitted (answers, channel joins). */
  applied?(a: Applied): void;
}

export type RoomOutcome = { ok: true; state: RoomState; effects: RoomEffect[] } | { ok: false; error: ApiError; state: RoomState | null };

export interface RoomService extends RoomSettler {
  /** Creates and persists a new lobby. */
  create(code: string, hostTokenHash: string, hostPinHash: string): RoomState;
  exists(code: string): boolean;
  /** The room's current state (loaded from the database if needed); undefined when there is none. */
  peek(code: string): RoomState | undefined;
  isHost(code: string, hostToken: string): boolean;
  checkPin(code: string, pin: string): boolean;
  setHostToken(code: string, hostToken: string): void;
  dispatch(code: string, event: RoomEvent | ((now: number) => RoomEvent), opts?: DispatchOptions): Promise<RoomOutcome>;
  /** Loads rooms still open, marks their players disconnected, re-arms deadlines, starts the sweep. */
  start(): void;
  /** Refuses new events, waits for queued ones, clears every timer. */
  close(): Promise<void>;
}

export function createRoomService(deps: { db: Db; clock: Clock; log: Logger; output: RoomOutput; sweepMs?: number }): RoomService {
  const { db, clock, log, output } = deps;
  const cache = new Map<string, LoadedRoom>();
  let sweepTimer: ClockTimer | null = null;
  let closing = false;

  const remember = (stored: { state: RoomState; hostTokenHash: string; hostPinHash: string }): LoadedRoom => {
    const room: LoadedRoom = { ...stored, queue: new PQueue({ concurrency: 1 }), deadline: null };
    cache.set(stored.state.code, room);
    return room;
  };
  const get = (code: string): LoadedRoom | undefined => {
    const cached = cache.get(code);
    if (cached) return cached;
    const stored = loadRoom(db, code);
    return stored ? remember(stored) : undefined;
  };

  const disarm = (room: LoadedRoom) => {
    if (room.deadline) clock.clearTimeout(room.deadline);
    room.deadline = null;
  };
  const arm = (room: LoadedRoom) => {
    disarm(room);
    const round = room.state.round;
    if (room.state.phase !== 'running' || !round) return;
    room.deadline = clock.setTimeout(() => {
      room.deadline = null;
      // A timer may fire a hair early; the reducer would then not end the round, so wait again.
      if (clock.now() < round.endsAt) return arm(room);
      void service.dispatch(room.state.code, (now) => ({ type: 'tick', now })).catch((err: unknown) => log.error('deadline tick failed', { code: room.state.code, err: String(err) }));
    }, round.endsAt - clock.now());
  };

  function act(room: LoadedRoom, effects: readonly RoomEffect[]): void {
    for (const e of effects) {
      if (e.type === 'roundStarted') arm(room);
      else if (e.type === 'roundEnded') disarm(room);
      else if (e.type === 'kicked') output.kicked(room.state.code, e.playerId);
      else if (e.type === 'playerRemoved') output.removed(room.state.code, e.playerId);
      else if (e.type === 'nicknameReplaced') log.info('room nickname replaced', { code: room.state.code, playerId: e.playerId, nickname: e.nickname });
    }
  }

  function closed(room: LoadedRoom): void {
    disarm(room);
    output.closed(room.state.code);
    log.info('room closed', { code: room.state.code });
    // Dropped from memory once nothing is queued, so a later event reloads it (and is refused: closed).
    void room.queue.onIdle().then(() => {
      if (cache.get(room.state.code) === room) cache.delete(room.state.code);
    });
  }

  /** One event, synchronously: reducer, guard, transaction, then answers, views and effects. */
  function apply(room: LoadedRoom, make: RoomEvent | ((now: number) => RoomEvent), opts: DispatchOptions): RoomOutcome {
    const prev = room.state;
    const now = clock.now();
    const event = typeof make === 'function' ? make(now) : make;
    const result = applyRoomEvent(prev, event);
    const a: Applied = { state: result.state, prev, now };
    const error: ApiError | null = result.ok ? (opts.guard?.(a) ?? null) : { code: result.error.code, message: result.error.message };
    const accepted = error === null;
    const next = accepted ? result.state : prev;
    if (next !== prev || opts.write) {
      db.transaction((tx) => {
        if (next !== prev) saveRoomState(tx as unknown as Db, prev, next);
        opts.write?.(tx as unknown as Db, accepted, { ...a, state: next });
      });
    }
    room.state = next;
    if (!accepted || !result.ok) return { ok: false, error: error ?? { code: 'server/internal', message: 'refused' }, state: prev };
    opts.applied?.({ ...a, state: next });
    const isClosing = result.effects.some((e) => e.type === 'closed');
    act(room, result.effects);
    if (next !== prev) output.changed(next);
    if (isClosing) closed(room);
    return { ok: true, state: next, effects: result.effects };
  }

  const service: RoomService = {
    create(code, hostTokenHash, hostPinHash) {
      const state = createRoom(code, clock.now());
      insertRoom(db, { state, hostTokenHash, hostPinHash });
      remember({ state, hostTokenHash, hostPinHash });
      return state;
    },
    exists: (code) => cache.has(code) || roomExists(db, code),
    peek: (code) => get(code)?.state,
    isHost(code, hostToken) {
      const room = get(code);
      return room !== undefined && sameHash(room.hostTokenHash, sha256(hostToken));
    },
    checkPin(code, pin) {
      const room = get(code);
      return room !== undefined && sameHash(room.hostPinHash, pinHash(code, pin));
    },
    setHostToken(code, hostToken) {
      const room = get(code);
      if (!room) throw new Error(`no room ${code}`);
      const hash = sha256(hostToken);
      setHostTokenHash(db, code, hash);
      room.hostTokenHash = hash;
    },
    async dispatch(code, event, opts = {}) {
      if (closing) return { ok: false, error: { code: 'server/closing', message: 'the server is shutting down' }, state: null };
      const room = get(code);
      if (!room) return { ok: false, error: { code: 'room/not_found', message: `no room ${code}` }, state: null };
      return room.queue.add(() => apply(room, event, opts));
    },
    async settle(sub, score, write) {
      const code = sub.roomCode;
      const round = sub.roundNumber;
      let wrote = false;
      let value: ReturnType<typeof write> | undefined;
      const run = (tx: Db) => {
        value = write(tx);
        wrote = true;
      };
      if (code && round !== null) {
        const playerId = sub.playerId;
        const out = await service.dispatch(
          code,
          (now): RoomEvent =>
            score
              ? { type: 'scored', playerId, round, best: { submissionId: sub.id, score: score.score, paramCount: sub.paramCount, submittedAt: sub.createdAt }, now }
              : { type: 'scoreFailed', playerId, round, now },
          { write: (tx) => run(tx) },
        );
        if (!out.ok) log.warn('room refused a submission outcome', { code, round, submissionId: sub.id, error: out.error.code });
      }
      // No such room (or a closing service): the submission's own row is still written.
      if (!wrote) db.transaction((tx) => run(tx as unknown as Db));
      return value as ReturnType<typeof write>;
    },
    start() {
      const now = clock.now();
      for (const stored of loadOpenRooms(db)) {
        if (cache.has(stored.state.code)) continue;
        const room = remember(stored);
        arm(room);
        // Nobody is connected to a process that just started; clients re-join when they reconnect.
        for (const p of stored.state.players) {
          if (p.connected) void service.dispatch(stored.state.code, { type: 'disconnect', playerId: p.playerId, now });
        }
      }
      const sweep = () => {
        sweepTimer = clock.setTimeout(sweep, deps.sweepMs ?? ROOM_SWEEP_MS);
        for (const code of cache.keys()) {
          void service.dispatch(code, (t) => ({ type: 'tick', now: t })).catch((err: unknown) => log.error('room sweep failed', { code, err: String(err) }));
        }
      };
      sweepTimer = clock.setTimeout(sweep, deps.sweepMs ?? ROOM_SWEEP_MS);
      if (cache.size > 0) log.info('rooms loaded', { count: cache.size });
    },
    async close() {
      closing = true;
      if (sweepTimer) clock.clearTimeout(sweepTimer);
      await Promise.all([...cache.values()].map((r) => r.queue.onIdle()));
      for (const room of cache.values()) disarm(room);
    },
  };
  return service;
}
