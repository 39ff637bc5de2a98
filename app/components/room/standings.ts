/** Sorting the final standings table by any column (pure, for the results tables). */
import type { RoundStanding } from '../../../game/room/views';

export type StandingsKey = 'rank' | 'nickname' | 'score' | 'submissions' | 'paramCount' | 'bestAt';
export type SortDir = 'asc' | 'desc';

/** Natural first direction per column: the best at the top (rank 1, highest score, fewest params). */
export const DEFAULT_DIR: Record<StandingsKey, SortDir> = {
  rank: 'asc',
  nickname: 'asc',
  score: 'desc',
  submissions: 'desc',
  paramCount: 'asc',
  bestAt: 'asc',
};

/** A sorted copy; ties keep rank order so equal rows never shuffle between renders. */
export function sortStandings(rows: readonly RoundStanding[], key: StandingsKey, dir: SortDir, locale = 'en'): RoundStanding[] {
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...rows].sort((a, b) => {
    const c = key === 'nickname' ? collator.compare(a.nickname, b.nickname) : a[key] - b[key];
    return c !== 0 ? sign * c : a.rank - b.rank;
  });
}
