/**
 * 'room:reveal' (host): a boss round that ended is revealed. The reducer decides (host, boss round,
 * ended, once, nothing pending); in the same transaction the reveal is built from every player's
 * hidden scores and picks and stored; then every screen in the room gets it at once.
 */
import { getModelChallenge } from '../../../game/challenges';
import type { BossReveal } from '../../../game/boss/reveal';
import type { RoomState } from '../../../game/room/types';
import { revealAndStore } from '../../boss/reveal';
import { placeScope, readReveal } from '../../boss/store';
import type { ArenaSocket, HandlerContext } from '../context';
import { roomHostChannel, roomPlayersChannel } from '../context';
import { handle, refuse } from '../handle';
import { actorFor, hostedOrRefused, logHostRefusal } from './common';

/** Room nicknames, including players who left or were removed after submitting. */
function nicknames(state: RoomState): Map<string, string> {
  const names = new Map<string, string>();
  for (const [id, e] of Object.entries(state.round?.entries ?? {})) if (e.nickname) names.set(id, e.nickname);
  for (const p of state.players) names.set(p.playerId, p.nickname);
  return names;
}

export function onReveal(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:reveal', async (p, reply) => {
    const code = hostedOrRefused(ctx, socket, 'room:reveal', p, reply);
    if (!code) return;
    let reveal: BossReveal | null = null;
    const out = await ctx.rooms.dispatch(code, (now) => ({ type: 'reveal', actor: actorFor(ctx, socket, code, p.hostToken), now }), {
      write: (tx, accepted, a) => {
        const round = a.state.round;
        const boss = round && getModelChallenge(round.settings.challengeId)?.boss;
        if (!accepted || !round || !boss) return;
        const place = { kind: 'room' as const, code, round: round.number };
        reveal = revealAndStore(tx, { place, challengeId: round.settings.challengeId, boss, players: nicknames(a.state), now: a.now });
      },
    });
    // The host asking again (a reload after the reveal) gets the stored reveal back, emitted to nobody.
    const round = out.state?.round;
    if (!out.ok && out.error.code === 'round/already_revealed' && round && ctx.rooms.isHost(code, p.hostToken)) {
      const stored = readReveal(ctx.db, placeScope({ kind: 'room', code, round: round.number }));
      if (stored) return reply({ ok: true, data: stored });
    }
    if (!out.ok) {
      logHostRefusal(ctx, socket, 'room:reveal', code, out.error);
      return reply(refuse(out.error.code, out.error.message));
    }
    const number = out.state.round?.number ?? 0;
    const shown: BossReveal = reveal ?? { challengeId: out.state.round?.settings.challengeId ?? '', rows: [], bossHealth: 100, revealedAt: out.state.round?.revealedAt ?? 0 };
    ctx.io.to([roomPlayersChannel(code), roomHostChannel(code)]).emit('room:revealed', { ...shown, code, round: number });
    ctx.log.info('room revealed', { code, round: number, players: shown.rows.length, health: shown.bossHealth });
    reply({ ok: true, data: shown });
  });
}
