/**
 * 'room:export' (host): a round's results as CSV (default: the current or last round). The current
 * round comes from the live state; earlier ones from room_rounds.
 */
import { roundStandings } from '../../../game/room/views';
import { roomPayloads } from '../../room-protocol';
import { csvFilename, resultsCsv } from '../../rooms/csv';
import { loadRound } from '../../rooms/store';
import type { ArenaSocket, HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { knownRoom, logHostRefusal, noRoom } from './common';

export function onExport(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:export', roomPayloads.export, (p, reply) => {
    const code = knownRoom(ctx, p.code);
    if (!code) return reply(noRoom(p.code));
    if (!ctx.rooms.isHost(code, p.hostToken)) {
      const r = refuse('room/not_host', 'only the room host can export results');
      if (!r.ok) logHostRefusal(ctx, socket, 'room:export', code, r.error);
      return reply(r);
    }
    const state = ctx.rooms.peek(code);
    const number = p.round ?? state?.round?.number;
    if (!state || number === undefined) return reply(refuse('round/not_found', 'this room has not played a round yet'));
    const standings = state.round?.number === number ? roundStandings(state) : loadRound(ctx.db, code, number)?.standings;
    if (!standings) return reply(refuse('round/not_found', `this room has no round ${number}`));
    reply({ ok: true, data: { filename: csvFilename(code, number), csv: resultsCsv(standings) } });
  });
}
