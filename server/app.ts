/**
 * One process, one port: dataset files, socket.io and (optionally) Next.js on one HTTP server.
 * Integration tests start it on port 0 without Next; the CLI (server/index.ts) starts it with Next.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { realClock, type Clock } from './clock';
import { openDb, type Db } from './db';
import { isDatasetPath, serveDataset } from './http/datasets';
import { consoleLogger, type Logger } from './log';
import { createScoringPool, type ScoringPool } from './scoring/pool';
import { createScoringService } from './scoring/service';
import { createRoomService } from './rooms/service';
import { leaderboardRoom, playerRoom, type ArenaServer, type HandlerContext } from './socket/context';
import { attachHandlers, createIo } from './socket/index';
import { createEventGate, EVENT_LIMITS, type EventLimits } from './socket/event-gate';
import {
  createLimiter,
  createRoomLimiters,
  REGISTER_LIMIT,
  ROOM_LIMITS,
  SCORING_QUEUE_PER_PLAYER,
  SOCKETS_PER_ADDRESS,
  SUBMIT_ADDRESS_LIMIT,
  SUBMIT_LIMIT,
  type RateLimit,
  type RoomLimits,
} from './socket/limits';
import { createPinGuard } from './socket/rooms/pin-guard';
import { queuedSubmissionIds } from './store';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** SQLite file path, or ':memory:'. */
  databaseFile: string;
  /** Serve the Next.js app (default true); tests turn it off for speed. */
  next?: boolean;
  /** Passed to Next: dev mode with hot reload. */
  dev?: boolean;
  /** Folder with <dataset>/manifest.json, train.bin, val.bin, test.bin (default <root>/data). */
  dataDir?: string;
  scoringWorkers?: number;
  submitLimit?: RateLimit;
  /** Submissions per client address (default SUBMIT_ADDRESS_LIMIT). */
  submitAddressLimit?: RateLimit;
  /** A player's submissions waiting for or in scoring at once (default SCORING_QUEUE_PER_PLAYER). */
  scoringQueueCap?: number;
  registerLimit?: RateLimit;
  roomLimits?: Partial<RoomLimits>;
  /** Per-socket event limits; `events` entries replace the defaults' by name. */
  eventLimits?: { any?: RateLimit; events?: EventLimits['events'] };
  /** Sockets one client address may hold at once (env SOCKETS_PER_ADDRESS; default SOCKETS_PER_ADDRESS). */
  socketsPerAddress?: number;
  /** Time source for rooms, submissions and timers (default: the real clock); tests move it forward. */
  clock?: Clock;
  /** How often every loaded room is ticked (grace periods, idle expiry); default ROOM_SWEEP_MS. */
  roomSweepMs?: number;
  /** Most players per new room (env ROOM_MAX_PLAYERS); default game/room's ROOM_MAX_PLAYERS. */
  roomMaxPlayers?: number;
  log?: Logger;
  /** Bench only (bench:isolation): results applied one at a time per challenge, as before issue 14. */
  resultsPerChallengeQueue?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * We are an origin server, not a proxy: a target must be a path (`/...`) that decodes. Anything else
 * (`*`, `http://host/...`, a broken %-escape) is answered 400 here; Next.js would throw on it and
 * answer 500 with a stack trace in the log for every such request.
 */
