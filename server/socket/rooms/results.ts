/**
 * 'room:results': the final standings of one finished round (public, like every leaderboard). A round
 * still running is not shown: its leaderboard may be hidden from the class. A boss round's standings
 * are the public board; its private board comes with the teacher's reveal, and only after it.
 */
import { isBossLevel } from '../../../game/challenges';
import { normalizeJoinCode } from '../../../game/room/code';
import { placeScope, readReveal } from '../../boss/store';
import { roomPayloads } from '../../room-protocol';
import { loadRound } from '../../rooms/store';
import type { ArenaSocket, HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { summary } from './finished';

export function onResults(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:results', roomPayloads.results, (p, reply) => {
    const code = normalizeJoinCode(p.code);
    const round = code ? loadRound(ctx.db, code, p.round) : undefined;
    if (!round) return reply(refuse('round/not_found', `no round ${p.round} in room ${p.code.slice(0, 40)}`));
    if (round.endedAt === null) return reply(refuse('round/not_finished', 'this round is still running'));
    const boss = isBossLevel(round.challengeId);
    const reveal = boss ? readReveal(ctx.db, placeScope({ kind: 'room', code: round.code, round: round.number })) : null;
    reply({ ok: true, data: { ...summary(round), standings: round.standings, ...(boss ? { reveal } : {}) } });
  });
}
