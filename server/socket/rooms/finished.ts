/** 'rooms:finished': the most recently finished rounds of every room, for leaderboard browsing. */
import { podium } from '../../../game/room/views';
import type { FinishedRoundSummary } from '../../room-protocol';
import { roomPayloads } from '../../room-protocol';
import { finishedRounds, type StoredRound } from '../../rooms/store';
import type { ArenaSocket, HandlerContext } from '../context';
import { handle } from '../handle';

/** Rounds listed when the client does not say how many. */
export const FINISHED_ROUNDS_DEFAULT = 20;

export const summary = (r: StoredRound): FinishedRoundSummary => ({
  code: r.code,
  round: r.number,
  challengeId: r.challengeId,
  endedAt: r.endedAt ?? 0,
  players: r.standings.length,
  top: podium(r.standings),
});

export function onFinished(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'rooms:finished', roomPayloads.finished, (p, reply) => {
    reply({ ok: true, data: finishedRounds(ctx.db, p?.limit ?? FINISHED_ROUNDS_DEFAULT).map(summary) });
  });
}
