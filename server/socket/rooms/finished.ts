/**
 * 'rooms:finished': the rounds their teachers published, newest first, for leaderboard browsing. A
 * round nobody published is not listed, and no listing carries a join code (rooms may still be open):
 * each round is addressed by its random public id.
 */
import { podium } from '../../../game/room/views';
import type { FinishedRoundSummary } from '../../../protocol';
import { publishedRounds, type StoredRound } from '../../rooms/store';
import type { ArenaSocket, HandlerContext } from '../context';
import { handle } from '../handle';

/** Rounds listed when the client does not say how many. */
export const FINISHED_ROUNDS_DEFAULT = 20;

export const summary = (r: StoredRound): FinishedRoundSummary => ({
  publicId: r.publicId,
  round: r.number,
  challengeId: r.challengeId,
  endedAt: r.endedAt ?? 0,
  players: r.standings.length,
  top: podium(r.standings),
});

export function onFinished(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'rooms:finished', (p, reply) => {
    reply({ ok: true, data: publishedRounds(ctx.db, p?.limit ?? FINISHED_ROUNDS_DEFAULT).map(summary) });
  });
}
