/**
 * 'room:export' (host): a round's results as CSV (default: the current or last round), one row per
 * player who took part, times in UTC and in the teacher's time zone (the browser's, sent with the
 * request; UTC without one). The current round comes from the live state; earlier ones from
 * room_rounds, with the room's players who had joined by that round's end.
 */
import { and, count, eq } from 'drizzle-orm';
import { roundRoster, roundStandings, type RosterPlayer, type RoundStanding } from '../../../game/room/views';
import { DEFAULT_TIME_ZONE } from '../../../game/time-zone';
import type { RoomState } from '../../../game/room/types';
import { submissions } from '../../../drizzle/schema';
import type { Db } from '../../db';
import { csvFilename, resultsCsv } from '../../rooms/csv';
import { loadRound } from '../../rooms/store';
import type { ArenaSocket, HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { hostedOrRefused } from './common';

/** Submissions per player in an earlier round (the live state only holds the current one). */
function storedCounts(db: Db, code: string, round: number): Record<string, { submissions: number }> {
  const rows = db
    .select({ playerId: submissions.playerId, n: count() })
    .from(submissions)
    .where(and(eq(submissions.roomCode, code), eq(submissions.roundNumber, round)))
    .groupBy(submissions.playerId)
    .all();
  return Object.fromEntries(rows.map((r) => [r.playerId, { submissions: r.n }]));
}

function roundResults(db: Db, state: RoomState, code: string, number: number): { standings: RoundStanding[]; roster: RosterPlayer[] } | null {
  if (state.round?.number === number) return { standings: roundStandings(state), roster: roundRoster(state, state.round, state.round.entries) };
  const stored = loadRound(db, code, number);
  if (!stored) return null;
  return { standings: stored.standings, roster: roundRoster(state, stored, storedCounts(db, code, number)) };
}

export function onExport(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:export', (p, reply) => {
    const code = hostedOrRefused(ctx, socket, 'room:export', p, reply);
    if (!code) return;
    const state = ctx.rooms.peek(code);
    const number = p.round ?? state?.round?.number;
    if (!state || number === undefined) return reply(refuse('round/not_found', 'this room has not played a round yet'));
    const results = roundResults(ctx.db, state, code, number);
    if (!results) return reply(refuse('round/not_found', `this room has no round ${number}`));
    const csv = resultsCsv(results.standings, results.roster, p.timeZone ?? DEFAULT_TIME_ZONE);
    reply({ ok: true, data: { filename: csvFilename(code, number), csv } });
  });
}
