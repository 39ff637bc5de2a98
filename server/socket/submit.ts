/**
 * 'submission:submit': validate spec and weights, rate-limit, persist as 'queued', ack, then score
 * in the background. The client never sends a score; the strict payload schema refuses one.
 */
import { randomUUID } from 'node:crypto';
import { validateSubmission, validateWeights } from '../../game/submission';
import { MAX_WEIGHTS_BYTES, submitPayload } from '../protocol';
import { insertSubmission } from '../store';
import type { ArenaSocket, HandlerContext } from './context';
import { handle, refuse } from './handle';
import { limited } from './limits';
import { submitToRoom } from './rooms/submit';

const asBytes = (w: Uint8Array | ArrayBuffer) => (w instanceof Uint8Array ? w : new Uint8Array(w));

export function onSubmit(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'submission:submit', submitPayload, async (payload, reply) => {
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'register (or connect with your token) before submitting'));
    const checked = validateSubmission(payload.challengeId, payload.spec);
    if (!checked.ok) return reply(refuse(checked.error.code, checked.error.message, checked.error.issues));
    const bytes = asBytes(payload.weights);
    const weights = validateWeights(bytes, checked.shapes.totalParams, MAX_WEIGHTS_BYTES);
    if (!weights.ok) return reply(refuse(weights.error.code, weights.error.message));
    const blocked = await limited(ctx.submitLimiter, playerId, 'submissions');
    if (blocked) return reply(blocked);
    // The socket may have disconnected (or re-registered) while we waited on the limiter.
    if (socket.data.playerId !== playerId) return reply(refuse('auth/required', 'player changed during submit'));

    const submissionId = randomUUID();
    const paramCount = checked.shapes.totalParams;
    const row = {
      id: submissionId,
      challengeId: payload.challengeId,
      playerId,
      specJson: JSON.stringify(checked.spec),
      // A copy: socket.io's Buffer may be a view into a larger, reused allocation.
      weights: Buffer.from(bytes),
      paramCount,
    };
    if (payload.roomCode !== undefined) {
      const answer = await submitToRoom(ctx, payload.roomCode, { ...row, spec: checked.spec });
      if (!answer.ok) return reply(answer);
    } else {
      insertSubmission(ctx.db, { ...row, now: ctx.now() });
    }
    ctx.log.info('submission accepted', { submissionId, playerId, paramCount, room: payload.roomCode });
    reply({ ok: true, data: { submissionId, status: 'queued', paramCount } });
    ctx.scoring.enqueue(submissionId);
  });
}
