/**
 * A round's results for the teacher's spreadsheet: every player who took part in the round, ranked
 * ones first, then those who never got a score (0 submissions, empty best) by nickname. Times in ISO
 * 8601 UTC and on the teacher's wall clock.
 */
import { DEFAULT_TIME_ZONE, canonicalTimeZone, localDateTime } from '../time-zone';
import type { RoomState } from './types';
import type { RoundStanding } from './views';

/** A player who took part in a round, scored or not. */
export interface RosterPlayer {
  playerId: string;
  nickname: string;
  /** Submissions accepted in the round (a failed or pending one counts, as against the limit). */
  submissions: number;
}

/**
 * Who took part in a round: the room's players who had joined by the time it ended (everyone, while it
 * runs), with their submission counts from `entries` (absent: 0). A player who joined after the end
 * did not play it; a kicked player is no longer among the players and keeps only a ranked row.
 */
export function roundRoster(
  state: Pick<RoomState, 'players'>,
  round: { endedAt: number | null },
  submissions: Readonly<Record<string, { submissions: number } | undefined>> = {},
): RosterPlayer[] {
  return state.players
    .filter((p) => round.endedAt === null || p.joinedAt <= round.endedAt)
    .map((p) => ({ playerId: p.playerId, nickname: p.nickname, submissions: submissions[p.playerId]?.submissions ?? 0 }));
}

export const CSV_HEADER = ['rank', 'nickname', 'best_score', 'submissions', 'model_params', 'time_of_best_utc', 'time_of_best_local', 'time_zone'] as const;

const byNickname = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Rows for the results CSV: the ranked players in rank order (score as a percentage), then every other
 * player of the roster by nickname with their submissions and empty rank, best, size and times.
 * `timeZone`: the teacher's IANA zone for the local-time column (unknown: UTC).
 */
export function resultRows(standings: readonly RoundStanding[], roster: readonly RosterPlayer[] = [], timeZone: string = DEFAULT_TIME_ZONE): (string | number)[][] {
  const zone = canonicalTimeZone(timeZone) ?? DEFAULT_TIME_ZONE;
  const ranked = standings.map((s) => [s.rank, s.nickname, (s.score * 100).toFixed(2), s.submissions, s.paramCount, new Date(s.bestAt).toISOString(), localDateTime(s.bestAt, zone), zone]);
  const seen = new Set(standings.map((s) => s.playerId));
  const rest = roster
    .filter((p) => !seen.has(p.playerId))
    .sort((a, b) => byNickname.compare(a.nickname, b.nickname) || (a.playerId < b.playerId ? -1 : a.playerId > b.playerId ? 1 : 0))
    .map((p) => ['', p.nickname, '', p.submissions, '', '', '', '']);
  return [...ranked, ...rest];
}
