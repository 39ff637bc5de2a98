/**
 * Integration harness: the real server (no Next) on port 0 with a fresh SQLite file in a temp dir,
 * real socket.io-client connections, and a read-only look at the database for row counts.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/index';
import { silentLogger } from '../../../server/log';
import { z } from 'zod';
import { clientEvents, resultSchema, serverEvents, type ClientToServerEvents, type Result, type ServerToClientEvents } from '../../../protocol';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const WAIT_MS = 30_000;

export interface TestServer {
  server: RunningServer;
  dbFile: string;
  dir: string;
  /** Row counts, read through a separate connection (WAL lets it read while the server writes). */
  counts(): { players: number; submissions: number; leaderboard: number };
  restart(extra?: Partial<ServerOptions>): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestServer(extra: Partial<ServerOptions> = {}, dir?: string): Promise<TestServer> {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'arena-it-'));
  const dbFile = join(folder, 'arena.db');
  const options = (more: Partial<ServerOptions>): ServerOptions => ({
    port: 0,
    host: '127.0.0.1',
    databaseFile: dbFile,
    next: false,
    log: process.env.TEST_SERVER_LOG ? undefined : silentLogger,
    ...extra,
    ...more,
  });
  const t: TestServer = {
    server: await startServer(options({})),
    dbFile,
    dir: folder,
    counts() {
      const db = new Database(dbFile, { readonly: true });
      try {
        const n = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
        return { players: n('players'), submissions: n('submissions'), leaderboard: n('leaderboard_entries') };
      } finally {
        db.close();
      }
    },
    async restart(more = {}) {
      await t.server.close();
      t.server = await startServer(options(more));
    },
    async stop() {
      await t.server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return t;
}

export async function connect(url: string, token?: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    auth: token ? { token } : {},
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', fail);
  });
  return socket;
}

/**
 * Every answer and every server message a test sees is checked against the catalogue (protocol/):
 * an ack or a payload of another shape, or a refusal with an uncatalogued code, fails the test.
 */
function conforms(what: string, schema: z.ZodType, value: unknown): void {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${what} does not match protocol/: ${z.prettifyError(r.error)}\n${JSON.stringify(value)?.slice(0, 500)}`);
}

/** Emits with an ack and resolves with the server's Result (untyped on purpose: tests send junk). */
export async function request<T = unknown>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<Result<T>> {
  const result = (await (socket as unknown as Socket).timeout(WAIT_MS).emitWithAck(event, ...args)) as Result<T>;
  const entry = (clientEvents as Record<string, { ack: z.ZodType | null } | undefined>)[event];
  // An event without an ack answers nothing a client may rely on; its refusals still carry catalogued codes.
  if (entry) conforms(`the ${event} ack`, resultSchema(entry.ack ?? z.unknown()), result);
  return result;
}

/** Resolves with the first `event` whose payload satisfies `match`. */
export function waitFor<T>(socket: ClientSocket, event: keyof ServerToClientEvents, match: (v: T) => boolean = () => true): Promise<T> {
  const s = socket as unknown as Socket;
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      s.off(event, on);
      fail(new Error(`no matching ${event} within ${WAIT_MS} ms`));
    }, WAIT_MS);
    const on = (v: T) => {
      try {
        conforms(`a ${event} message`, serverEvents[event], v);
      } catch (err) {
        clearTimeout(timer);
        s.off(event, on);
        return fail(err);
      }
      if (!match(v)) return;
      clearTimeout(timer);
      s.off(event, on);
      ok(v);
    };
    s.on(event, on);
  });
}

export async function register(url: string, nickname: string): Promise<{ socket: ClientSocket; playerId: string; token: string }> {
  const socket = await connect(url);
  const r = await request<{ playerId: string; token: string }>(socket, 'player:register', { nickname });
  if (!r.ok) throw new Error(`register failed: ${r.error.code}`);
  return { socket, playerId: r.data.playerId, token: r.data.token };
}
