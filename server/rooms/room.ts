/**
 * One room in memory, and everything the server keeps for it: its state (the database is the truth
 * at start-up), its host secrets, ONE queue, the running round's deadline timer, the views it last
 * sent, which sockets are its players' (presence) and its class wall. Every event goes through one
 * pipeline, `dispatch`: queue → game/ decides (applyRoomEvent) → one transaction → views → effects.
 * `dispose()` is the one place a room lets go of its timers and memory (the room closed, or the
 * server stops).
 */
import PQueue from 'p-queue';
import type { Clock, ClockTimer } from '../clock';
import type { Db } from '../db';
import type { Logger } from '../log';
import type { ApiError, ServerErrorCode } from '../../protocol';
import { applyRoomEvent } from '../../game/room/machine';
import type { CurvePoint } from '../../game/room/views';
import type { PlayerActivity, RoomEffect, RoomEvent, RoomState } from '../../game/room/types';
import { playerRoom, roomPlayersChannel, type ArenaServer } from '../socket/context';
import { RoomPresence } from './presence';
import { RoomViews } from './publish';
import { saveRoomState, type StoredRoom } from './store';
import { RoomWall } from './wall';

export interface RoomDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  io: ArenaServer;
}

/** What an event's extra work sees: the state it produced and the time it was applied at. */
export interface Applied {
  state: RoomState;
  prev: RoomState;
  now: number;
}

export interface DispatchOptions {
  /** Runs in the same transaction as the room's state; `accepted` says whether the event applied. */
  write?(tx: Db, accepted: boolean, a: Applied): void;
  /** Runs after the transaction committed, before any view is emitted (answers, channel joins). */
  applied?(a: Applied): void;
}

/** A refusal the server answers as it is (game/'s codes are server codes: protocol/errors.ts). */
export type RoomRefusal = ApiError & { code: ServerErrorCode };

export type RoomOutcome = { ok: true; state: RoomState; effects: RoomEffect[] } | { ok: false; error: RoomRefusal; state: RoomState | null };

export type MakeEvent = RoomEvent | ((now: number) => RoomEvent);

export class Room {
  state: RoomState;
  hostTokenHash: string;
  readonly hostPinHash: string;
  private readonly queue = new PQueue({ concurrency: 1 });
  private readonly presence = new RoomPresence();
  private readonly wall: RoomWall;
  private readonly views: RoomViews;
  private deadline: ClockTimer | null = null;

  constructor(
    stored: StoredRoom,
    private readonly deps: RoomDeps,
    /** Called once the closed room's queue is empty (the service then forgets it). */
    private readonly onClosed: (room: Room) => void,
  ) {
    this.state = stored.state;
    this.hostTokenHash = stored.hostTokenHash;
    this.hostPinHash = stored.hostPinHash;
    this.wall = new RoomWall(deps.io, deps.clock, stored.state.code);
    this.views = new RoomViews(deps.io, deps.clock);
  }

  get code(): string {
    return this.state.code;
  }

  /**
   * The room's one pipeline, in one place: events are applied one at a time, in the order they arrive
   * (the queue); the reducer decides; one transaction writes the room's state and the event's own rows
   * (`write`, accepted or not); then answers, effects and views.
   */
  dispatch(make: MakeEvent, opts: DispatchOptions = {}): Promise<RoomOutcome> {
    return this.queue.add(async () => {
      // p-queue starts the next task in a microtask: a backlog (a whole class submitting at once) would
      // hold the event loop for all of it, with no timer, ping or view going out. Yield between them.
      if (this.queue.size > 0) await new Promise<void>((ok) => setImmediate(ok));
      const prev = this.state;
      const now = this.deps.clock.now();
      const result = applyRoomEvent(prev, typeof make === 'function' ? make(now) : make);
      const next = result.ok ? result.state : prev;
      const applied: Applied = { state: next, prev, now };
      if (next !== prev || opts.write) {
        this.deps.db.transaction((tx) => {
          if (next !== prev) saveRoomState(tx as unknown as Db, prev, next);
          opts.write?.(tx as unknown as Db, result.ok, applied);
        });
      }
      this.state = next;
      if (!result.ok) return { ok: false, error: result.error, state: prev };
      opts.applied?.(applied);
      this.act(result.effects);
      if (next !== prev) this.views.changed(next);
      if (result.effects.some((e) => e.type === 'closed')) this.closed();
      return { ok: true, state: next, effects: result.effects };
    });
  }

