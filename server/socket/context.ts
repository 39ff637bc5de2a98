/** What every socket handler gets: typed socket, database, scoring, limits, logger. */
import type { Server, Socket } from 'socket.io';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Db } from '../db';
import type { Logger } from '../log';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../protocol';
import type { ScoringService } from '../scoring/service';

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
  now: () => number;
}

export const playerRoom = (playerId: string) => `player:${playerId}`;
export const leaderboardRoom = (challengeId: string) => `lb:${challengeId}`;
