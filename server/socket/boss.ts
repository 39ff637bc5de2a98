/**
 * The boss's player events: 'boss:mine' (own submissions with public scores, picks, the reveal once
 * there is one), 'boss:pick' (up to two for the private board, until the reveal) and 'boss:reveal'
 * (solo: face the boss; final, and refused while the level is locked on the player's path, game/boss/
 * face.ts). Private scores leave the server only inside a reveal.
 */
import { getModelChallenge, type ModelChallenge } from '../../game/challenges';
import { faceRefusal } from '../../game/boss/face';
import { validateSelection } from '../../game/boss/rules';
import { normalizeJoinCode } from '../../game/room/code';
import { revealAndStore } from '../boss/reveal';
import { readProgress } from '../progress';
import { placeScope, placeSubmissions, readPicks, readReveal, revealScope, writePicks, type BossPlace } from '../boss/store';
import { bossMinePayload, bossPickPayload, bossRevealPayload, type ApiError, type BossMine } from '../../protocol';
import type { Db } from '../db';
import type { ArenaSocket, HandlerContext } from './context';
import { handle, refuse } from './handle';

type Where = { challenge: ModelChallenge; place: BossPlace; revealed: boolean };

/** The challenge, the place (the room's current round, or solo) and whether it has been revealed. */
function locate(ctx: HandlerContext, playerId: string, challengeId: string, roomCode?: string): Where | ApiError {
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

const isError = (w: Where | ApiError): w is ApiError => 'code' in w;

export function onBoss(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'boss:mine', bossMinePayload, (p, reply) => {
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'no player: register first'));
    const w = locate(ctx, playerId, p.challengeId, p.roomCode);
    if (isError(w)) return reply(refuse(w.code, w.message));
    const own = placeSubmissions(ctx.db, w.place, playerId);
    const mine: BossMine = {
      submissions: own.map((s) => ({ submissionId: s.submissionId, public: s.public, publicTotal: s.publicTotal, paramCount: s.paramCount, submittedAt: s.submittedAt })),
      picks: readPicks(ctx.db, placeScope(w.place), playerId),
      reveal: w.revealed ? readReveal(ctx.db, revealScope(w.place, playerId)) : null,
      // A room's boss is the teacher's pick: the path gates only solo play.
      locked: w.place.kind === 'solo' && faceRefusal(w.challenge.id, readProgress(ctx.db, playerId)) !== null,
    };
    reply({ ok: true, data: mine });
  });

  handle(ctx, socket, 'boss:pick', bossPickPayload, (p, reply) => {
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'no player: register first'));
    const w = locate(ctx, playerId, p.challengeId, p.roomCode);
    if (isError(w)) return reply(refuse(w.code, w.message));
    if (w.revealed) return reply(refuse('boss/revealed', 'the private board has been revealed; picks are final'));
    const ids = [...new Set(p.submissionIds)];
    const bad = validateSelection(placeSubmissions(ctx.db, w.place, playerId), ids);
    if (bad) return reply(refuse(bad.code, bad.message));
    writePicks(ctx.db, placeScope(w.place), playerId, ids, ctx.now());
    reply({ ok: true, data: { picks: ids } });
  });

  handle(ctx, socket, 'boss:reveal', bossRevealPayload, (p, reply) => {
    const playerId = socket.data.playerId;
    const nickname = socket.data.nickname;
    if (!playerId || nickname === undefined) return reply(refuse('auth/required', 'no player: register first'));
    const w = locate(ctx, playerId, p.challengeId);
    if (isError(w)) return reply(refuse(w.code, w.message));
    const { challenge, place } = w;
    const boss = challenge.boss;
    if (!boss) return reply(refuse('boss/not_boss', 'not a boss level'));
    const locked = faceRefusal(challenge.id, readProgress(ctx.db, playerId));
    if (locked) return reply(refuse(locked.code, locked.message));
    const reveal = ctx.db.transaction((t) => {
      // drizzle's transaction type lacks the client handle; the queries used here do not need it.
      const tx = t as unknown as Db;
      const done = readReveal(tx, revealScope(place, playerId));
      if (done) return done;
      const players = new Map([[playerId, nickname]]);
      return revealAndStore(tx, { place, challengeId: challenge.id, boss, players, onlyPlayer: playerId, now: ctx.now() });
    });
    if (!reveal) return reply(refuse('boss/nothing_to_reveal', 'submit a model first: the boss fights your submissions'));
    ctx.log.info('boss revealed', { playerId, challengeId: challenge.id, health: reveal.bossHealth });
    reply({ ok: true, data: reveal });
  });
}
