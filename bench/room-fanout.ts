/**
 * Room fan-out. One server process (forked from this file with --serve: socket.io, SQLite, one scoring
 * worker, ROOM_MAX_PLAYERS raised to N), a host and N real socket.io-client players in one room, all
 * in this process. Prints JSON:
 *  (a) host's room:start emit → each player holding room:state with phase 'running' (p50/p99/max);
 *  (b) a submission scored (submissions.scored_at, written in the transaction just before the room's
 *      views go out) → each client holding a room:state that reflects it (its round.settled count
 *      reaches that submission's place in scoring order): p50/p99/max over clients × submissions, with
 *      every player submitting the fixture's small dense model at the same instant. Players see only
 *      the top standings rows (game/room/views), so "holds the new leaderboard" is this view, not a
 *      row; the submitter's own row (room:me with a best) is timed separately;
 *  (c) server RSS and CPU per connected player: process CPU (the scoring worker included) and the
 *      main thread's own CPU (socket.io, SQLite, room views; Linux /proc, 10 ms ticks), and this
 *      process's CPU during the round (the N clients' share).
 * The clients share this process, so (a) and (b) include the time the 2nd..Nth client waits for the
 * event loop here: they are upper bounds of what N separate laptops would see.
 *
 * Usage: npm run bench:fanout -- [N]   (default 30)
 *        FANOUT_PROF=<dir> writes a V8 CPU profile of the server process there.
 */
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HostCredentials, PlayerRoomView, Result, ServerToClientEvents } from '../protocol';
import type { TrainedModel } from '../tests/integration/server/model-fixture';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
interface Usage {
  rss: number;
  /** Process CPU (all threads), microseconds. */
  cpuUs: number;
  /** CPU time of the main thread alone (event loop: socket.io, SQLite, room views), milliseconds. */
  mainCpuMs: number;
  /** The server's event-loop delay since the previous usage call. */
  loopDelayMs: { p99: number; max: number };
}

const IDLE_MS = 5_000;
/** Players connecting, registering and joining at once. */
const CONNECT_BATCH = 50;
/** Generous: at N in the thousands a submission's answer waits behind every other. */
const ACK_TIMEOUT_MS = 600_000;
/** How often a long round prints its progress. */
const PROGRESS_MS = 10_000;

// ---- server side (child process) ----
/** Linux: utime + stime of the main thread (its task id is the process id), in clock ticks of 10 ms. */
function mainThreadCpuMs(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function serve(databaseFile: string, roomMaxPlayers: number): Promise<void> {
  const { startServer } = await import('../server/app');
  const { silentLogger } = await import('../server/log');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseFile,
    next: false,
    scoringWorkers: 1,
    roomMaxPlayers,
    log: silentLogger,
    // Every bench client comes from one address.
    registerLimit: { points: 100_000, durationS: 60 },
    submitAddressLimit: { points: 100_000, durationS: 60 },
    socketsPerAddress: 100_000,
    roomLimits: { newPlayers: { points: 100_000, durationS: 60 } },
  });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('message', (m: { type: string }) => {
    if (m.type === 'usage') {
      const cpu = process.cpuUsage();
      const loopDelayMs = { p99: r1(delay.percentile(99) / 1e6), max: r1(delay.max / 1e6) };
      delay.reset();
      process.send?.({ type: 'usage', rss: process.memoryUsage().rss, cpuUs: cpu.user + cpu.system, mainCpuMs: mainThreadCpuMs(), loopDelayMs });
    } else if (m.type === 'stop') {
      void server.close().then(() => process.exit(0));
    }
  });
  process.send?.({ type: 'ready', port: server.port });
}

// ---- bench side ----
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
// reduce, not Math.max(...xs): a spread of N² samples overflows the stack.
const stats = (xs: number[]) => ({ n: xs.length, p50: r1(pct(xs, 50)), p99: r1(pct(xs, 99)), max: r1(xs.reduce((a, b) => Math.max(a, b), -Infinity)) });
const epochMs = () => performance.timeOrigin + performance.now();
const benchStart = performance.now();
/** Progress on stderr, so a long run shows where it is. */
const stage = (what: string) => console.error(`[${((performance.now() - benchStart) / 1000).toFixed(1)} s] ${what}`);

