/**
 * Stars per player and challenge (the solo path's progress). Written in the same transaction as the
 * score that earned them; what to store is game/stars.ts raisedStars (stars only ever go up).
 */
import { and, eq } from 'drizzle-orm';
import { isChallengeId } from '../game/challenges';
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
  for (const { challengeId, stars } of rows) {
    // A row of a challenge since removed, or a count outside 0..3, is not progress on this path.
    if (isChallengeId(challengeId) && (stars === 0 || stars === 1 || stars === 2 || stars === 3)) out[challengeId] = stars;
  }
  return out;
}

export function playerNickname(db: Db, playerId: string): string | undefined {
  return db.select({ nickname: players.nickname }).from(players).where(eq(players.id, playerId)).get()?.nickname;
}
