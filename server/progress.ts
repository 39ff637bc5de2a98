/**
 * Stars per player and challenge (the solo path's progress). Written in the same transaction as the
 * score that earned them; what to store is game/stars.ts raisedStars (stars only ever go up).
 */
import { and, eq } from 'drizzle-orm';
import { CHALLENGE_IDS, type ChallengeId } from '../game/challenges';
import type { Progress } from '../game/solo/path';
import { raisedStars, type Stars } from '../game/stars';
import { players, progress } from '../drizzle/schema';
import type { Db } from './db';

export function recordStars(db: Db, playerId: string, challengeId: string, earned: Stars, now: number): void {
  const key = and(eq(progress.playerId, playerId), eq(progress.challengeId, challengeId));
  const prev = db.select({ stars: progress.stars }).from(progress).where(key).get();
  const stars = raisedStars(prev?.stars, earned);
  if (stars === null) return;
  db.insert(progress)
    .values({ playerId, challengeId, stars, updatedAt: now })
    .onConflictDoUpdate({ target: [progress.playerId, progress.challengeId], set: { stars, updatedAt: now } })
    .run();
}

export function readProgress(db: Db, playerId: string): Progress {
  const rows = db.select().from(progress).where(eq(progress.playerId, playerId)).all();
  const out: Progress = {};
  for (const row of rows) {
    if ((CHALLENGE_IDS as readonly string[]).includes(row.challengeId)) out[row.challengeId as ChallengeId] = row.stars as Stars;
  }
  return out;
}

export function playerNickname(db: Db, playerId: string): string | undefined {
  return db.select({ nickname: players.nickname }).from(players).where(eq(players.id, playerId)).get()?.nickname;
}
