/**
 * The room authority: one PQueue per room, so a room's events are applied one at a time. Each event
 * goes load (memory cache; the database is the truth at start-up) → applyRoomEvent → persist (one
 * synchronous transaction, with whatever else the event writes) → emit views → act on its effects
 * (deadline timers, kicks, closing). A sweep ticks every loaded room for grace periods and expiry.
 */
import PQueue from 'p-queue';
import { timingSafeEqual } from 'node:crypto';
import type { Clock, ClockTimer } from '../clock';
import { hashToken } from '../hash';
import type { Db } from '../db';
import type { Logger } from '../log';
import type { ApiError } from '../../protocol';
import type { RoomSettler } from '../scoring/service';
import type { SubmissionRow } from '../../drizzle/schema';
import type { Score } from '../../game/scoring';
import { createRoom, applyRoomEvent } from '../../game/room/machine';
import type { RoomEffect, RoomEvent, RoomState } from '../../game/room/types';
import type { RoomOutput } from './publish';
import { insertRoom, loadOpenRooms, loadRoom, roomExists, saveRoomState, setHostTokenHash, type StoredRoom } from './store';

/** How often every loaded room gets a `tick` (grace periods, idle expiry, a missed deadline). */
export const ROOM_SWEEP_MS = 30_000;

/** The PIN is short, so its hash is salted with the room code (no table serves every room at once). */
export const pinHash = (code: string, pin: string) => hashToken(`${code}:${pin}`);

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

/** A room submission's outcome as a room event. */
function outcomeEvent(sub: SubmissionRow, round: number, score: Score | null, now: number): RoomEvent {
  const playerId = sub.playerId;
  if (!score) return { type: 'scoreFailed', playerId, round, now };
  const best = { submissionId: sub.id, score: score.score, paramCount: sub.paramCount, submittedAt: sub.createdAt };
  return { type: 'scored', playerId, round, best, now };
}

class Rooms implements RoomService {
  private readonly cache = new Map<string, LoadedRoom>();
  private sweepTimer: ClockTimer | null = null;
  private closing = false;

  constructor(private readonly deps: RoomServiceDeps) {}

  private remember(stored: StoredRoom): LoadedRoom {
    const room: LoadedRoom = { ...stored, queue: new PQueue({ concurrency: 1 }), deadline: null };
    this.cache.set(stored.state.code, room);
    return room;
  }

  private get(code: string): LoadedRoom | undefined {
    const cached = this.cache.get(code);
    if (cached) return cached;
    const stored = loadRoom(this.deps.db, code);
    return stored ? this.remember(stored) : undefined;
  }

  private disarm(room: LoadedRoom): void {
    if (room.deadline) this.deps.clock.clearTimeout(room.deadline);
    room.deadline = null;
  }

  /** A timer at the running round's deadline that ticks the room (ending the round on time). */
  private arm(room: LoadedRoom): void {
    const { clock, log } = this.deps;
    this.disarm(room);
    const round = room.state.round;
    if (room.state.phase !== 'running' || !round) return;
    room.deadline = clock.setTimeout(() => {
      room.deadline = null;
      // A timer may fire a hair early; the reducer would then not end the round, so wait again.
      if (clock.now() < round.endsAt) return this.arm(room);
      this.tick(room.state.code, log, 'deadline tick failed');
    }, round.endsAt - clock.now());
  }

  private tick(code: string, log: Logger, what: string): void {
    this.dispatch(code, (now) => ({ type: 'tick', now })).catch((err: unknown) => log.error(what, { code, err: String(err) }));
  }

  private act(room: LoadedRoom, effects: readonly RoomEffect[]): void {
    const { output, log } = this.deps;
    const code = room.state.code;
    for (const e of effects) {
      if (e.type === 'roundStarted') this.arm(room);
      else if (e.type === 'roundEnded') this.disarm(room);
      else if (e.type === 'kicked') output.kicked(code, e.playerId);
      else if (e.type === 'admitted') output.admitted(room.state, e.playerId);
      else if (e.type === 'playerRemoved') output.removed(code, e.playerId);
      else if (e.type === 'nicknameReplaced') log.info('room nickname replaced', { code, playerId: e.playerId, nickname: e.nickname });
    }
  }

  private closed(room: LoadedRoom): void {
    this.disarm(room);
    this.deps.output.closed(room.state.code);
    this.deps.log.info('room closed', { code: room.state.code });
    // Dropped from memory once nothing is queued, so a later event reloads it (and is refused: closed).
    void room.queue.onIdle().then(() => {
      if (this.cache.get(room.state.code) === room) this.cache.delete(room.state.code);
    });
  }

