/**
 * The boss's player events: 'boss:mine' (own submissions with public scores, picks, the reveal once
 * there is one), 'boss:pick' (up to two for the private board, until the reveal) and 'boss:reveal'
 * (solo: face the boss; final, and refused while the level is locked on the player's path: the rules
 * are game/boss/face.ts's). Private scores leave the server only inside a reveal.
 */
import { getModelChallenge, type ModelChallenge } from '../../game/challenges';
import { faceLocked, NOTHING_TO_REVEAL, pickStep, soloRevealStep } from '../../game/boss/face';
import { normalizeJoinCode } from '../../game/room/code';
import { revealAndStore } from '../boss/reveal';
import { readProgress } from '../progress';
import { placeScope, placeSubmissions, readPicks, readReveal, revealScope, writePicks, type BossPlace } from '../boss/store';
import type { BossMine, ServerErrorCode } from '../../protocol';
import type { Db } from '../db';
import type { ArenaSocket, HandlerContext } from './context';
import { handle, refuse } from './handle';

type Where = { challenge: ModelChallenge; place: BossPlace; revealed: boolean };
type Refused = { code: ServerErrorCode; message: string };

/** The challenge, the place (the room's current round, or solo) and whether it has been revealed. */
function locate(ctx: HandlerContext, playerId: string, challengeId: string, roomCode?: string): Where | Refused {
  const challenge = getModelChallenge(challengeId);
  if (!challenge?.boss) return { code: 'boss/not_boss', message: `${challengeId.slice(0, 64)} is not a boss level` };
  if (roomCode === undefined) {
    const place: BossPlace = { kind: 'solo', challengeId: challenge.id };
    return { challenge, place, revealed: readReveal(ctx.db, revealScope(place, playerId)) !== null };
  }
  const code = normalizeJoinCode(roomCode);
  const state = code ? ctx.rooms.peek(code) : undefined;
  if (!code || !state) return { code: 'room/not_found', message: 'no such room' };
  if (!state.players.some((p) => p.playerId === playerId) && !state.round?.entries[playerId]) return { code: 'room/not_member', message: 'join the room first' };
  const round = state.round;
  if (!round || round.settings.challengeId !== challenge.id) return { code: 'round/wrong_challenge', message: 'this room is not playing that boss' };
  return { challenge, place: { kind: 'room', code, round: round.number }, revealed: Boolean(round.revealedAt) };
}

const isError = (w: Where | Refused): w is Refused => 'code' in w;

export function onBoss(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'boss:mine', (p, reply) => {
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'no player: register first'));
    const w = locate(ctx, playerId, p.challengeId, p.roomCode);
    if (isError(w)) return reply(refuse(w.code, w.message));
    const own = placeSubmissions(ctx.db, w.place, playerId);
    const mine: BossMine = {
      submissions: own.map((s) => ({ submissionId: s.submissionId, public: s.public, publicTotal: s.publicTotal, paramCount: s.paramCount, submittedAt: s.submittedAt })),
      picks: readPicks(ctx.db, placeScope(w.place), playerId),
      reveal: w.revealed ? readReveal(ctx.db, revealScope(w.place, playerId)) : null,
      locked: faceLocked(w.place, w.challenge.id, readProgress(ctx.db, playerId)),
    };
    reply({ ok: true, data: mine });
  });

  handle(ctx, socket, 'boss:pick', (p, reply) => {
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'no player: register first'));
    const w = locate(ctx, playerId, p.challengeId, p.roomCode);
    if (isError(w)) return reply(refuse(w.code, w.message));
    const step = pickStep(w.revealed, placeSubmissions(ctx.db, w.place, playerId), p.submissionIds);
    if (!step.ok) return reply(refuse(step.error.code, step.error.message));
    writePicks(ctx.db, placeScope(w.place), playerId, step.picks, ctx.now());
    reply({ ok: true, data: { picks: step.picks } });
  });

  handle(ctx, socket, 'boss:reveal', (p, reply) => {
    const playerId = socket.data.playerId;
    const nickname = socket.data.nickname;
    if (!playerId || nickname === undefined) return reply(refuse('auth/required', 'no player: register first'));
    const w = locate(ctx, playerId, p.challengeId);
    if (isError(w)) return reply(refuse(w.code, w.message));
    const { challenge, place } = w;
    const boss = challenge.boss;
    if (!boss) return reply(refuse('boss/not_boss', 'not a boss level'));
    const out = ctx.db.transaction((t) => {
      // drizzle's transaction type lacks the client handle; the queries used here do not need it.
      const tx = t as unknown as Db;
      const step = soloRevealStep(challenge.id, readProgress(tx, playerId), readReveal(tx, revealScope(place, playerId)));
      if (step.kind !== 'reveal') return step;
      const players = new Map([[playerId, nickname]]);
      const reveal = revealAndStore(tx, { place, challengeId: challenge.id, boss, players, onlyPlayer: playerId, now: ctx.now() });
      return reveal ? { kind: 'replay' as const, reveal } : { kind: 'refuse' as const, error: NOTHING_TO_REVEAL };
    });
    if (out.kind === 'refuse') return reply(refuse(out.error.code, out.error.message));
    const reveal = out.reveal;
    ctx.log.info('boss revealed', { playerId, challengeId: challenge.id, health: reveal.bossHealth });
    reply({ ok: true, data: reveal });
  });
}
