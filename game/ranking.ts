/** Leaderboard order: best score first; on a tie the earlier submission wins. Which submissions may be on it. */

export interface RankableEntry {
  /** Player the entry belongs to; the final tie-break, so the order is total. */
  playerId: string;
  /** Accuracy on the hidden test split, 0..1. */
  score: number;
  /** Epoch milliseconds of the submission's acceptance. */
  submittedAt: number;
}

/** Negative when `a` ranks above `b`. */
export function compareEntries(a: RankableEntry, b: RankableEntry): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt - b.submittedAt;
  return a.playerId < b.playerId ? -1 : a.playerId > b.playerId ? 1 : 0;
}

/**
 * Does `next` replace the player's current best `prev`? Only a strictly higher score does: an equal
 * score later would lose the tie-break, and keeping the earlier entry keeps its rank.
 */
export function isImprovement(prev: Pick<RankableEntry, 'score'> | undefined, next: Pick<RankableEntry, 'score'>): boolean {
  return prev === undefined || next.score > prev.score;
}

/** Sorts and numbers entries 1..n; ties are broken as in compareEntries, so ranks are distinct. */
export function rankRows<T extends RankableEntry>(entries: readonly T[]): (T & { rank: number })[] {
  return [...entries].sort(compareEntries).map((entry, i) => ({ ...entry, rank: i + 1 }));
}

/**
 * Whether a scored submission may be on the public challenge board: a solo one at once; a room
 * round's only once the teacher published that round (never while it runs, nor while its board is
 * hidden), so students' names and scores stay in their class until then.
 */
export function onPublicBoard(s: { inRoom: boolean; roundPublished: boolean }): boolean {
  return !s.inRoom || s.roundPublished;
}