export function isOriginForm(url: string | undefined): boolean {
  if (!url || !url.startsWith('/') || url.startsWith('//')) return false;
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

async function prepareNext(dev: boolean) {
  const { default: next } = await import('next');
  const app = next({ dev, dir: PROJECT_ROOT });
  await app.prepare();
  return { handle: app.getRequestHandler() as RequestHandler, upgrade: app.getUpgradeHandler(), close: () => app.close() };
}

type NextApp = Awaited<ReturnType<typeof prepareNext>>;

/** Dataset files, then Next (when served); anything else is answered here without reaching Next. */
function createHttp(nextApp: NextApp | undefined, dataDir: string, log: Logger) {
  const http = createServer((req, res) => {
    if (!isOriginForm(req.url)) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return void res.end('bad request target\n');
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (isDatasetPath(path)) return serveDataset(req, res, dataDir);
    if (!nextApp) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('not found\n');
    }
    Promise.resolve(nextApp.handle(req, res)).catch((err: unknown) => {
      log.error('next handler failed', { url: req.url, err: String(err) });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  if (nextApp) {
    http.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/_next/')) void nextApp.upgrade(req, socket, head);
    });
  }
  return http;
}

/** Rooms, the scoring pool and service, wired to emit through `io`. */
function createGame(opts: ServerOptions, deps: { db: Db; io: ArenaServer; clock: Clock; log: Logger; dataDir: string }) {
  const { db, io, clock, log, dataDir } = deps;
  const rooms = createRoomService({ db, clock, log, io, sweepMs: opts.roomSweepMs, maxPlayers: opts.roomMaxPlayers });
  const pool = createScoringPool({
    workers: opts.scoringWorkers ?? 1,
    dataDir,
    onError: (err) => log.error('scoring worker error', { err: String(err) }),
  });
  const scoring = createScoringService({
    db,
    pool,
    dataDir,
    log,
    now: () => clock.now(),
    rooms,
    resultsPerChallengeQueue: opts.resultsPerChallengeQueue,
    events: {
      result: (playerId, result) => io.to(playerRoom(playerId)).emit('submission:result', result),
      leaderboard: (view) => io.to(leaderboardRoom(view.challengeId)).emit('leaderboard:update', view),
    },
  });
  return { rooms, pool, scoring };
}

/** What every handler gets; every limit runs on the server's clock (tests move it instead of waiting). */
function handlerContext(opts: ServerOptions, parts: Pick<HandlerContext, 'io' | 'db' | 'log' | 'clock' | 'rooms' | 'scoring'> & { pool: ScoringPool }): HandlerContext {
  const { clock, pool, ...rest } = parts;
  const now = () => clock.now();
  const roomLimits: RoomLimits = { ...ROOM_LIMITS, ...opts.roomLimits };
  return {
    ...rest,
    clock,
    now,
    submitLimiter: createLimiter(opts.submitLimit ?? SUBMIT_LIMIT, now),
    submitAddressLimiter: createLimiter(opts.submitAddressLimit ?? SUBMIT_ADDRESS_LIMIT, now),
    scoringQueueCap: opts.scoringQueueCap ?? SCORING_QUEUE_PER_PLAYER,
    scoringPending: (playerId) => pool.pending(playerId),
    registerLimiter: createLimiter(opts.registerLimit ?? REGISTER_LIMIT, now),
    eventGate: createEventGate(
      { any: opts.eventLimits?.any ?? EVENT_LIMITS.any, events: { ...EVENT_LIMITS.events, ...opts.eventLimits?.events } },
      now,
    ),
    pinGuard: createPinGuard(roomLimits.reclaim, now),
    roomLimiters: createRoomLimiters(roomLimits, now),
  };
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? consoleLogger;
  const dataDir = opts.dataDir ?? resolve(PROJECT_ROOT, 'data');
  const db = openDb(opts.databaseFile);
  const nextApp = opts.next === false ? undefined : await prepareNext(opts.dev ?? false);
  const http = createHttp(nextApp, dataDir, log);
  const io = createIo(http);
  const clock = opts.clock ?? realClock;
  const { rooms, pool, scoring } = createGame(opts, { db, io, clock, log, dataDir });
  attachHandlers(handlerContext(opts, { io, db, log, clock, rooms, scoring, pool }), { socketsPerAddress: opts.socketsPerAddress ?? SOCKETS_PER_ADDRESS });
  // Before listening: rooms come back in their phase with their deadlines before any client returns.
  rooms.start();

  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(opts.port, opts.host ?? '0.0.0.0', () => ok());
  });
  const { port } = http.address() as AddressInfo;
  const host = !opts.host || opts.host === '0.0.0.0' ? 'localhost' : opts.host;

  // A crash between accepting and scoring loses nothing: whatever is still queued is scored now.
  const requeued = queuedSubmissionIds(db);
  for (const id of requeued) scoring.enqueue(id);
  if (requeued.length > 0) log.info('re-queued accepted submissions', { count: requeued.length });

  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      (closed ??= (async () => {
        // Scoring stops taking results at once (what is unscored stays queued for the next start);
        // a result already being applied finishes through its room, which closes after it.
        const scoringClosed = scoring.close();
        await new Promise<void>((ok) => io.close(() => ok()));
        await scoringClosed;
        await rooms.close();
        await nextApp?.close();
        db.$client.close();
      })()),
  };
}
