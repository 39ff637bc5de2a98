/**
 * 'progress:get' (the caller's stars on the solo path) and 'run:get' (a scored submission's spec
 * and seed, so anyone can train the same run again: public for a solo submission; a room's stays with
 * its room's host and players until the teacher publishes the round).
 */
import { getChallenge } from '../../game/challenges';
import { parseModelSpec } from '../../models/spec';
import { playerNickname, readProgress } from '../progress';
import type { RunView } from '../../protocol';
import { maySeeRoom } from '../rooms/access';
import { getSubmission, onPublicBoard } from '../store';
import { storedPlayEntry } from '../stored/run';
import type { ArenaSocket, HandlerContext } from './context';
import { handle, refuse } from './handle';

export function onProgress(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'progress:get', (_payload, reply) => {
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'no player: register first'));
    reply({ ok: true, data: { progress: readProgress(ctx.db, playerId) } });
  });

  handle(ctx, socket, 'run:get', (payload, reply) => {
    const sub = getSubmission(ctx.db, payload.submissionId);
    const challenge = sub ? getChallenge(sub.challengeId) : undefined;
    if (!sub || !challenge || sub.status !== 'scored') return reply(refuse('run/not_found', 'no scored submission with this id'));
    const own = sub.playerId === socket.data.playerId;
    if (sub.roomCode && !own && !onPublicBoard(ctx.db, sub) && !maySeeRoom(ctx, socket, { code: sub.roomCode, hostToken: payload.hostToken })) {
      // Says no more than that this run is not public: no challenge, nickname, score or room.
      return reply(refuse('run/private', "this run belongs to a class round that only its room can see"));
    }
    const spec = challenge.kind === 'model' ? parseModelSpec(JSON.parse(sub.specJson) as unknown) : null;
    const view: RunView = {
      submissionId: sub.id,
      challengeId: challenge.id,
      nickname: playerNickname(ctx.db, sub.playerId) ?? '?',
      spec: spec?.ok ? spec.spec : null,
      entry: challenge.kind === 'model' ? null : storedPlayEntry(sub.specJson, sub.id),
      score: sub.score,
      submittedAt: new Date(sub.createdAt).toISOString(),
    };
    reply({ ok: true, data: view });
  });
}
