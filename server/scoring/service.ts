/**
 * Main-thread side of scoring: sends accepted submissions to the worker pool, turns predictions
 * into a score against labels it loaded itself, and applies results one at a time per challenge
 * (so leaderboard updates go out in the order they were written).
 */
import PQueue from 'p-queue';
import type { Db } from '../db';
import { getChallenge, type ModelChallenge } from '../../game/challenges';
import type { Score } from '../../game/scoring';
import { playEntrySchema, scorePlayEntry } from '../../game/solo/play';
import type { Stars } from '../../game/stars';
import type { ServerRun } from '../../game/verification';
import type { SubmissionRow } from '../../drizzle/schema';
import type { ApiError, LeaderboardView, SubmissionResult } from '../../protocol';
import type { Logger } from '../log';
import { getSubmission, leaderboardView, recordFailure, recordScore } from '../store';
import type { ScoringPool } from './pool';
import { recordStars } from '../progress';
import { bossScope, judgeBoss, recordBossScores, type BossScores } from '../boss/scoring';
import { bossTrainExamples, testExamples } from './test-split';
import type { ScoringOutput } from './types';
import { judgeModelOutput } from './judge';
import { planFor } from './plan';

type Judged =
  | { ok: true; score: Score; stars: Stars; workerMs: number; boss?: Omit<BossScores, 'score'>; run?: ServerRun }
  | { ok: false; error: ApiError };

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
  /** Scores an accepted (queued, persisted) submission in the background. */
  enqueue(submissionId: string): void;
  /** Resolves when nothing is being scored or applied. */
  idle(): Promise<void>;
  /** Stops applying results; unfinished submissions stay 'queued' for the next start. */
  close(): Promise<void>;
}

