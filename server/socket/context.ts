/** What every socket handler gets: typed socket, database, scoring, limits, logger. */
import type { Server, Socket } from 'socket.io';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Clock } from '../clock';
import type { Db } from '../db';
import type { Logger } from '../log';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../protocol';
import type { ScoringService } from '../scoring/service';
import type { Presence } from '../rooms/presence';
import type { RoomOutput } from '../rooms/publish';
import type { RoomService } from '../rooms/service';
import type { Wall } from '../rooms/wall';
import type { RoomLimiters } from './limits';

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
  submitLimiter: RateLimiterMemory;
  /** Registrations per client address per window. */
  registerLimiter: RateLimiterMemory;
  /** Same as clock.now. */
  now: () => number;
  clock: Clock;
  rooms: RoomService;
  roomOutput: RoomOutput;
  /** Which sockets are in which room as which player. */
  presence: Presence;
  wall: Wall;
  roomLimiters: RoomLimiters;
}

export const playerRoom = (playerId: string) => `player:${playerId}`;
export const leaderboardRoom = (challengeId: string) => `lb:${challengeId}`;
/** Every player socket of room `code` (one broadcast of the player view goes here). */
export const roomPlayersChannel = (code: string) => `room:${code}:players`;
/** The host's sockets of room `code`. */
export const roomHostChannel = (code: string) => `room:${code}:host`;