async function connect(url: string, token?: string): Promise<Client> {
  const s: Client = io(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
  await new Promise<void>((ok, fail) => {
    s.once('connect', () => ok());
    s.once('connect_error', fail);
  });
  return s;
}

async function ask<T>(s: Client, event: string, payload: unknown): Promise<T> {
  const r = (await (s as unknown as Socket).timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Result<T>;
  if (!r.ok) throw new Error(`${event}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** The server in its own process (`--serve`), and a way to ask it for its resource usage. */
interface ServerChild {
  url: string;
  dbFile: string;
  usage(): Promise<Usage>;
  stop(): Promise<void>;
}

async function forkServer(n: number): Promise<ServerChild> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-fanout-'));
  const dbFile = join(dir, 'arena.db');
  const child = fork(import.meta.filename, ['--serve', dbFile, String(n)], { execArgv: ['--import', 'tsx', ...(process.env.FANOUT_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.FANOUT_PROF] : [])], stdio: 'inherit' });
  const port = await new Promise<number>((ok, fail) => {
    child.once('message', (m: { port: number }) => ok(m.port));
    child.once('exit', (c) => fail(new Error(`server exited ${c}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dbFile,
    usage: () =>
      new Promise<Usage>((ok) => {
        child.once('message', (m: Usage) => ok(m));
        child.send({ type: 'usage' });
      }),
    async stop() {
      child.send({ type: 'stop' });
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Model = TrainedModel;
type Player = { socket: Client; playerId: string };

/** Scores one submission outside the room, so the scoring worker's start-up (tfjs WASM) is not counted below. */
async function warmUp(url: string, clients: Client[], model: Model): Promise<void> {
  const warm = await connect(url);
  clients.push(warm);
  await ask(warm, 'player:register', { nickname: 'warm-up' });
  const warmed = new Promise((ok) => warm.once('submission:result', ok));
  await ask(warm, 'submission:submit', { challengeId: 'sign-digits', spec: model.spec, weights: model.weights });
  await warmed;
}

/** N players connect, register and join, CONNECT_BATCH at a time. */
async function joinPlayers(url: string, code: string, n: number, clients: Client[]): Promise<Player[]> {
  const players: Player[] = [];
  for (let from = 0; from < n; from += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, n - from) }, async (_, k) => {
      const s = await connect(url);
      clients.push(s);
      const { playerId } = await ask<{ playerId: string }>(s, 'player:register', { nickname: `bench ${from + k}` });
      await ask(s, 'room:join', { code, nickname: `bench ${from + k}` });
      return { socket: s, playerId };
    });
    players.push(...(await Promise.all(batch)));
  }
  return players;
}

/** (a) The host's room:start emit → each player holding a running room:state, in ms. */
async function timeStart(host: Client, creds: HostCredentials, players: Player[]): Promise<number[]> {
  const runningMs: number[] = [];
  let t0 = 0;
  const running = players.map(
    (p) =>
      new Promise<void>((ok) => {
        const on = (v: PlayerRoomView) => {
          if (v.phase !== 'running') return;
          runningMs.push(performance.now() - t0);
          p.socket.off('room:state', on);
          ok();
        };
        p.socket.on('room:state', on);
      }),
  );
  const settings = { challengeId: 'sign-digits', durationMs: 30 * 60_000, maxSubmissions: 3, leaderboardVisible: true, locked: {} };
  t0 = performance.now();
  const started = ask(host, 'room:start', { code: creds.code, hostToken: creds.hostToken, settings });
  await Promise.all([started, ...running]);
  return runningMs;
}

/** What each client received during (b): every room:state's settled count, and when its own row came. */
interface Received {
  views: { at: number; settled: number }[][];
  ownRowAt: Map<string, number>;
  /** Resolves once every client holds a view with every submission settled. */
  done: Promise<void[]>;
}

function listen(players: Player[], n: number): Received {
  const views = players.map(() => [] as { at: number; settled: number }[]);
  const ownRowAt = new Map<string, number>();
  const done = players.map(
    (p, i) =>
      new Promise<void>((ok) => {
        p.socket.on('room:state', (v) => {
          const settled = v.round?.settled ?? 0;
          views[i]?.push({ at: epochMs(), settled });
          if (settled >= n) ok();
        });
        p.socket.on('room:me', (m) => {
          if (m.me?.best && !ownRowAt.has(p.playerId)) ownRowAt.set(p.playerId, epochMs());
        });
      }),
  );
  return { views, ownRowAt, done: Promise.all(done) };
}

/** Every PROGRESS_MS on stderr: how far the slowest client is, so a long round shows where it is. */
function reportProgress(r: Received, n: number, answered: Set<number>, accepted: () => number): () => void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const timer = setInterval(() => {
    const views = r.views.reduce((k, v) => k + v.length, 0);
    const held = r.views.map((v) => v.at(-1)?.settled ?? 0);
    const least = Math.min(...held);
    const who = held.indexOf(least);
    const last = r.views[who]?.at(-1)?.at;
    stage(
      `accepted ${accepted()}/${n}, ${views} views received, every client holds ≥ ${least} scores (client ${who}: ${r.views[who]?.length} views, last ${last ? r1((epochMs() - last) / 1000) : '-'} s ago, answered ${answered.has(who)}), this loop's delay max ${r1(delay.max / 1e6)} ms`,
    );
    delay.reset();
  }, PROGRESS_MS);
  return () => clearInterval(timer);
}

/** Fails once any client drops: a dropped client never holds every score, so stop with the reason. */
function anyDropped(players: Player[], since: number): Promise<never> {
  const dropped = new Promise<never>((_, fail) => {
    players.forEach((p, i) =>
      p.socket.once('disconnect', (why) => {
        const at = r1((performance.now() - since) / 1000);
        fail(new Error(`client ${i} dropped (${why}) ${at} s into the round: the server or this process fell behind`));
      }),
    );
  });
  // The clients' own disconnect at the end must not count as an unhandled rejection.
  dropped.catch(() => undefined);
  return dropped;
}

/** (b) Every player submits at once; resolves once every client holds a view reflecting every score. */
async function submitAll(players: Player[], model: Model, code: string): Promise<Received & { roundS: number; benchCpu: NodeJS.CpuUsage }> {
  const n = players.length;
  const received = listen(players, n);
  const benchCpu0 = process.cpuUsage();
  const roundStarted = performance.now();
  let accepted = 0;
  const answered = new Set<number>();
  const stopProgress = reportProgress(received, n, answered, () => accepted);
  const dropped = anyDropped(players, roundStarted);
  const submits = players.map((p, i) =>
    ask(p.socket, 'submission:submit', { challengeId: 'sign-digits', spec: model.spec, weights: model.weights, roomCode: code }).then(() => {
      accepted++;
      answered.add(i);
    }),
  );
  try {
    await Promise.race([Promise.all(submits), dropped]);
    stage('every submission accepted');
    await Promise.race([received.done, dropped]);
    stage('every client holds every score');
  } finally {
    stopProgress();
  }
  return { ...received, roundS: (performance.now() - roundStarted) / 1000, benchCpu: process.cpuUsage(benchCpu0) };
}

/**
 * Each client's delay from a score's scored_at to holding a view that reflects it. The k-th
 * view-settling score is the k-th by scored_at (one room queue, one worker; ties share a time);
 * round.settled counts failures too (a failure settles a submission), so they take their place.
 */
function fanoutDelays(dbFile: string, r: Received, n: number) {
  const db = new Database(dbFile, { readonly: true });
  const settledRows = db
    .prepare("select player_id as p, scored_at as t, status, error from submissions where status in ('scored', 'failed') and room_code is not null order by scored_at")
    .all() as { p: string; t: number; status: string; error: string | null }[];
  const failures = settledRows.filter((row) => row.status === 'failed').map((row) => (JSON.parse(row.error ?? '{}') as { code?: string }).code ?? '?');
  db.close();
  if (failures.length > 0) console.error(`warning: ${failures.length} of ${n} room submissions failed (${[...new Set(failures)].join(', ')})`);
  const fanoutMs: number[] = [];
  const firstMs: number[] = settledRows.map(() => Infinity);
  for (const views of r.views) {
    let held = 0;
    for (const { at, settled } of views) {
      for (; held < Math.min(settled, settledRows.length); held++) {
        const ms = at - (settledRows[held]?.t ?? NaN);
        fanoutMs.push(ms);
        firstMs[held] = Math.min(firstMs[held] ?? Infinity, ms);
      }
    }
  }
  const ownMs = settledRows.flatMap((row) => (row.status === 'scored' && r.ownRowAt.has(row.p) ? [(r.ownRowAt.get(row.p) ?? NaN) - row.t] : []));
  return { fanoutMs, firstMs, ownMs, submissions: settledRows.length, failed: failures.length };
}

/** The server's usage at each point of the run. */
type Usages = Record<'base' | 'joined' | 'idle' | 'beforeRound' | 'afterRound', Usage>;

function serverFigures(u: Usages, n: number) {
  const mib = (b: number) => r1(b / 2 ** 20);
  return {
    rssBeforePlayersMiB: mib(u.base.rss),
    rssWithPlayersMiB: mib(u.joined.rss),
    rssPerPlayerKiB: r1((u.joined.rss - u.base.rss) / 1024 / n),
    joinCpuMsPerPlayer: r1((u.joined.cpuUs - u.base.cpuUs) / 1000 / n),
    joinMainThreadCpuMsPerPlayer: r1((u.joined.mainCpuMs - u.base.mainCpuMs) / n),
    idleCpuPercentPerPlayer: Number((((u.idle.cpuUs - u.joined.cpuUs) / 1000 / IDLE_MS) * 100 / n).toFixed(4)),
    idleMainThreadCpuPercentPerPlayer: Number((((u.idle.mainCpuMs - u.joined.mainCpuMs) / IDLE_MS) * 100 / n).toFixed(4)),
    roundLoopDelayMs: u.afterRound.loopDelayMs,
    roundCpuMsPerPlayer: r1((u.afterRound.cpuUs - u.beforeRound.cpuUs) / 1000 / n),
    roundMainThreadCpuMsPerPlayer: r1((u.afterRound.mainCpuMs - u.beforeRound.mainCpuMs) / n),
  };
}

async function bench(n: number): Promise<void> {
  const { trainSmallModel } = await import('../tests/integration/server/model-fixture');
  const model = await trainSmallModel();
  const server = await forkServer(n);
  const clients: Client[] = [];
  try {
    const host = await connect(server.url);
    clients.push(host);
    const creds = await ask<HostCredentials>(host, 'room:create', {});
    await warmUp(server.url, clients, model);
    const base = await server.usage();
    const joinStarted = performance.now();
    const players = await joinPlayers(server.url, creds.code, n, clients);
    const joinS = (performance.now() - joinStarted) / 1000;
    stage(`${n} players joined`);
    const joined = await server.usage();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idle = await server.usage();

    const runningMs = await timeStart(host, creds, players);
    stage('round running on every client');
    const beforeRound = await server.usage();
    const round = await submitAll(players, model, creds.code);
    const afterRound = await server.usage();
    const d = fanoutDelays(server.dbFile, round, n);
    console.log(
      JSON.stringify(
        {
          bench: 'room-fanout',
          players: n,
          machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
          startToRunningMs: stats(runningMs),
          scoredToStandingsMs: { ...stats(d.fanoutMs), submissions: d.submissions, failed: d.failed, note: 'scored_at has 1 ms resolution' },
          // Per submission, to the FIRST client only: the server's part, without this process's queue of N clients.
          scoredToFirstClientMs: stats(d.firstMs),
          scoredToOwnRowMs: stats(d.ownMs),
          joinAllS: r1(joinS),
          roundS: r1(round.roundS),
          // This process (N clients + host) during (b): 100 % is one core.
          benchCpuPercentDuringRound: r1(((round.benchCpu.user + round.benchCpu.system) / 1000 / (round.roundS * 1000)) * 100),
          load: loadavg().map((l) => l.toFixed(2)).join(' '),
          server: serverFigures({ base, joined, idle, beforeRound, afterRound }, n),
        },
        null,
        2,
      ),
    );
  } finally {
    for (const c of clients) c.disconnect();
    await server.stop();
  }
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3] ?? ':memory:', Number(process.argv[4]));
} else {
  const n = Number(process.argv[2] ?? 30);
  if (!Number.isInteger(n) || n < 1) throw new Error(`N must be a positive integer, got ${process.argv[2]}`);
  console.error(`room fan-out, N = ${n}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await bench(n);
}
