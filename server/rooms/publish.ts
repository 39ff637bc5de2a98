/**
 * What the players and the host see after a room changed: ONE broadcast of the player view to the
 * room's players channel, `room:me` only to players whose own standing changed, and the host view to
 * the host's sockets, each stamped with the server's time. Views that did not change are not resent.
 *
 * A room larger than a class (more than THROTTLE_ABOVE_PLAYERS) gets at most one round of views per
 * viewIntervalMs (100 ms, longer past 1,000 players), carrying the latest state: a burst of N scores
 * would otherwise send N broadcasts to N players and rank the room N times. A change of phase is sent
 * at once.
 */
import type { Clock, ClockTimer } from '../clock';
import { ROOM_MAX_PLAYERS, type RoomState } from '../../game/room/types';
import { hostRoomView, myRoundView, myRoundViews, playerRoomView } from '../../game/room/views';
import { playerRoom, roomHostChannel, roomPlayersChannel, type ArenaServer } from '../socket/context';

/** Rooms with more players than this (the default cap: a class) have their views throttled. */
export const THROTTLE_ABOVE_PLAYERS = ROOM_MAX_PLAYERS;
/** Least time between two rounds of views of a big room. */
export const BIG_ROOM_VIEW_INTERVAL_MS = 100;
/** Player messages per second a big room may cause (egress: ~8 KB each); more players, longer interval. */
export const BIG_ROOM_MESSAGES_PER_S = 10_000;

/** Interval between two rounds of views of a room of `players` (big rooms only). */
export const viewIntervalMs = (players: number) => Math.max(BIG_ROOM_VIEW_INTERVAL_MS, (players / BIG_ROOM_MESSAGES_PER_S) * 1000);

interface Sent {
  player: string;
  host: string;
  /** playerId → last MyRoundView JSON sent. */
  me: Map<string, string>;
  /** Phase of the last views sent ('' before any). */
  phase: string;
  /** Clock time the last views were sent. */
  at: number;
  /** A big room's latest state, not sent yet, and the timer that will send it. */
  waiting: RoomState | null;
  timer: ClockTimer | null;
}

/** One room's views as last sent, and the throttle of a big room's. Owned by its Room (room.ts). */
export class RoomViews {
  private readonly sent: Sent = { player: '', host: '', me: new Map(), phase: '', at: -Infinity, waiting: null, timer: null };

  constructor(
    private readonly io: ArenaServer,
    private readonly clock: Clock,
  ) {}

  /** The room's state changed: send every view that differs from the last one sent. */
  changed(state: RoomState): void {
    const s = this.sent;
    const wait = s.at + viewIntervalMs(state.players.length) - this.clock.now();
    if (state.players.length <= THROTTLE_ABOVE_PLAYERS || state.phase !== s.phase || wait <= 0) return this.send(state);
    s.waiting = state;
    s.timer ??= this.clock.setTimeout(() => this.flush(), wait);
  }

  /** A waiting player was let in: `sockets` (theirs in this room) join its channel and get the player view. */
  admitted(state: RoomState, playerId: string, sockets: string[]): void {
    // Only the sockets that asked in this room: the player's tabs elsewhere stay out of its channel.
    const nickname = state.players.find((p) => p.playerId === playerId)?.nickname;
    if (sockets.length === 0 || nickname === undefined) return;
    this.io.in(sockets).socketsJoin(roomPlayersChannel(state.code));
    const me = myRoundView(state, playerId);
    this.sent.me.set(playerId, JSON.stringify(me));
    this.io.to(sockets).emit('room:admitted', { code: state.code, view: { ...playerRoomView(state), serverNow: this.clock.now() }, me, nickname, playerId });
  }

  /** The player left the room's channel for good (left, kicked, removed): every tab of theirs leaves. */
  removed(code: string, playerId: string): void {
    this.io.in(playerRoom(playerId)).socketsLeave(roomPlayersChannel(code));
    this.sent.me.delete(playerId);
  }

  /** The `room:me` payload this player was last sent (set by a join's answer too). */
  rememberMe(playerId: string, json: string): void {
    this.sent.me.set(playerId, json);
  }

  /** Sends a big room's views still held back (the room is closing). */
  dispose(): void {
    this.flush();
    if (this.sent.timer) this.clock.clearTimeout(this.sent.timer);
    this.sent.timer = null;
  }

  private flush(): void {
    if (this.sent.waiting) this.send(this.sent.waiting);
  }

  /** Sends every view of `state` that differs from the last one sent, and remembers what was sent. */
  private send(state: RoomState): void {
    const { sent: s, io } = this;
    if (s.timer) this.clock.clearTimeout(s.timer);
    s.timer = null;
    s.waiting = null;
    s.phase = state.phase;
    const serverNow = (s.at = this.clock.now());
    const playerView = playerRoomView(state);
    const player = JSON.stringify(playerView);
    if (player !== s.player) {
      s.player = player;
      io.to(roomPlayersChannel(state.code)).emit('room:state', { ...playerView, serverNow });
    }
    // Every member whose own standing changed (a score moves everyone's rank, a start resets all).
    for (const [playerId, me] of myRoundViews(state)) {
      const json = JSON.stringify(me);
      if (s.me.get(playerId) === json) continue;
      s.me.set(playerId, json);
      io.to(playerRoom(playerId)).emit('room:me', { code: state.code, me });
    }
    const hostView = hostRoomView(state);
    const host = JSON.stringify(hostView);
    if (host !== s.host) {
      s.host = host;
      io.to(roomHostChannel(state.code)).emit('room:host-state', { ...hostView, serverNow });
    }
  }
}
