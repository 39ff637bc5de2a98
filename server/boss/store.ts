/** Boss rows: a scope's scored submissions with their hidden accuracies, the picks, the reveals. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { BossReveal } from '../../game/boss/reveal';
import type { BossSubmission } from '../../game/boss/rules';
import { bossPicks, bossReveals, submissions } from '../../drizzle/schema';
import type { Db } from '../db';

/** Where a boss submission was made: a room's round, or the solo level. */
export type BossPlace = { kind: 'room'; code: string; round: number } | { kind: 'solo'; challengeId: string };

export const placeScope = (p: BossPlace) => (p.kind === 'room' ? `room:${p.code}:${p.round}` : `solo:${p.challengeId}`);
/** A solo reveal is one player's; a room's is the round's. */
export const revealScope = (p: BossPlace, playerId: string) => (p.kind === 'room' ? placeScope(p) : `${placeScope(p)}:${playerId}`);

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
  return row ? (JSON.parse(row.submissionIdsJson) as string[]) : [];
}

/** Every player's picks in a scope. */
export function allPicks(db: Db, scope: string): Map<string, string[]> {
  const rows = db.select().from(bossPicks).where(eq(bossPicks.scope, scope)).all();
  return new Map(rows.map((r) => [r.playerId, JSON.parse(r.submissionIdsJson) as string[]]));
}

export function writePicks(db: Db, scope: string, playerId: string, ids: readonly string[], now: number): void {
  const set = { submissionIdsJson: JSON.stringify(ids), updatedAt: now };
  db.insert(bossPicks).values({ scope, playerId, ...set }).onConflictDoUpdate({ target: [bossPicks.scope, bossPicks.playerId], set }).run();
}

export function readReveal(db: Db, scope: string): BossReveal | null {
  const row = db.select().from(bossReveals).where(eq(bossReveals.scope, scope)).get();
  return row ? (JSON.parse(row.revealJson) as BossReveal) : null;
}

export function writeReveal(db: Db, scope: string, reveal: BossReveal): void {
  db.insert(bossReveals).values({ scope, revealJson: JSON.stringify(reveal), revealedAt: reveal.revealedAt }).run();
}
