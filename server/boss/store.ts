/** Boss rows: a scope's scored submissions with their hidden accuracies, the picks, the reveals. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { BossReveal } from '../../game/boss/reveal';
import type { BossSubmission } from '../../game/boss/rules';
import type { BossPlace } from '../../game/boss/scope';
import { bossPicks, bossReveals, submissions } from '../../drizzle/schema';
import type { Db } from '../db';
import { parseStored } from '../stored/parse';
import { storedPicksSchema, storedRevealSchema } from '../stored/boss';

// The scope strings are game/boss/scope.ts's; re-exported for the room handlers that read reveals.
export { placeScope, revealScope, type BossPlace } from '../../game/boss/scope';

export interface OwnedBossSubmission extends BossSubmission {
  playerId: string;
  paramCount: number;
  /** Images in the public part the public accuracy was measured on. */
  publicTotal: number;
}

/** Scored submissions of the place (of one player, when given), oldest first. */
export function placeSubmissions(db: Db, place: BossPlace, playerId?: string): OwnedBossSubmission[] {
  const where =
    place.kind === 'room'
      ? and(eq(submissions.roomCode, place.code), eq(submissions.roundNumber, place.round))
      : and(eq(submissions.challengeId, place.challengeId), isNull(submissions.roomCode));
  const rows = db
    .select()
    .from(submissions)
    .where(and(where, eq(submissions.status, 'scored'), playerId ? eq(submissions.playerId, playerId) : undefined))
    .orderBy(asc(submissions.createdAt))
    .all();
  return rows.flatMap((r) =>
    r.score === null || r.privateScore === null || r.trainScore === null
      ? []
      : [{ submissionId: r.id, playerId: r.playerId, paramCount: r.paramCount, publicTotal: r.total ?? 0, public: r.score, private: r.privateScore, train: r.trainScore, submittedAt: r.createdAt }],
  );
}

export function readPicks(db: Db, scope: string, playerId: string): string[] {
  const row = db.select().from(bossPicks).where(and(eq(bossPicks.scope, scope), eq(bossPicks.playerId, playerId))).get();
  return row ? parseStored(storedPicksSchema, row.submissionIdsJson, `boss_picks[${scope}:${playerId}].submission_ids_json`) : [];
}

/** Every player's picks in a scope. */
export function allPicks(db: Db, scope: string): Map<string, string[]> {
  const rows = db.select().from(bossPicks).where(eq(bossPicks.scope, scope)).all();
  return new Map(rows.map((r) => [r.playerId, parseStored(storedPicksSchema, r.submissionIdsJson, `boss_picks[${scope}:${r.playerId}].submission_ids_json`)]));
}

export function writePicks(db: Db, scope: string, playerId: string, ids: readonly string[], now: number): void {
  const set = { submissionIdsJson: JSON.stringify(ids), updatedAt: now };
  db.insert(bossPicks).values({ scope, playerId, ...set }).onConflictDoUpdate({ target: [bossPicks.scope, bossPicks.playerId], set }).run();
}

export function readReveal(db: Db, scope: string): BossReveal | null {
  const row = db.select().from(bossReveals).where(eq(bossReveals.scope, scope)).get();
  return row ? parseStored(storedRevealSchema, row.revealJson, `boss_reveals[${scope}].reveal_json`) : null;
}

export function writeReveal(db: Db, scope: string, reveal: BossReveal): void {
  db.insert(bossReveals).values({ scope, revealJson: JSON.stringify(reveal), revealedAt: reveal.revealedAt }).run();
}
