/** 'leaderboard:subscribe' / 'leaderboard:unsubscribe': rooms `lb:<challengeId>`. */
import { getChallenge } from '../../game/challenges';
import { leaderboardView } from '../store';
import { leaderboardRoom, type ArenaSocket, type HandlerContext } from './context';
import { handle, refuse } from './handle';

export function onLeaderboard(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'leaderboard:subscribe', async ({ challengeId }, reply) => {
    if (!getChallenge(challengeId)) return reply(refuse('challenge/unknown', `unknown challenge ${challengeId}`));
    await socket.join(leaderboardRoom(challengeId));
    reply({ ok: true, data: leaderboardView(ctx.db, challengeId) });
  });
  handle(ctx, socket, 'leaderboard:unsubscribe', async ({ challengeId }, reply) => {
    await socket.leave(leaderboardRoom(challengeId));
    reply({ ok: true, data: null });
  });
}
