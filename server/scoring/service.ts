/**
 * Main-thread side of scoring: sends accepted submissions to the worker pool, turns predictions
 * into a score against labels it loaded itself, and applies results one at a time per challenge
 * (so leaderboard updates go out in the order they were written).
 */
import PQueue from 'p-queue';
import type { Db } from '../db';
import { getChallenge } from '../../game/challenges';
import { scoreFromPredictions } from '../../game/scoring';
import type { ApiError, LeaderboardView, SubmissionResult } from '../protocol';
import type { Logger } from '../log';
import { getSubmission, leaderboardView, recordFailure, recordScore } from '../store';
import type { ScoringPool } from './pool';
import { loadTestSplit } from './test-split';
import type { ScoringOutput } from './types';

export interface ScoringEvents {
  result(playerId: string, result: SubmissionResult): void;
  leaderboard(view: LeaderboardView): void;
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
}): ScoringService {
  const { db, pool, events, log } = deps;
  const now = deps.now ?? Date.now;
  const labelsByDataset = new Map<string, Uint8Array>();
  const queues = new Map<string, PQueue>();
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  const labelsFor = (dataset: string): Uint8Array => {
    let labels = labelsByDataset.get(dataset);
    if (!labels) {
      labels = loadTestSplit(deps.dataDir, dataset).labels;
      labelsByDataset.set(dataset, labels);
    }
    return labels;
  };

  const queueFor = (challengeId: string): PQueue => {
    let q = queues.get(challengeId);
    if (!q) queues.set(challengeId, (q = new PQueue({ concurrency: 1 })));
    return q;
  };

  function fail(submissionId: string, playerId: string, base: Omit<SubmissionResult, 'status'>, error: ApiError) {
    recordFailure(db, submissionId, error, now());
    log.warn('submission failed', { submissionId, code: error.code, message: error.message });
    events.result(playerId, { ...base, status: 'failed', error });
  }

  /** Synchronous: one transaction, then the events. */
  function apply(submissionId: string, output: ScoringOutput): void {
    const sub = getSubmission(db, submissionId);
    if (!sub || sub.status !== 'queued') return;
    const base = { submissionId, challengeId: sub.challengeId, paramCount: sub.paramCount };
    if (!output.ok) return fail(submissionId, sub.playerId, base, output.error);
    const challenge = getChallenge(sub.challengeId);
    if (!challenge) return fail(submissionId, sub.playerId, base, { code: 'challenge/unknown', message: sub.challengeId });
    const scored = scoreFromPredictions(output.predictions, labelsFor(challenge.dataset));
    if (!scored.ok) return fail(submissionId, sub.playerId, base, { code: scored.code, message: scored.message });
    const { improved, rank } = recordScore(db, sub, scored.value, now());
    log.info('submission scored', { submissionId, score: scored.value.score, workerMs: Math.round(output.workerMs) });
    events.result(sub.playerId, { ...base, status: 'scored', ...scored.value, improved, ...(rank ? { rank } : {}) });
    if (improved) events.leaderboard(leaderboardView(db, sub.challengeId));
  }

  async function run(submissionId: string): Promise<void> {
    const sub = getSubmission(db, submissionId);
    if (!sub || sub.status !== 'queued') return;
    const job = { challengeId: sub.challengeId, specJson: sub.specJson, weights: new Uint8Array(sub.weights) };
    const output = await pool.score(job);
    // A job cut short by shutdown is not the player's fault: leave it queued for the next start.
    if (closing) return;
    await queueFor(sub.challengeId).add(() => {
      if (!closing) apply(submissionId, output);
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
