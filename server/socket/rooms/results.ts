/**
 * 'room:results': the final standings of one finished round. By code and number for the room's host
 * (token) and players; by public id for anyone, once the teacher published the round. Anyone else
 * gets one refusal whether or not the round exists. A round still running is not shown: its
 * leaderboard may be hidden from the class. A boss round's standings are the public board; its
 * private board comes with the teacher's reveal, and only after it.
 */
import { isBossLevel } from '../../../game/challenges';
import { normalizeJoinCode } from '../../../game/room/code';
import { placeScope, readReveal } from '../../boss/store';
import type { RoundResultsQuery, ServerErrorCode } from '../../../protocol';
import { maySeeRoom } from '../../rooms/access';
import { loadPublishedRound, loadRound, type StoredRound } from '../../rooms/store';
import type { ArenaSocket, HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { summary } from './finished';

type Found = { ok: true; round: StoredRound } | { ok: false; code: ServerErrorCode; message: string };

const PRIVATE: Found = { ok: false, code: 'round/private', message: "only this room's host and players can see this round until the teacher publishes it" };

function find(ctx: HandlerContext, socket: ArenaSocket, q: RoundResultsQuery): Found {
  if ('publicId' in q) {
    const round = loadPublishedRound(ctx.db, q.publicId);
    return round ? { ok: true, round } : { ok: false, code: 'round/not_found', message: 'no published round with this id' };
  }
  const code = normalizeJoinCode(q.code);
  const round = code ? loadRound(ctx.db, code, q.round) : undefined;
  const room = code ? { code, hostToken: q.hostToken } : null;
  // The room's own people learn that a round does not exist; an outsider learns nothing either way.
  if (!room || !maySeeRoom(ctx, socket, { ...room, playedBy: round?.standings.map((s) => s.playerId) })) return PRIVATE;
  return round ? { ok: true, round } : { ok: false, code: 'round/not_found', message: `no round ${q.round} in this room` };
}

export function onResults(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:results', (p, reply) => {
    const found = find(ctx, socket, p);
    if (!found.ok) return reply(refuse(found.code, found.message));
    const { round } = found;
    if (round.endedAt === null) return reply(refuse('round/not_finished', 'this round is still running'));
    const boss = isBossLevel(round.challengeId);
    const reveal = boss ? readReveal(ctx.db, placeScope({ kind: 'room', code: round.code, round: round.number })) : null;
    reply({ ok: true, data: { ...summary(round), standings: round.standings, publishedAt: round.publishedAt, ...(boss ? { reveal } : {}) } });
  });
}