  /** Resolves once nothing is queued. */
  idle(): Promise<void> {
    return this.queue.onIdle();
  }

  /** A timer at the running round's deadline that ticks the room (ending the round on time). */
  arm(): void {
    const { clock } = this.deps;
    this.disarm();
    const round = this.state.round;
    if (this.state.phase !== 'running' || !round) return;
    this.deadline = clock.setTimeout(() => {
      this.deadline = null;
      // A timer may fire a hair early; the reducer would then not end the round, so wait again.
      if (clock.now() < round.endsAt) return this.arm();
      this.tick('deadline tick failed');
    }, round.endsAt - clock.now());
  }

  tick(what: string): void {
    this.dispatch((now) => ({ type: 'tick', now })).catch((err: unknown) => this.deps.log.error(what, { code: this.code, err: String(err) }));
  }

  // ---- presence, wall and the views a join answers with (handlers call these) ----

  /** A socket joined as `playerId` (a waiting player too: a disconnect starts their grace, an admit finds them). */
  enter(playerId: string, socketId: string): void {
    this.presence.enter(playerId, socketId);
  }

  /** The socket went away; answers the player whose last socket in the room it was. */
  exit(socketId: string): string | undefined {
    return this.presence.exit(socketId);
  }

  /** The player left on purpose: every tab of theirs leaves the room's channel. */
  left(playerId: string): void {
    this.deps.io.in(playerRoom(playerId)).socketsLeave(roomPlayersChannel(this.code));
    this.presence.drop(playerId);
  }

  playerOf(socketId: string): string | undefined {
    return this.presence.playerOf(socketId);
  }

  report(playerId: string, activity: PlayerActivity, backend: string | null, point: CurvePoint | undefined): void {
    this.wall.report(playerId, activity, backend, point);
  }

  tiles(): ReturnType<RoomWall['tiles']> {
    return this.wall.tiles();
  }

  rememberMe(playerId: string, json: string): void {
    this.views.rememberMe(playerId, json);
  }

  /** Lets go of the deadline, the wall's timers, held-back views and who is present. */
  dispose(): void {
    this.disarm();
    this.views.dispose();
    this.wall.dispose();
    this.presence.clear();
  }

  // ---- what an applied event does besides its views ----

  private act(effects: readonly RoomEffect[]): void {
    for (const e of effects) {
      if (e.type === 'roundStarted') this.arm();
      else if (e.type === 'roundEnded') this.disarm();
      else if (e.type === 'kicked') {
        this.deps.io.to(playerRoom(e.playerId)).emit('room:kicked', { code: this.code });
        this.removed(e.playerId);
      } else if (e.type === 'admitted') this.views.admitted(this.state, e.playerId, this.presence.sockets(e.playerId));
      else if (e.type === 'playerRemoved') this.removed(e.playerId);
      else if (e.type === 'nicknameReplaced') this.deps.log.info('room nickname replaced', { code: this.code, playerId: e.playerId, nickname: e.nickname });
    }
  }

  /** A player out of the room for good (kicked, or their lobby grace ran out). */
  private removed(playerId: string): void {
    this.views.removed(this.code, playerId);
    this.presence.drop(playerId);
    this.wall.forget(playerId);
  }

  private closed(): void {
    this.dispose();
    this.deps.log.info('room closed', { code: this.code });
    // Forgotten once nothing is queued, so a later event reloads it (and is refused: closed).
    void this.queue.onIdle().then(() => this.onClosed(this));
  }

  private disarm(): void {
    if (this.deadline) this.deps.clock.clearTimeout(this.deadline);
    this.deadline = null;
  }
}
