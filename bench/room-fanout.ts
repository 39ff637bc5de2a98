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

async function bench(n: number): Promise<void> {
  const { trainSmallModel } = await import('../tests/integration/server/model-fixture');
  const model = await trainSmallModel();
  const dir = mkdtempSync(join(tmpdir(), 'arena-fanout-'));
  const dbFile = join(dir, 'arena.db');
  const child = fork(import.meta.filename, ['--serve', dbFile, String(n)], { execArgv: ['--import', 'tsx', ...(process.env.FANOUT_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.FANOUT_PROF] : [])], stdio: 'inherit' });
  const port = await new Promise<number>((ok, fail) => {
    child.once('message', (m: { port: number }) => ok(m.port));
    child.once('exit', (c) => fail(new Error(`server exited ${c}`)));
  });
  const usage = () =>
    new Promise<Usage>((ok) => {
      child.once('message', (m: Usage) => ok(m));
      child.send({ type: 'usage' });
    });
  const url = `http://127.0.0.1:${port}`;
  const clients: Client[] = [];
  try {
    const host = await connect(url);
    clients.push(host);
    const creds = await ask<HostCredentials>(host, 'room:create', {});
    // Warm the scoring worker (tfjs WASM start-up) outside the room, so it is not counted below.
    const warm = await connect(url);
    clients.push(warm);
    await ask(warm, 'player:register', { nickname: 'warm-up' });
    const warmed = new Promise((ok) => warm.once('submission:result', ok));
    await ask(warm, 'submission:submit', { challengeId: 'sign-digits', spec: model.spec, weights: model.weights });
    await warmed;
    const base = await usage();
    const players: { socket: Client; playerId: string }[] = [];
    const joinStarted = performance.now();
    for (let from = 0; from < n; from += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, n - from) }, async (_, k) => {
        const s = await connect(url);
        clients.push(s);
        const { playerId } = await ask<{ playerId: string }>(s, 'player:register', { nickname: `bench ${from + k}` });
        await ask(s, 'room:join', { code: creds.code, nickname: `bench ${from + k}` });
        return { socket: s, playerId };
      });
      players.push(...(await Promise.all(batch)));
    }
    const joinS = (performance.now() - joinStarted) / 1000;
    stage(`${n} players joined`);
    const joined = await usage();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idle = await usage();

    // (a) start → running on every player.
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
    stage('round running on every client');
    const beforeRound = await usage();

    // (b) every player submits at once; when does each client hold a view reflecting each score?
    const received = players.map(() => [] as { at: number; settled: number }[]);
    const ownRowAt = new Map<string, number>();
    const done = players.map(
      (p, i) =>
        new Promise<void>((ok) => {
          p.socket.on('room:state', (v) => {
            const settled = v.round?.settled ?? 0;
            received[i]?.push({ at: epochMs(), settled });
            if (settled >= n) ok();
          });
          p.socket.on('room:me', (m) => {
            if (m.me?.best && !ownRowAt.has(p.playerId)) ownRowAt.set(p.playerId, epochMs());
          });
        }),
    );
    const benchCpu0 = process.cpuUsage();
    const roundStarted = performance.now();
    let accepted = 0;
    const answered = new Set<number>();
    const benchDelay = monitorEventLoopDelay({ resolution: 10 });
    benchDelay.enable();
    const progress = setInterval(() => {
      const views = received.reduce((k, r) => k + r.length, 0);
      const held = received.map((r) => r.at(-1)?.settled ?? 0);
      const least = Math.min(...held);
      const who = held.indexOf(least);
      const last = received[who]?.at(-1)?.at;
      stage(
        `accepted ${accepted}/${n}, ${views} views received, every client holds ≥ ${least} scores (client ${who}: ${received[who]?.length} views, last ${last ? r1((epochMs() - last) / 1000) : '-'} s ago, answered ${answered.has(who)}), this loop's delay max ${r1(benchDelay.max / 1e6)} ms`,
      );
      benchDelay.reset();
    }, PROGRESS_MS);
    // A dropped client never holds every score: stop with the reason rather than wait forever.
    const dropped = new Promise<never>((_, fail) => {
      players.forEach((p, i) =>
        p.socket.once('disconnect', (why) => {
          const at = r1((performance.now() - roundStarted) / 1000);
          fail(new Error(`client ${i} dropped (${why}) ${at} s into the round: the server or this process fell behind`));
        }),
      );
    });
    // The clients' own disconnect at the end must not count as an unhandled rejection.
    dropped.catch(() => undefined);
    const submitAll = players.map((p, i) =>
      ask(p.socket, 'submission:submit', { challengeId: 'sign-digits', spec: model.spec, weights: model.weights, roomCode: creds.code }).then(() => {
        accepted++;
        answered.add(i);
      }),
    );
    try {
      await Promise.race([Promise.all(submitAll), dropped]);
      stage('every submission accepted');
      await Promise.race([Promise.all(done), dropped]);
      stage('every client holds every score');
    } finally {
      clearInterval(progress);
    }
    const roundS = (performance.now() - roundStarted) / 1000;
    const benchCpu = process.cpuUsage(benchCpu0);
    const afterRound = await usage();

    const db = new Database(dbFile, { readonly: true });
    // round.settled counts failures too (a failure settles a submission), so they take their place in the order.
    const settledRows = db
      .prepare("select player_id as p, scored_at as t, status, error from submissions where status in ('scored', 'failed') and room_code is not null order by scored_at")
      .all() as { p: string; t: number; status: string; error: string | null }[];
    const failures = settledRows.filter((r) => r.status === 'failed').map((r) => (JSON.parse(r.error ?? '{}') as { code?: string }).code ?? '?');
    db.close();
    if (failures.length > 0) console.error(`warning: ${failures.length} of ${n} room submissions failed (${[...new Set(failures)].join(', ')})`);
    // The k-th view-settling score is the k-th by scored_at (one room queue, one worker; ties share a time).
    const fanoutMs: number[] = [];
    const firstMs: number[] = settledRows.map(() => Infinity);
    for (const views of received) {
      let held = 0;
      for (const { at, settled } of views) {
        for (; held < Math.min(settled, settledRows.length); held++) {
          const ms = at - (settledRows[held]?.t ?? NaN);
          fanoutMs.push(ms);
          firstMs[held] = Math.min(firstMs[held] ?? Infinity, ms);
        }
      }
    }
    const ownMs = settledRows.flatMap((r) => (r.status === 'scored' && ownRowAt.has(r.p) ? [(ownRowAt.get(r.p) ?? NaN) - r.t] : []));
    const mib = (b: number) => r1(b / 2 ** 20);
    console.log(
      JSON.stringify(
        {
          bench: 'room-fanout',
          players: n,
          machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
          startToRunningMs: stats(runningMs),
          scoredToStandingsMs: { ...stats(fanoutMs), submissions: settledRows.length, failed: failures.length, note: 'scored_at has 1 ms resolution' },
          // Per submission, to the FIRST client only: the server's part, without this process's queue of N clients.
          scoredToFirstClientMs: stats(firstMs),
          scoredToOwnRowMs: stats(ownMs),
          joinAllS: r1(joinS),
          roundS: r1(roundS),
          // This process (N clients + host) during (b): 100 % is one core.
          benchCpuPercentDuringRound: r1(((benchCpu.user + benchCpu.system) / 1000 / (roundS * 1000)) * 100),
          load: loadavg().map((l) => l.toFixed(2)).join(' '),
          server: {
            rssBeforePlayersMiB: mib(base.rss),
            rssWithPlayersMiB: mib(joined.rss),
            rssPerPlayerKiB: r1((joined.rss - base.rss) / 1024 / n),
            joinCpuMsPerPlayer: r1((joined.cpuUs - base.cpuUs) / 1000 / n),
            joinMainThreadCpuMsPerPlayer: r1((joined.mainCpuMs - base.mainCpuMs) / n),
            idleCpuPercentPerPlayer: Number((((idle.cpuUs - joined.cpuUs) / 1000 / IDLE_MS) * 100 / n).toFixed(4)),
            idleMainThreadCpuPercentPerPlayer: Number((((idle.mainCpuMs - joined.mainCpuMs) / IDLE_MS) * 100 / n).toFixed(4)),
            roundLoopDelayMs: afterRound.loopDelayMs,
            roundCpuMsPerPlayer: r1((afterRound.cpuUs - beforeRound.cpuUs) / 1000 / n),
            roundMainThreadCpuMsPerPlayer: r1((afterRound.mainCpuMs - beforeRound.mainCpuMs) / n),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    for (const c of clients) c.disconnect();
    child.send({ type: 'stop' });
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
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
