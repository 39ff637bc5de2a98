/**
 * Main-thread side of scoring: each accepted submission is read once, judged (judging.ts: a worker
 * for a model, a replay for a play entry), then its outcome is written in ONE transaction: a room
 * submission's re-enters its room as one game event (rooms/service.ts settle), a solo one is written
 * directly. Results never wait for one another: a busy room delays only its own submissions' results.
 * The leaderboard view is read when it is emitted, so a later update always carries the newer board.
 */
import PQueue from 'p-queue';
import type { Db } from '../db';
import type { Score } from '../../game/scoring';
import type { SubmissionRow } from '../../drizzle/schema';
import type { ApiError, LeaderboardView, SubmissionResult } from '../../protocol';
import type { Logger } from '../log';
import { getSubmission, leaderboardView, recordFailure, recordScore } from '../store';
import type { ScoringPool } from './pool';
import { recordStars } from '../progress';
import { recordBossScores } from '../boss/scoring';
import { createJudge, type Checked, type Judged } from './judging';

export type { Checked } from './judging';

export interface ScoringEvents {
  result(playerId: string, result: SubmissionResult): void;
  leaderboard(view: LeaderboardView): void;
}

/**
 * Applies a room submission's outcome (a score, or null for a failure) in its room's queue; `write`
 * (the submission's own rows) runs in the same transaction as the room's new state.
 */
export interface RoomSettler {
  settle<T>(sub: SubmissionRow, score: Score | null, write: (tx: Db) => T): Promise<T>;
}

export interface ScoringService {
  /** Scores an accepted (queued, persisted) submission in the background; `checked`: its content as validated. */
  enqueue(submissionId: string, checked?: Checked): void;
  /** Resolves when nothing is being scored or applied. */
  idle(): Promise<void>;
  /** Stops applying results; unfinished submissions stay 'queued' for the next start. */
  close(): Promise<void>;
}

export interface ScoringDeps {
  db: Db;
  pool: ScoringPool;
  dataDir: string;
  events: ScoringEvents;
  log: Logger;
  now?: () => number;
  /** Room submissions settle through their room (absent: everything is written directly). */
  rooms?: RoomSettler;
  /**
   * Bench only (bench:isolation): apply results one at a time per challenge, as before issue 14, so
   * one busy room's results hold back every other result of that challenge.
   */
  resultsPerChallengeQueue?: boolean;
}

/** Writes a judged submission's outcome and tells the player (and the board's watchers). */
function createSettler(deps: ScoringDeps) {
  const { db, events, log, rooms } = deps;
  const now = deps.now ?? Date.now;

  /** Through the submission's room when it has one, so the room's state changes in the same transaction. */
  const commit = <T>(sub: SubmissionRow, score: Score | null, write: (tx: Db) => T): Promise<T> => {
    if (sub.roomCode && rooms) return rooms.settle(sub, score, write);
    return Promise.resolve(db.transaction((tx) => write(tx as unknown as Db)));
  };

  async function fail(sub: SubmissionRow, base: Omit<SubmissionResult, 'status'>, error: ApiError) {
    await commit(sub, null, (tx) => recordFailure(tx, sub.id, error, now()));
    log.warn('submission failed', { submissionId: sub.id, code: error.code, message: error.message });
    events.result(sub.playerId, { ...base, status: 'failed', error });
  }

  return async function settle(sub: SubmissionRow, judged: Judged): Promise<void> {
    const room = sub.roomCode && sub.roundNumber !== null ? { room: { code: sub.roomCode, round: sub.roundNumber } } : {};
    const base = { submissionId: sub.id, challengeId: sub.challengeId, paramCount: sub.paramCount, ...room };
    if (!judged.ok) return fail(sub, base, judged.error);
    const { score, stars } = judged;
    const { improved, rank } = await commit(sub, score, (tx) => {
      const outcome = recordScore(tx, sub, score, now());
      if (judged.boss) recordBossScores(tx, sub.id, judged.boss);
      recordStars(tx, sub.playerId, sub.challengeId, stars, now());
      return outcome;
    });
    const run = judged.run ? { trainedByServer: judged.run } : {};
    log.info('submission scored', { submissionId: sub.id, score: score.score, stars, workerMs: Math.round(judged.workerMs), ...run });
    events.result(sub.playerId, { ...base, status: 'scored', ...score, stars, improved, ...(rank ? { rank } : {}), ...run });
    if (improved) events.leaderboard(leaderboardView(db, sub.challengeId));
  };
}

/** The old ordering, for the bench: one result at a time per challenge. */
function perChallenge() {
  const queues = new Map<string, PQueue>();
  return (challengeId: string, task: () => Promise<void>): Promise<void> => {
    let q = queues.get(challengeId);
    if (!q) queues.set(challengeId, (q = new PQueue({ concurrency: 1 })));
    return q.add(task);
  };
}

export function createScoringService(deps: ScoringDeps): ScoringService {
  const { db, pool, log } = deps;
  const judge = createJudge(deps);
  const settle = createSettler(deps);
  const ordered = deps.resultsPerChallengeQueue ? perChallenge() : (_: string, task: () => Promise<void>) => task();
  /** By submission id: one already being scored is not scored twice (a re-queue at start-up). */
  const inFlight = new Map<string, Promise<void>>();
  let closing = false;

  async function run(submissionId: string, checked: Checked | undefined): Promise<void> {
    const sub = getSubmission(db, submissionId);
    if (!sub || sub.status !== 'queued') return;
    const judged = await judge.judge(sub, checked);
    // A job cut short by shutdown is not the player's fault: leave it queued for the next start.
    if (closing) return;
    await ordered(sub.challengeId, async () => {
      if (!closing) await settle(sub, judged);
    });
  }

  return {
    enqueue(submissionId, checked) {
      if (closing || inFlight.has(submissionId)) return;
      const p = run(submissionId, checked)
        .catch((err: unknown) => log.error('scoring crashed', { submissionId, err: String(err) }))
        .finally(() => inFlight.delete(submissionId));
      inFlight.set(submissionId, p);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
    async close() {
      closing = true;
      await pool.close();
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
