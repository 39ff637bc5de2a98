/**
 * Every database read and write the server makes. better-sqlite3 is synchronous, so each
 * multi-statement change is one `db.transaction(() => ...)` that either fully happens or not at all.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './db';
import { leaderboardEntries, leaderboardTotals, players, submissions, type SubmissionRow } from '../drizzle/schema';
import { isImprovement } from '../game/ranking';
import type { Score } from '../game/scoring';
import type { ApiError, LeaderboardRow, LeaderboardView } from './protocol';

/** Rows sent with a leaderboard view. */
export const LEADERBOARD_TOP = 50;

export function createPlayer(db: Db, p: { id: string; nickname: string; tokenHash: string; now: number }): void {
  db.insert(players).values({ id: p.id, nickname: p.nickname, tokenHash: p.tokenHash, createdAt: p.now }).run();
}

export function findPlayerByTokenHash(db: Db, tokenHash: string): { id: string; nickname: string } | undefined {
  return db
    .select({ id: players.id, nickname: players.nickname })
    .from(players)
    .where(eq(players.tokenHash, tokenHash))
    .get();
}

export interface NewSubmission {
  id: string;
  challengeId: string;
  playerId: string;
  specJson: string;
  weights: Buffer;
  paramCount: number;
  now: number;
  /** Set for a submission to a room's round. */
  room?: { code: string; round: number };
}

/** `db` may be a transaction (a room submission is written with its room's state). */
export function insertSubmission(db: Db, s: NewSubmission): void {
  db.transaction((tx) => {
    tx.insert(submissions)
      .values({
        id: s.id,
        challengeId: s.challengeId,
        playerId: s.playerId,
        specJson: s.specJson,
        weights: s.weights,
        paramCount: s.paramCount,
        status: 'queued',
        createdAt: s.now,
        roomCode: s.room?.code ?? null,
        roundNumber: s.room?.round ?? null,
      })
      .run();
  });
}

export function getSubmission(db: Db, id: string): SubmissionRow | undefined {
  return db.select().from(submissions).where(eq(submissions.id, id)).get();
}

/** Ids of accepted submissions not yet scored, oldest first (re-queued at start-up). */
export function queuedSubmissionIds(db: Db): string[] {
  return db
    .select({ id: submissions.id })
    .from(submissions)
    .where(eq(submissions.status, 'queued'))
    .orderBy(asc(submissions.createdAt), asc(submissions.id))
    .all()
    .map((r) => r.id);
}

export interface ScoredOutcome {
  /** True when the submission became the player's leaderboard entry. */
  improved: boolean;
  /** The player's rank after this submission (undefined only if they have no entry). */
  rank: number | undefined;
}

/** Marks a queued submission scored and, if it beats the player's best, makes it their entry. */
export function recordScore(db: Db, sub: SubmissionRow, score: Score, now: number): ScoredOutcome {
  return db.transaction((tx) => {
    tx.update(submissions)
      .set({ status: 'scored', score: score.score, correct: score.correct, total: score.total, scoredAt: now })
      .where(and(eq(submissions.id, sub.id), eq(submissions.status, 'queued')))
      .run();
    const key = and(eq(leaderboardEntries.challengeId, sub.challengeId), eq(leaderboardEntries.playerId, sub.playerId));
    const prev = tx.select({ score: leaderboardEntries.score }).from(leaderboardEntries).where(key).get();
    const improved = isImprovement(prev, score);
    if (improved) {
      const entry = { submissionId: sub.id, score: score.score, paramCount: sub.paramCount, submittedAt: sub.createdAt };
      tx.insert(leaderboardEntries)
        .values({ challengeId: sub.challengeId, playerId: sub.playerId, ...entry })
        .onConflictDoUpdate({ target: [leaderboardEntries.challengeId, leaderboardEntries.playerId], set: entry })
        .run();
      if (!prev) countNewEntry(tx as unknown as Db, sub.challengeId);
    }
    return { improved, rank: playerRank(tx as unknown as Db, sub.challengeId, sub.playerId) };
  });
}

export function recordFailure(db: Db, submissionId: string, error: ApiError, now: number): void {
  db.update(submissions)
    .set({ status: 'failed', error: JSON.stringify(error), scoredAt: now })
    .where(and(eq(submissions.id, submissionId), eq(submissions.status, 'queued')))
    .run();
}

/** Keeps leaderboard_totals equal to the number of entries of the challenge (one more was inserted). */
function countNewEntry(db: Db, challengeId: string): void {
  db.insert(leaderboardTotals)
    .values({ challengeId, players: 1 })
    .onConflictDoUpdate({ target: leaderboardTotals.challengeId, set: { players: sql`${leaderboardTotals.players} + 1` } })
    .run();
}

/**
 * 1-based rank, with the same order as game/ranking compareEntries. The entries ahead are three
 * disjoint ranges of leaderboard_rank_idx (challenge, score desc, submitted_at, player_id): a higher
 * score; the same score submitted earlier; the same score and time with a smaller player id. Each is
 * counted on the index alone, where one OR'ed count read every row of the challenge.
 */
export function playerRank(db: Db, challengeId: string, playerId: string): number | undefined {
  const e = leaderboardEntries;
  const me = db
    .select({ score: e.score, submittedAt: e.submittedAt })
    .from(e)
    .where(and(eq(e.challengeId, challengeId), eq(e.playerId, playerId)))
    .get();
  if (!me) return undefined;
  const same = sql`${e.challengeId} = ${challengeId} and ${e.score} = ${me.score}`;
  const ahead = db.get<{ n: number }>(sql`select
    (select count(*) from ${e} where ${e.challengeId} = ${challengeId} and ${e.score} > ${me.score})
  + (select count(*) from ${e} where ${same} and ${e.submittedAt} < ${me.submittedAt})
  + (select count(*) from ${e} where ${same} and ${e.submittedAt} = ${me.submittedAt} and ${e.playerId} < ${playerId}) as n`);
  return ahead.n + 1;
}

export function leaderboardView(db: Db, challengeId: string, limit = LEADERBOARD_TOP): LeaderboardView {
  const e = leaderboardEntries;
  const rows = db
    .select({
      playerId: e.playerId,
      nickname: players.nickname,
      score: e.score,
      paramCount: e.paramCount,
      submissionId: e.submissionId,
      submittedAt: e.submittedAt,
    })
    .from(e)
    .innerJoin(players, eq(players.id, e.playerId))
    .where(eq(e.challengeId, challengeId))
    .orderBy(desc(e.score), asc(e.submittedAt), asc(e.playerId))
    .limit(limit)
    .all();
  const total = db
    .select({ n: leaderboardTotals.players })
    .from(leaderboardTotals)
    .where(eq(leaderboardTotals.challengeId, challengeId))
    .get();
  const ranked: LeaderboardRow[] = rows.map((r, i) => ({
    ...r,
    rank: i + 1,
    submittedAt: new Date(r.submittedAt).toISOString(),
  }));
  return { challengeId, rows: ranked, totalPlayers: total?.n ?? 0 };
}

/** Row counts, for tests and start-up logging. */
export function tableCounts(db: Db): { players: number; submissions: number; leaderboard: number } {
  const n = (table: typeof players | typeof submissions | typeof leaderboardEntries) =>
    db.select({ n: sql<number>`count(*)` }).from(table).get()?.n ?? 0;
  return { players: n(players), submissions: n(submissions), leaderboard: n(leaderboardEntries) };
}
