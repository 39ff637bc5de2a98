/**
 * Results never wait on another room (issue 14). The real server in its own process (SQLite file,
 * no Next; bench/lib/server-child.ts) and real socket.io clients here: a room of N players (default
 * 100) on the optimizer race, all submitting at the same instant, while one solo player submits to
 * the same challenge every 50 ms (not waiting for its answers) until the room's last result arrived. Prints the solo
 * player's submit → result p50/p95 (on the server: accepted → scored, from its database; and as
 * this client saw it) with the result queue of before issue 14 (one per challenge, each result
 * waiting for its room's queue; `resultsPerChallengeQueue`) and with today's (a room's result waits
 * only for its own room), in the same run, alternating which goes first. The race is replayed on
 * the main thread, so no scoring worker's queue is in the way: what differs is where a result waits.
 *
 * Usage: npm run bench:isolation -- [--players 100] [--solo 20] [--rounds 2]
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import type { HostCredentials, Result, SubmissionResult } from '../protocol';
import { connect, registerPlayer, type Client } from './lib/clients';
import { startServerProcess } from './lib/server-process';
import { emit, machine, numArg, parseArgs, round, summary, table } from './lib/stats';
import { TUNED_RACE } from '../tests/integration/server/race-fixtures';

const ACK_MS = 120_000;
/** Between two of the solo player's submissions. */
const SOLO_GAP_MS = 50;
/** Between two status reports of every room member. */
const CHATTER_MS = 1000;
/** The room chatters and the solo player submits this long before the burst. */
const LEAD_MS = 500;
/** A loop of `every` stops there even if the room is not done (a run that would never end). */
const MAX_SOLO = 2000;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function ask<T>(s: Client, event: string, payload: unknown): Promise<T> {
  const r = (await (s as unknown as Socket).timeout(ACK_MS).emitWithAck(event, payload)) as Result<T>;
  if (!r.ok) throw new Error(`${event}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Resolves with each submission's result, by id, as they arrive on `socket`. */
function results(socket: Client): Map<string, (r: SubmissionResult) => void> & { seen: Map<string, SubmissionResult> } {
  const waiting = new Map<string, (r: SubmissionResult) => void>() as Map<string, (r: SubmissionResult) => void> & { seen: Map<string, SubmissionResult> };
  waiting.seen = new Map();
  socket.on('submission:result', (r) => {
    const w = waiting.get(r.submissionId);
    if (w) w(r);
    else waiting.seen.set(r.submissionId, r);
  });
  return waiting;
}

async function timedSubmit(socket: Client, inbox: ReturnType<typeof results>, payload: unknown): Promise<number> {
  const t0 = performance.now();
  const { submissionId } = await ask<{ submissionId: string }>(socket, 'play:submit', payload);
  const early = inbox.seen.get(submissionId);
  if (!early) await new Promise<SubmissionResult>((ok) => inbox.set(submissionId, ok));
  return performance.now() - t0;
}

/** Server-side figures from its database: accepted (created_at) → scored (scored_at), per submission. */
function serverTimes(dbFile: string): { solo: number[]; room: number[] } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT room_code AS room, scored_at - created_at AS ms FROM submissions WHERE scored_at IS NOT NULL').all() as { room: string | null; ms: number }[];
    return { solo: rows.filter((r) => r.room === null).map((r) => r.ms), room: rows.filter((r) => r.room !== null).map((r) => r.ms) };
  } finally {
    db.close();
  }
}

interface Figures {
  /** The solo player's emit → its submission:result, as this (client) process sees it. */
  solo: number[];
  /** The same submissions on the server: accepted → scored (written just before the result goes out). */
  soloServer: number[];
  roomServer: number[];
  roomMs: number;
}

type Member = { socket: Client; inbox: ReturnType<typeof results> };

/** A hosted room of `players` joined members with a round of the race running. */
async function openRound(url: string, players: number, sockets: Client[]): Promise<{ code: string; members: Member[] }> {
  const host = await connect(url);
  sockets.push(host);
  const room = await ask<HostCredentials>(host, 'room:create', {});
  await ask(host, 'room:host', { code: room.code, hostToken: room.hostToken });
  const members = await Promise.all(
    Array.from({ length: players }, async (_, i) => {
      const p = await registerPlayer(url, `Player ${i + 1}`);
      sockets.push(p.socket);
      await ask(p.socket, 'room:join', { code: room.code, nickname: `Player ${i + 1}` });
      return { socket: p.socket, inbox: results(p.socket) };
    }),
  );
  const settings = { challengeId: 'optimizer-race', durationMs: 10 * 60_000, maxSubmissions: 5, leaderboardVisible: true, locked: {} };
  await ask(host, 'room:start', { code: room.code, hostToken: room.hostToken, settings });
  return { code: room.code, members };
}

/**
 * Runs `job` every `ms` from now until `stop()` says so (after at least `min` runs, at most MAX_SOLO);
 * resolves with what each run resolved to. Open loop: a slow answer does not thin out the samples.
 */
function every<T>(ms: number, min: number, stop: () => boolean, job: () => Promise<T>): Promise<T[]> {
  return (async () => {
    const runs: Promise<T>[] = [];
    for (let i = 0; (i < min || !stop()) && i < MAX_SOLO; i++) {
      runs.push(job());
      await sleep(ms);
    }
    return Promise.all(runs);
  })();
}

async function scenario(oldQueue: boolean, players: number, solos: number): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-isolation-'));
  const databaseFile = join(dir, 'arena.db');
  const server = await startServerProcess({
    databaseFile,
    scoringWorkers: 1,
    roomMaxPlayers: players,
    resultsPerChallengeQueue: oldQueue,
    // The solo player submits more often than a person would.
    scoringQueueCap: 1_000_000,
    eventLimits: { any: { points: 1_000_000, durationS: 10 }, events: { 'play:submit': { points: 1_000_000, durationS: 10 } } },
    roomLimits: { newPlayers: { points: 1_000_000, durationS: 60 }, join: { points: 1_000_000, durationS: 10 } },
  });
  const sockets: Client[] = [];
  try {
    const { code, members } = await openRound(server.url, players, sockets);
    const solo = await registerPlayer(server.url, 'Solo');
    sockets.push(solo.socket);
    const soloInbox = results(solo.socket);
    const payload = { challengeId: 'optimizer-race', entry: TUNED_RACE };
    let burstDone = false;
    // A class at work: every member reports a change of status once a second, each one an event in
    // the room's queue, from LEAD_MS before the burst until its end (faster than this, the room's
    // queue outgrows a 2-core machine under load and the run never ends).
    let flip = false;
    const chatter = every(CHATTER_MS, 0, () => burstDone, async () => {
      flip = !flip;
      for (const m of members) m.socket.emit('room:activity', { code, activity: flip ? 'training' : 'building' });
    });
    // The solo player, from LEAD_MS before the burst until the room's last result.
    const soloRuns = every(SOLO_GAP_MS, solos, () => burstDone, () => timedSubmit(solo.socket, soloInbox, payload));
    await sleep(LEAD_MS);
    const t0 = performance.now();
    // The whole room submits at once.
    await Promise.all(members.map((m) => timedSubmit(m.socket, m.inbox, { ...payload, roomCode: code })));
    const roomMs = performance.now() - t0;
    burstDone = true;
    const soloMs = await soloRuns;
    await chatter;
    for (const s of sockets) s.disconnect();
    await server.stop();
    const db = serverTimes(databaseFile);
    return { solo: soloMs, soloServer: db.solo, roomServer: db.room, roomMs };
  } finally {
    for (const s of sockets) s.disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs();
  const players = numArg(args, 'players', 100);
  const solos = numArg(args, 'solo', 20);
  const rounds = numArg(args, 'rounds', 2);
  console.error(`isolation: ${players}-player room bursting, a solo player submitting ${solos} times; ${rounds} round(s) of both; ${JSON.stringify(machine())}`);
  const all = { before: [] as Figures[], after: [] as Figures[] };
  for (let r = 0; r < rounds; r++) {
    // Alternate which runs first, so a machine getting busier slows both alike.
    for (const oldQueue of r % 2 === 0 ? [true, false] : [false, true]) {
      const out = await scenario(oldQueue, players, solos);
      (oldQueue ? all.before : all.after).push(out);
      console.error(`  round ${r + 1} ${oldQueue ? 'one queue per challenge (before)' : 'per room (now)'}: solo p50 ${round(summary(out.solo).p50)} ms, room burst done in ${round(out.roomMs)} ms`);
    }
  }
  const figures = (runs: Figures[]) => ({
    solo: summary(runs.flatMap((f) => f.solo)),
    soloServer: summary(runs.flatMap((f) => f.soloServer)),
    roomServer: summary(runs.flatMap((f) => f.roomServer)),
    roomBurstMs: summary(runs.map((f) => f.roomMs)).p50,
  });
  const before = figures(all.before);
  const after = figures(all.after);
  const row = (results: string, f: ReturnType<typeof figures>) => ({
    results,
    n: f.solo.n,
    'solo p50': f.solo.p50,
    'solo p95': f.solo.p95,
    'server p50': f.soloServer.p50,
    'server p95': f.soloServer.p95,
    'room p50': f.roomServer.p50,
    'room p95': f.roomServer.p95,
    'room burst': f.roomBurstMs,
  });
  console.log(`a solo player's submissions while a ${players}-player room scores a burst on the same challenge (ms); server: accepted → scored, from its database; solo: emit → submission:result in this process (which also hosts the room's ${players} clients)`);
  console.log(table([row('one queue per challenge (before issue 14)', before), row('each room its own (now)', after)]));
  emit('isolation', { players, solos, rounds, before, after, machine: machine() });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
