/**
 * Every database read and write the server makes. better-sqlite3 is synchronous, so each
 * multi-statement change is one `db.transaction(() => ...)` that either fully happens or not at all.
 */
import { and, asc, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from './db';
import { leaderboardEntries, leaderboardTotals, players, roomRounds, submissions, type SubmissionRow } from '../drizzle/schema';
import { roundPublished } from './rooms/store';
import { isImprovement, onPublicBoard as mayBePublic } from '../game/ranking';
import type { Score } from '../game/scoring';
import type { ApiError, LeaderboardRow, LeaderboardView } from '../protocol';

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

/** Whether a submission may be on the public challenge board (game/ranking.ts onPublicBoard decides). */
export function onPublicBoard(db: Db, sub: Pick<SubmissionRow, 'roomCode' | 'roundNumber'>): boolean {
  const published = sub.roomCode !== null && sub.roundNumber !== null && roundPublished(db, sub.roomCode, sub.roundNumber);
  return mayBePublic({ inRoom: sub.roomCode !== null, roundPublished: published });
}

/** Marks a queued submission scored and, if it may be public and beats the player's best, makes it their entry. */
export function recordScore(db: Db, sub: SubmissionRow, score: Score, now: number): ScoredOutcome {
  return db.transaction((tx) => {
    tx.update(submissions)
      .set({ status: 'scored', score: score.score, correct: score.correct, total: score.total, scoredAt: now })
      .where(and(eq(submissions.id, sub.id), eq(submissions.status, 'queued')))
      .run();
    // A private room round's score stays in the room; the player's public rank is not this one's.
    if (!onPublicBoard(tx as unknown as Db, sub)) return { improved: false, rank: undefined };
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
 * The player's best submission that may be public, as the board orders them. The WHERE is game/
 * ranking.ts onPublicBoard in SQL (solo, or of a published round), the ORDER BY the order in which
 * isImprovement keeps the first best (tests/integration/server/ranking-sql.test.ts checks both).
 */
function bestPublicSubmission(db: Db, challengeId: string, playerId: string) {
  const s = submissions;
  const r = roomRounds;
  return db
    .select({ id: s.id, score: s.score, paramCount: s.paramCount, createdAt: s.createdAt })
    .from(s)
    .leftJoin(r, and(eq(r.roomCode, s.roomCode), eq(r.number, s.roundNumber)))
    .where(and(eq(s.playerId, playerId), eq(s.challengeId, challengeId), eq(s.status, 'scored'), isNotNull(s.score), or(isNull(s.roomCode), isNotNull(r.publishedAt))))
    .orderBy(desc(s.score), asc(s.createdAt), asc(s.id))
    .limit(1)
    .get();
}

/** Recomputes one player's board entry from scratch; true when it changed (written, replaced or removed). */
function refreshEntry(db: Db, challengeId: string, playerId: string): boolean {
  const key = and(eq(leaderboardEntries.challengeId, challengeId), eq(leaderboardEntries.playerId, playerId));
  const prev = db.select({ submissionId: leaderboardEntries.submissionId }).from(leaderboardEntries).where(key).get();
  const best = bestPublicSubmission(db, challengeId, playerId);
  if (prev?.submissionId === best?.id) return false;
  if (!best || best.score === null) {
    db.delete(leaderboardEntries).where(key).run();
    db.update(leaderboardTotals).set({ players: sql`${leaderboardTotals.players} - 1` }).where(eq(leaderboardTotals.challengeId, challengeId)).run();
    return true;
  }
  const entry = { submissionId: best.id, score: best.score, paramCount: best.paramCount, submittedAt: best.createdAt };
  db.insert(leaderboardEntries)
    .values({ challengeId, playerId, ...entry })
    .onConflictDoUpdate({ target: [leaderboardEntries.challengeId, leaderboardEntries.playerId], set: entry })
    .run();
  if (!prev) countNewEntry(db, challengeId);
  return true;
}

/**
 * After a room's round was published or withdrawn: every player who submitted in it gets their board
 * entry recomputed (a withdrawn round's scores give way to the player's best public one). `db` is the
 * publishing event's transaction. True when the challenge's board changed.
 */
export function refreshRoundOnBoards(db: Db, code: string, round: number, challengeId: string): boolean {
  const playerIds = db
    .selectDistinct({ playerId: submissions.playerId })
    .from(submissions)
    .where(and(eq(submissions.roomCode, code), eq(submissions.roundNumber, round)))
    .all()
    .map((p) => p.playerId);
  let changed = false;
  for (const playerId of playerIds) changed = refreshEntry(db, challengeId, playerId) || changed;
  return changed;
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
