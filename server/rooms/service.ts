/**
 * The rooms of this process: one Room object per room (room.ts: its state, queue, deadline, views,
 * presence and wall), loaded from the database on first use (the database is the truth at start-up)
 * and forgotten once closed. A sweep ticks every loaded room for grace periods and expiry. The only
 * thing kept across rooms is which rooms each socket is in, so a disconnect reaches them all.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Clock, ClockTimer } from '../clock';
import { hashToken } from '../hash';
import type { Db } from '../db';
import type { Logger } from '../log';
import type { RoomSettler } from '../scoring/service';
import type { SubmissionRow } from '../../drizzle/schema';
import type { Score } from '../../game/scoring';
import { createRoom } from '../../game/room/machine';
import type { RoomEvent, RoomState } from '../../game/room/types';
import type { ArenaServer } from '../socket/context';
import { Room, type DispatchOptions, type MakeEvent, type RoomOutcome } from './room';
import { insertRoom, loadOpenRooms, loadRoom, roomExists, setHostTokenHash, type StoredRoom } from './store';

export type { Applied, DispatchOptions, RoomOutcome } from './room';
export type { Room } from './room';

/** How often every loaded room gets a `tick` (grace periods, idle expiry, a missed deadline). */
export const ROOM_SWEEP_MS = 30_000;

/** The PIN is short, so its hash is salted with the room code (no table serves every room at once). */
export const pinHash = (code: string, pin: string) => hashToken(`${code}:${pin}`);

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** A player whose last socket in a room went away. */
export interface Departure {
  code: string;
  playerId: string;
}

export interface RoomService extends RoomSettler {
  /** Creates and persists a new lobby. */
  create(code: string, hostTokenHash: string, hostPinHash: string): RoomState;
  exists(code: string): boolean;
  /** The room's current state (loaded from the database if needed); undefined when there is none. */
  peek(code: string): RoomState | undefined;
  /** The room object (presence, wall, join answers); undefined when there is none. */
  room(code: string): Room | undefined;
  isHost(code: string, hostToken: string): boolean;
  checkPin(code: string, pin: string): boolean;
  setHostToken(code: string, hostToken: string): void;
  dispatch(code: string, event: MakeEvent, opts?: DispatchOptions): Promise<RoomOutcome>;
  /** The socket joined room `code` as `playerId` (or asked to: a waiting player). */
  enter(code: string, playerId: string, socketId: string): void;
  /** Forgets a socket in every room it was in; answers whose last socket it was. */
  exit(socketId: string): Departure[];
  /** Loads rooms still open, marks their players disconnected, re-arms deadlines, starts the sweep. */
  start(): void;
  /** Refuses new events, waits for queued ones, disposes every room. */
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
  private readonly cache = new Map<string, Room>();
  /** socket id → codes of the rooms it entered. */
  private readonly socketRooms = new Map<string, Set<string>>();
  private sweepTimer: ClockTimer | null = null;
  private closing = false;

  constructor(private readonly deps: RoomServiceDeps) {}

  private remember(stored: StoredRoom): Room {
    const room = new Room(stored, this.deps, (closed) => {
      if (this.cache.get(closed.code) === closed) this.cache.delete(closed.code);
    });
    this.cache.set(stored.state.code, room);
    return room;
  }

  room(code: string): Room | undefined {
    const cached = this.cache.get(code);
    if (cached) return cached;
    const stored = loadRoom(this.deps.db, code);
    return stored ? this.remember(stored) : undefined;
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
    return this.room(code)?.state;
  }

  isHost(code: string, hostToken: string): boolean {
    const room = this.room(code);
    return room !== undefined && sameHash(room.hostTokenHash, hashToken(hostToken));
  }

  checkPin(code: string, pin: string): boolean {
    const room = this.room(code);
    return room !== undefined && sameHash(room.hostPinHash, pinHash(code, pin));
  }

  setHostToken(code: string, hostToken: string): void {
    const room = this.room(code);
    if (!room) throw new Error(`no room ${code}`);
    const hash = hashToken(hostToken);
    setHostTokenHash(this.deps.db, code, hash);
    room.hostTokenHash = hash;
  }

  async dispatch(code: string, event: MakeEvent, opts: DispatchOptions = {}): Promise<RoomOutcome> {
    if (this.closing) return { ok: false, error: { code: 'server/closing', message: 'the server is shutting down' }, state: null };
    const room = this.room(code);
    if (!room) return { ok: false, error: { code: 'room/not_found', message: `no room ${code}` }, state: null };
    return room.dispatch(event, opts);
  }

  enter(code: string, playerId: string, socketId: string): void {
    const room = this.room(code);
    if (!room) return;
    room.enter(playerId, socketId);
    let codes = this.socketRooms.get(socketId);
    if (!codes) this.socketRooms.set(socketId, (codes = new Set()));
    codes.add(code);
  }

  exit(socketId: string): Departure[] {
    const codes = this.socketRooms.get(socketId);
    this.socketRooms.delete(socketId);
    const out: Departure[] = [];
    for (const code of codes ?? []) {
      // A room closed since has forgotten its presence: nobody to disconnect there.
      const playerId = this.cache.get(code)?.exit(socketId);
      if (playerId !== undefined) out.push({ code, playerId });
    }
    return out;
  }

  /** The score re-enters its room as ONE event: reducer, then `write` in the same transaction, then views. */
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
      room.arm();
      // Nobody is connected to a process that just started; clients re-join when they reconnect.
      for (const p of [...stored.state.players, ...(stored.state.waiting ?? [])]) {
        if (!p.connected) continue;
        room.dispatch({ type: 'disconnect', playerId: p.playerId, now }).catch((err: unknown) => log.error('room start-up failed', { err: String(err) }));
      }
    }
    const every = this.deps.sweepMs ?? ROOM_SWEEP_MS;
    const sweep = () => {
      this.sweepTimer = clock.setTimeout(sweep, every);
      for (const room of this.cache.values()) room.tick('room sweep failed');
    };
    this.sweepTimer = clock.setTimeout(sweep, every);
    if (this.cache.size > 0) log.info('rooms loaded', { count: this.cache.size });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.sweepTimer) this.deps.clock.clearTimeout(this.sweepTimer);
    await Promise.all([...this.cache.values()].map((r) => r.idle()));
    for (const room of this.cache.values()) room.dispose();
  }
}

export interface RoomServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  io: ArenaServer;
  sweepMs?: number;
  /** Cap of rooms created from now on (env ROOM_MAX_PLAYERS; default game/room's, a class). */
  maxPlayers?: number;
}

export function createRoomService(deps: RoomServiceDeps): RoomService {
  return new Rooms(deps);
}