export function createScoringService(deps: {
  db: Db;
  pool: ScoringPool;
  dataDir: string;
  events: ScoringEvents;
  log: Logger;
  now?: () => number;
  /** Room submissions settle through their room (absent: everything is written directly). */
  rooms?: RoomSettler;
}): ScoringService {
  const { db, pool, events, log } = deps;
  const now = deps.now ?? Date.now;
  const labelsByChallenge = new Map<string, Uint8Array>();
  const queues = new Map<string, PQueue>();
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  const trainLabelsByChallenge = new Map<string, Uint8Array | null>();
  const trainLabelsFor = (challenge: ModelChallenge): Uint8Array | null => {
    if (!trainLabelsByChallenge.has(challenge.id)) trainLabelsByChallenge.set(challenge.id, bossTrainExamples(deps.dataDir, challenge)?.labels ?? null);
    return trainLabelsByChallenge.get(challenge.id) ?? null;
  };

  const labelsFor = (challenge: ModelChallenge): Uint8Array => {
    let labels = labelsByChallenge.get(challenge.id);
    if (!labels) {
      labels = testExamples(deps.dataDir, challenge).labels;
      labelsByChallenge.set(challenge.id, labels);
    }
    return labels;
  };

  /** Public score for everyone now; private and train accuracy kept for the reveal (no stars yet). */
  function judgeBossModel(sub: SubmissionRow, challenge: ModelChallenge, output: ScoringOutput & { ok: true }): Judged {
    const boss = challenge.boss;
    const trainLabels = trainLabelsFor(challenge);
    if (!boss || !output.trainPredictions || !trainLabels) return { ok: false, error: { code: 'scoring/mismatch', message: 'no training-set predictions' } };
    const labels = labelsFor(challenge);
    if (output.predictions.length !== labels.length || output.trainPredictions.length !== trainLabels.length) {
      return { ok: false, error: { code: 'scoring/mismatch', message: 'prediction counts do not match' } };
    }
    const { score, ...kept } = judgeBoss(bossScope(sub), boss, output.predictions, labels, output.trainPredictions, trainLabels);
    return { ok: true, score, stars: 0, workerMs: output.workerMs, boss: kept };
  }

  /**
   * The server's score and stars for a worker's output on a model challenge: of the model the
   * server trained itself when the plan (game/verification.ts) retrained the spec.
   */
  function judgeModel(sub: SubmissionRow, challenge: ModelChallenge, plan: ReturnType<typeof planFor>, output: ScoringOutput): Judged {
    if (!output.ok) return output;
    if (challenge.boss) return judgeBossModel(sub, challenge, output);
    const judged = judgeModelOutput(challenge, sub, output, labelsFor(challenge), plan);
    return judged.ok ? { ...judged, workerMs: output.workerMs } : judged;
  }

  const queueFor = (challengeId: string): PQueue => {
    let q = queues.get(challengeId);
    if (!q) queues.set(challengeId, (q = new PQueue({ concurrency: 1 })));
    return q;
  };

  /** Writes through the submission's room when it has one, so the room's state changes with it. */
  function commit<T>(sub: SubmissionRow, score: Score | null, write: (tx: Db) => T): Promise<T> {
    if (sub.roomCode && deps.rooms) return deps.rooms.settle(sub, score, write);
    return Promise.resolve(write(db));
  }

  async function fail(sub: SubmissionRow, base: Omit<SubmissionResult, 'status'>, error: ApiError) {
    await commit(sub, null, (tx) => recordFailure(tx, sub.id, error, now()));
    log.warn('submission failed', { submissionId: sub.id, code: error.code, message: error.message });
    events.result(sub.playerId, { ...base, status: 'failed', error });
  }

  /** One transaction (through the room's queue for a room submission), then the events. */
  async function apply(submissionId: string, judged: Judged): Promise<void> {
    const sub = getSubmission(db, submissionId);
    if (!sub || sub.status !== 'queued') return;
    const room = sub.roomCode && sub.roundNumber !== null ? { room: { code: sub.roomCode, round: sub.roundNumber } } : {};
    const base = { submissionId, challengeId: sub.challengeId, paramCount: sub.paramCount, ...room };
    if (!judged.ok) return fail(sub, base, judged.error);
    const { score, stars } = judged;
    const { improved, rank } = await commit(sub, score, (tx) => {
      const outcome = recordScore(tx, sub, score, now());
      if (judged.boss) recordBossScores(tx, sub.id, judged.boss);
      recordStars(tx, sub.playerId, sub.challengeId, stars, now());
      return outcome;
    });
    const run = judged.run ? { trainedByServer: judged.run } : {};
    log.info('submission scored', { submissionId, score: score.score, stars, workerMs: Math.round(judged.workerMs), ...run });
    events.result(sub.playerId, { ...base, status: 'scored', ...score, stars, improved, ...(rank ? { rank } : {}), ...run });
    if (improved) events.leaderboard(leaderboardView(db, sub.challengeId));
  }

  /** Model challenges go to a worker; play challenges are replayed here (microseconds to a few ms). */
  async function judge(sub: SubmissionRow): Promise<Judged> {
    const challenge = getChallenge(sub.challengeId);
    if (!challenge) return { ok: false, error: { code: 'challenge/unknown', message: sub.challengeId } };
    if (challenge.kind !== 'model') {
      const entry = playEntrySchema.safeParse(JSON.parse(sub.specJson));
      if (!entry.success || entry.data.kind !== challenge.kind) {
        return { ok: false, error: { code: 'play/invalid', message: 'the stored entry is not valid' } };
      }
      const started = performance.now();
      const played = scorePlayEntry(entry.data);
      return { ok: true, ...played, workerMs: performance.now() - started };
    }
    // Where a rule is about training, the worker trains the spec itself and that model is scored.
    const plan = planFor(db, sub, challenge);
    const job = { challengeId: sub.challengeId, specJson: sub.specJson, weights: new Uint8Array(sub.weights), retrain: plan.retrain };
    return judgeModel(sub, challenge, plan, await pool.score(job, sub.playerId));
  }

  async function run(submissionId: string): Promise<void> {
    const sub = getSubmission(db, submissionId);
    if (!sub || sub.status !== 'queued') return;
    const output = await judge(sub);
    // A job cut short by shutdown is not the player's fault: leave it queued for the next start.
    if (closing) return;
    await queueFor(sub.challengeId).add(async () => {
      if (!closing) await apply(submissionId, output);
    });
  }

  return {
    enqueue(submissionId) {
      if (closing) return;
      const p = run(submissionId)
        .catch((err: unknown) => log.error('scoring crashed', { submissionId, err: String(err) }))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      closing = true;
      await pool.close();
      await Promise.allSettled([...inFlight]);
    },
  };
}
