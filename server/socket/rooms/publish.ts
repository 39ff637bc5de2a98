/**
 * 'room:publish' (host): an ended round's results become public (class rounds, with nicknames; its
 * submissions on the challenge boards) or private again. The reducer decides (host, a round that
 * ended); in the same transaction the round's row and every affected board entry are rewritten, then
 * the board's watchers get the new view and the host's screen the new state.
 */
import { loadRound, setRoundPublished } from '../../rooms/store';
import { leaderboardView, refreshRoundOnBoards } from '../../store';
import type { ArenaSocket, HandlerContext } from '../context';
import { leaderboardRoom } from '../context';
import { handle, refuse } from '../handle';
import { actorFor, hostedOrRefused, logHostRefusal } from './common';

export function onPublish(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:publish', async (p, reply) => {
    const code = hostedOrRefused(ctx, socket, 'room:publish', p, reply);
    if (!code) return;
    let board: string | null = null;
    let publishedAt: number | null = null;
    const actor = actorFor(ctx, socket, code, p.hostToken);
    const out = await ctx.rooms.dispatch(code, (now) => ({ type: 'publish', actor, round: p.round, published: p.published, now }), {
      write: (tx, accepted, a) => {
        if (!accepted) return;
        const current = a.state.round?.number === p.round ? a.state.round : null;
        // The current round's row was just written from its state; an earlier round's is set here.
        publishedAt = current ? (current.publishedAt ?? null) : p.published ? a.now : null;
        const challengeId = setRoundPublished(tx, code, p.round, publishedAt);
        if (challengeId && refreshRoundOnBoards(tx, code, p.round, challengeId)) board = challengeId;
      },
    });
    if (!out.ok) {
      logHostRefusal(ctx, socket, 'room:publish', code, out.error);
      return reply(refuse(out.error.code, out.error.message));
    }
    const changed: string | null = board;
    if (changed) ctx.io.to(leaderboardRoom(changed)).emit('leaderboard:update', leaderboardView(ctx.db, changed));
    const stored = loadRound(ctx.db, code, p.round);
    ctx.log.info(p.published ? 'room round published' : 'room round withdrawn', { code, round: p.round, board: changed });
    reply({ ok: true, data: { round: p.round, publicId: stored?.publicId ?? '', publishedAt: stored?.publishedAt ?? publishedAt } });
  });
}
