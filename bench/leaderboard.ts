/**
 * Benchmark 6: leaderboard reads with many stored submissions. Seeds a fresh SQLite file (the
 * committed migrations, through server/db.ts openDb) with `players` players and `submissions`
 * scored submissions (best per player in leaderboard_entries, as recordScore keeps it), then times
 * server/store.ts leaderboardView (top 50 + total) and playerRank for random players, and prints
 * SQLite's query plan of every statement they run. leaderboard_totals is filled as recordScore keeps it.
 *
 * Submissions carry a 4-byte weights blob and a short spec: the leaderboard never reads them, and
 * real weights (~140 KB each) would make a 1,000,000-row file of ~140 GB.
 *
 * Usage: npm run bench:leaderboard -- [--submissions 1000000] [--players 100000] [--reads 2000] [--keep]
 *        [--no-previous]   (skip timing the queries store.ts ran before migration 0002)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../server/db';
import { leaderboardView, playerRank } from '../server/store';
import { mulberry32 } from '../game/random';
import { emit, machine, numArg, parseArgs, round, summary, table } from './lib/stats';

const CHALLENGE = 'sign-digits';
const TEST_IMAGES = 409;
const DAY_MS = 86_400_000;

interface Best {
  submissionId: string;
  score: number;
  submittedAt: number;
}

/** Inserts players, submissions and leaderboard entries in one transaction per table. */
function seed(db: Db, players: number, submissions: number, rand: () => number): string[] {
  const sqlite = db.$client;
  const ids = Array.from({ length: players }, () => randomUUID());
  const t0 = Date.now() - 30 * DAY_MS;
  const insPlayer = sqlite.prepare('insert into players (id, nickname, token_hash, created_at) values (?, ?, ?, ?)');
  sqlite.transaction(() => ids.forEach((id, i) => insPlayer.run(id, `player${i}`, `hash-${id}`, t0)))();
  const insSub = sqlite.prepare(
    `insert into submissions (id, challenge_id, player_id, spec_json, weights, param_count, status, score, correct, total, created_at, scored_at)
     values (?, ?, ?, '{}', x'00000000', 34538, 'scored', ?, ?, ${TEST_IMAGES}, ?, ?)`,
  );
  const best = new Map<string, Best>();
  sqlite.transaction(() => {
    for (let i = 0; i < submissions; i++) {
      // Every player submits at least once; the rest go to random players.
      const player = ids[i < players ? i : Math.floor(rand() * players)] as string;
      // Scores cluster where students land (60-98 %); many ties, as with 409 test images.
      const correct = Math.min(TEST_IMAGES, Math.floor(TEST_IMAGES * (0.6 + 0.38 * Math.sqrt(rand()))));
      const score = correct / TEST_IMAGES;
      const at = t0 + Math.floor(rand() * 30 * DAY_MS);
      const id = randomUUID();
      insSub.run(id, CHALLENGE, player, score, correct, at, at + 500);
      const prev = best.get(player);
      if (!prev || score > prev.score || (score === prev.score && at < prev.submittedAt)) best.set(player, { submissionId: id, score, submittedAt: at });
    }
  })();
  const insEntry = sqlite.prepare(
    'insert into leaderboard_entries (challenge_id, player_id, submission_id, score, param_count, submitted_at) values (?, ?, ?, ?, 34538, ?)',
  );
  sqlite.transaction(() => {
    for (const [player, b] of best) insEntry.run(CHALLENGE, player, b.submissionId, b.score, b.submittedAt);
    sqlite.prepare('insert into leaderboard_totals (challenge_id, players) values (?, ?)').run(CHALLENGE, best.size);
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return ids;
}

/** Records the SQL text of every statement drizzle prepares while `fn` runs. */
function captureSql(db: Db, fn: () => void): string[] {
  const client = db.$client;
  const original = client.prepare.bind(client);
  const seen: string[] = [];
  client.prepare = ((source: string) => {
    if (!seen.includes(source)) seen.push(source);
    return original(source);
  }) as typeof client.prepare;
  try {
    fn();
  } finally {
    client.prepare = original as typeof client.prepare;
  }
  return seen;
}

function queryPlan(db: Db, sql: string): string {
  const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
  const rows = db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

function time(reads: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < reads; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** The queries store.ts ran before migration 0002, for a same-file comparison. */
const RANK_BY_OR = `select count(*) as n from leaderboard_entries where challenge_id = @c and (score > @s
  or (score = @s and submitted_at < @t) or (score = @s and submitted_at = @t and player_id < @p))`;
const COUNT_ENTRIES = 'select count(*) as n from leaderboard_entries where challenge_id = ?';

/**
 * What migration 0002 changed, on this same file: the rank as one OR'ed count (before; it now has
 * player_id in the index, which it lacked then) and the total as count(*) over the entries (before)
 * vs the row leaderboard_totals keeps. Before the migration the OR'ed count read every row of the
 * challenge: see README's Figures for the run on the previous schema.
 */
function previous(db: Db, pick: () => string, reads: number): Record<string, unknown>[] {
  const sqlite = db.$client;
  const count = sqlite.prepare(COUNT_ENTRIES);
  const totals = sqlite.prepare('select players from leaderboard_totals where challenge_id = ?');
  const me = sqlite.prepare('select score, submitted_at from leaderboard_entries where challenge_id = ? and player_id = ?');
  const byOr = sqlite.prepare(RANK_BY_OR);
  const rows: Record<string, unknown>[] = [];
  const run = (query: string, fn: () => void, n = reads) => rows.push({ query, ...summary(time(n, fn), 2) });
  run('total: count(*) over entries (before)', () => count.get(CHALLENGE), 500);
  run('total: leaderboard_totals row (now)', () => totals.get(CHALLENGE), 500);
  run('rank: one OR\'ed count, new index', () => {
    const p = pick();
    const row = me.get(CHALLENGE, p) as { score: number; submitted_at: number };
    byOr.get({ c: CHALLENGE, s: row.score, t: row.submitted_at, p });
  });
  console.log(`plan of the OR'ed count: ${queryPlan(db, RANK_BY_OR.replace(/@\w+/g, '?'))}`);
  return rows;
}

async function main(): Promise<void> {
  const args = parseArgs();
  const submissions = numArg(args, 'submissions', 1_000_000);
  const players = numArg(args, 'players', Math.max(1, Math.round(submissions / 10)));
  const reads = numArg(args, 'reads', 2000);
  const dir = mkdtempSync(join(tmpdir(), 'arena-bench-lb-'));
  const file = join(dir, 'arena.db');
  const env = machine();
  console.log(`leaderboard reads, ${submissions.toLocaleString('en-US')} submissions / ${players.toLocaleString('en-US')} players, ${env.cores} cores, load ${env.load}`);
  const db = openDb(file);
  try {
    const rand = mulberry32(7);
    const t0 = performance.now();
    const ids = seed(db, players, submissions, rand);
    const seedS = (performance.now() - t0) / 1000;
    const sizeMiB = statSync(file).size / 2 ** 20;
    console.log(`seeded in ${seedS.toFixed(1)} s, ${sizeMiB.toFixed(0)} MiB`);
    const pick = () => ids[Math.floor(rand() * ids.length)] as string;
    // Warm the page cache as a running server's would be, then time.
    leaderboardView(db, CHALLENGE);
    playerRank(db, CHALLENGE, pick());
    const top = summary(time(Math.min(reads, 500), () => leaderboardView(db, CHALLENGE)), 2);
    const rank = summary(time(reads, () => playerRank(db, CHALLENGE, pick())), 2);
    const rows = [
      { query: 'leaderboardView (top 50 + total)', ...top },
      { query: 'playerRank (random player)', ...rank },
    ];
    console.log(table(rows));
    emit('leaderboard', { submissions, players, seedS: round(seedS, 1), fileMiB: round(sizeMiB, 0), top50: top, playerRank: rank, load: env.load });
    for (const [name, fn] of [
      ['leaderboardView', () => leaderboardView(db, CHALLENGE)],
      ['playerRank', () => playerRank(db, CHALLENGE, pick())],
    ] as const) {
      for (const sql of captureSql(db, fn)) console.log(`plan ${name}: ${sql}\n  → ${queryPlan(db, sql)}`);
    }
    if (!args.has('no-previous')) {
      const prev = previous(db, pick, reads);
      console.log(`\nthe queries before migration 0002, same file:\n${table(prev)}`);
      emit('leaderboard-previous', { rows: prev, load: machine().load });
    }
  } finally {
    db.$client.close();
    if (args.has('keep')) console.log(`kept ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
