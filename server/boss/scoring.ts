/**
 * The server's side of boss scoring: it brings the sha256 the cut's seed is derived from (the rule
 * itself is game/boss/score.ts) and stores the hidden accuracies with the public score.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { BossConfig } from '../../game/boss/levels';
import type { TestSplit } from '../../game/boss/rules';
import { placeScope, submissionPlace } from '../../game/boss/scope';
import { bossSplit as splitOf, bossSplitSeed, scoreBoss, type BossScores } from '../../game/boss/score';
import { submissions } from '../../drizzle/schema';
import type { Db } from '../db';

const sha256 = (text: string): Uint8Array => createHash('sha256').update(text).digest();

/** The scope's cut seed (game/boss/score.ts bossSplitSeed with node's sha256). */
export const splitSeed = (scope: string): number => bossSplitSeed(scope, sha256);

/** The scope's public/private cut of the hidden test set (tests use it to aim at one part). */
export function bossSplit(scope: string, testLabels: ArrayLike<number>, boss: BossConfig): TestSplit {
  return splitOf(splitSeed(scope), testLabels, boss);
}

/** In the transaction that records the public score. */
export function recordBossScores(db: Db, submissionId: string, s: Pick<BossScores, 'privateScore' | 'trainScore'>): void {
  db.update(submissions).set({ privateScore: s.privateScore, trainScore: s.trainScore }).where(eq(submissions.id, submissionId)).run();
}

export type { BossScores };

// Until server/scoring/service.ts's restructuring (helper "room") lands, its committed version still
// calls these two; both are game's rules now (game/boss/scope.ts, game/boss/score.ts).
/** @deprecated use game/boss/scope.ts placeScope(submissionPlace(sub)). */
export const bossScope = (sub: { challengeId: string; roomCode: string | null; roundNumber: number | null }): string => placeScope(submissionPlace(sub));

/** @deprecated use game/model-outcome.ts bossOutcome (it also checks the prediction counts). */
export function judgeBoss(scope: string, boss: BossConfig, predictions: ArrayLike<number>, testLabels: ArrayLike<number>, trainPredictions: ArrayLike<number>, trainLabels: ArrayLike<number>): BossScores {
  const out = scoreBoss(splitSeed(scope), boss, { predictions, testLabels, trainPredictions, trainLabels });
  if (!out.ok) throw new Error(out.message);
  return out.value;
}
