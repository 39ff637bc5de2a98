/**
 * The server's side of boss scoring: it brings the sha256 the cut's seed is derived from (the rule
 * itself is game/boss/score.ts) and stores the hidden accuracies with the public score.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { BossConfig } from '../../game/boss/levels';
import type { TestSplit } from '../../game/boss/rules';
import { bossSplit as splitOf, bossSplitSeed, type BossScores } from '../../game/boss/score';
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
