/** What every socket handler gets: typed socket, database, scoring, limits, logger. */
import type { Server, Socket } from 'socket.io';
import type { Clock } from '../clock';
import type { Db } from '../db';
import type { Logger } from '../log';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../protocol';
import type { ScoringService } from '../scoring/service';
import type { RoomService } from '../rooms/service';
import type { EventGate } from './event-gate';
import type { Limiter, RoomLimiters } from './limits';
import type { PinGuard } from './rooms/pin-guard';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type InterServerEvents = {};
export type ArenaServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type ArenaSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface HandlerContext {
  io: ArenaServer;
  db: Db;
  scoring: ScoringService;
  log: Logger;
  /** Submissions per player per window. */
  submitLimiter: Limiter;
  /** Submissions per client address per window. */
  submitAddressLimiter: Limiter;
  /** Most submissions of one player waiting for or in scoring at once; past it submission/queue_full. */
  scoringQueueCap: number;
  /** A player's submissions waiting for or in a scoring worker. */
  scoringPending(playerId: string): number;
  /** Registrations per client address per window. */
  registerLimiter: Limiter;
  /** Every event's per-socket rate limit (handle.ts). */
  eventGate: EventGate;
  /** How often room:reclaim may check a PIN. */
  pinGuard: PinGuard;
  /** Same as clock.now. */
  now: () => number;
  clock: Clock;
  /** Every room: one object each (state, queue, timers, views, presence, wall). */
  rooms: RoomService;
  roomLimiters: RoomLimiters;
}

export const playerRoom = (playerId: string) => `player:${playerId}`;
export const leaderboardRoom = (challengeId: string) => `lb:${challengeId}`;
/** Every player socket of room `code` (one broadcast of the player view goes here). */
export const roomPlayersChannel = (code: string) => `room:${code}:players`;
/** The host's sockets of room `code`. */
export const roomHostChannel = (code: string) => `room:${code}:host`;