  /** One event, synchronously: reducer, guard, transaction, then answers, views and effects. */
  private apply(room: LoadedRoom, make: RoomEvent | ((now: number) => RoomEvent), opts: DispatchOptions): RoomOutcome {
    const prev = room.state;
    const now = this.deps.clock.now();
    const result = applyRoomEvent(prev, typeof make === 'function' ? make(now) : make);
    const a: Applied = { state: result.state, prev, now };
    const error: ApiError | null = result.ok ? (opts.guard?.(a) ?? null) : { code: result.error.code, message: result.error.message };
    const next = error === null ? result.state : prev;
    if (next !== prev || opts.write) {
      this.deps.db.transaction((tx) => {
        if (next !== prev) saveRoomState(tx as unknown as Db, prev, next);
        opts.write?.(tx as unknown as Db, error === null, { ...a, state: next });
      });
    }
    room.state = next;
    if (error !== null || !result.ok) return { ok: false, error: error ?? { code: 'server/internal', message: 'refused' }, state: prev };
    opts.applied?.({ ...a, state: next });
    this.act(room, result.effects);
    if (next !== prev) this.deps.output.changed(next);
    if (result.effects.some((e) => e.type === 'closed')) this.closed(room);
    return { ok: true, state: next, effects: result.effects };
  }

  create(code: string, hostTokenHash: string, hostPinHash: string): RoomState {
    const state = createRoom(code, this.deps.clock.now(), this.deps.maxPlayers);
    insertRoom(this.deps.db, { state, hostTokenHash, hostPinHash });
    this.remember({ state, hostTokenHash, hostPinHash });
    return state;
  }

  exists(code: string): boolean {
    return this.cache.has(code) || roomExists(this.deps.db, code);
  }

  peek(code: string): RoomState | undefined {
    return this.get(code)?.state;
  }

  isHost(code: string, hostToken: string): boolean {
    const room = this.get(code);
    return room !== undefined && sameHash(room.hostTokenHash, hashToken(hostToken));
  }

  checkPin(code: string, pin: string): boolean {
    const room = this.get(code);
    return room !== undefined && sameHash(room.hostPinHash, pinHash(code, pin));
  }

  setHostToken(code: string, hostToken: string): void {
    const room = this.get(code);
    if (!room) throw new Error(`no room ${code}`);
    const hash = hashToken(hostToken);
    setHostTokenHash(this.deps.db, code, hash);
    room.hostTokenHash = hash;
  }

  async dispatch(code: string, event: RoomEvent | ((now: number) => RoomEvent), opts: DispatchOptions = {}): Promise<RoomOutcome> {
    if (this.closing) return { ok: false, error: { code: 'server/closing', message: 'the server is shutting down' }, state: null };
    const room = this.get(code);
    if (!room) return { ok: false, error: { code: 'room/not_found', message: `no room ${code}` }, state: null };
    return room.queue.add(async () => {
      // p-queue starts the next task in a microtask: a backlog (a whole class submitting at once) would
      // hold the event loop for all of it, with no timer, ping or view going out. Yield between them.
      if (room.queue.size > 0) await new Promise<void>((ok) => setImmediate(ok));
      return this.apply(room, event, opts);
    });
  }

  async settle<T>(sub: SubmissionRow, score: Score | null, write: (tx: Db) => T): Promise<T> {
    let written: { value: T } | null = null;
    const code = sub.roomCode;
    const round = sub.roundNumber;
    if (code && round !== null) {
      const out = await this.dispatch(code, (now) => outcomeEvent(sub, round, score, now), { write: (tx) => void (written = { value: write(tx) }) });
      if (!out.ok) this.deps.log.warn('room refused a submission outcome', { code, round, submissionId: sub.id, error: out.error.code });
    }
    // No such room (or a closing service): the submission's own rows are still written.
    written ??= this.deps.db.transaction((tx) => ({ value: write(tx as unknown as Db) }));
    return written.value;
  }

  start(): void {
    const { db, clock, log } = this.deps;
    const now = clock.now();
    const skipped = (err: Error) => log.error('stored room skipped at start-up', { err: err.message });
    for (const stored of loadOpenRooms(db, skipped)) {
      if (this.cache.has(stored.state.code)) continue;
      const room = this.remember(stored);
      this.arm(room);
      // Nobody is connected to a process that just started; clients re-join when they reconnect.
      for (const p of [...stored.state.players, ...(stored.state.waiting ?? [])]) {
        if (!p.connected) continue;
        this.dispatch(room.state.code, { type: 'disconnect', playerId: p.playerId, now }).catch((err: unknown) => log.error('room start-up failed', { err: String(err) }));
      }
    }
    const every = this.deps.sweepMs ?? ROOM_SWEEP_MS;
    const sweep = () => {
      this.sweepTimer = clock.setTimeout(sweep, every);
      for (const code of this.cache.keys()) this.tick(code, log, 'room sweep failed');
    };
    this.sweepTimer = clock.setTimeout(sweep, every);
    if (this.cache.size > 0) log.info('rooms loaded', { count: this.cache.size });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.sweepTimer) this.deps.clock.clearTimeout(this.sweepTimer);
    await Promise.all([...this.cache.values()].map((r) => r.queue.onIdle()));
    for (const room of this.cache.values()) this.disarm(room);
  }
}

export interface RoomServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  output: RoomOutput;
  sweepMs?: number;
  /** Cap of rooms created from now on (env ROOM_MAX_PLAYERS; default game/room's, a class). */
  maxPlayers?: number;
}

export function createRoomService(deps: RoomServiceDeps): RoomService {
  return new Rooms(deps);
}
