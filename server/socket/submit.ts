/**
 * 'submission:submit' (a trained model: spec and weights) and 'play:submit' (a play challenge's
 * entry): validate, rate-limit, persist as 'queued', ack, then score in the background. The client
 * never sends a score; the strict payload schemas refuse one.
 */
import { randomUUID } from 'node:crypto';
import { getChallenge } from '../../game/challenges';
import { playEntrySchema } from '../../game/solo/play';
import { validateSubmission, validateWeights } from '../../game/submission';
import type { ModelSpec } from '../../models/spec';
import { MAX_WEIGHTS_BYTES, playSubmitPayload, submitPayload } from '../protocol';
import { insertSubmission } from '../store';
import type { ArenaSocket, HandlerContext } from './context';
import { handle, refuse, type Reply } from './handle';
import { limited } from './limits';
import { submitToRoom } from './rooms/submit';

const asBytes = (w: Uint8Array | ArrayBuffer) => (w instanceof Uint8Array ? w : new Uint8Array(w));
const NO_WEIGHTS = Buffer.alloc(0);

interface Accepted {
  challengeId: string;
  specJson: string;
  weights: Buffer;
  paramCount: number;
  spec: ModelSpec | null;
  roomCode: string | undefined;
}

/** Rate limit, persist (through the room when there is one), ack, enqueue. */
async function accept(ctx: HandlerContext, socket: ArenaSocket, playerId: string, a: Accepted, reply: Reply): Promise<void> {
  const blocked = await limited(ctx.submitLimiter, playerId, 'submissions');
  if (blocked) return reply(blocked);
  // The socket may have disconnected (or re-registered) while we waited on the limiter.
  if (socket.data.playerId !== playerId) return reply(refuse('auth/required', 'player changed during submit'));
  const submissionId = randomUUID();
  const { roomCode, spec, ...fields } = a;
  const row = { id: submissionId, playerId, ...fields };
  if (roomCode !== undefined) {
    const answer = await submitToRoom(ctx, roomCode, { ...row, spec });
    if (!answer.ok) return reply(answer);
  } else {
    insertSubmission(ctx.db, { ...row, now: ctx.now() });
  }
  ctx.log.info('submission accepted', { submissionId, playerId, challengeId: a.challengeId, paramCount: a.paramCount, room: roomCode });
  reply({ ok: true, data: { submissionId, status: 'queued', paramCount: a.paramCount } });
  ctx.scoring.enqueue(submissionId);
}

export function onSubmit(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'submission:submit', submitPayload, async (payload, reply) => {
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'register (or connect with your token) before submitting'));
    const checked = validateSubmission(payload.challengeId, payload.spec);
    if (!checked.ok) return reply(refuse(checked.error.code, checked.error.message, checked.error.issues));
    const bytes = asBytes(payload.weights);
    const weights = validateWeights(bytes, checked.shapes.totalParams, MAX_WEIGHTS_BYTES);
    if (!weights.ok) return reply(refuse(weights.error.code, weights.error.message));
    await accept(ctx, socket, playerId, {
      challengeId: payload.challengeId,
      specJson: JSON.stringify(checked.spec),
      // A copy: socket.io's Buffer may be a view into a larger, reused allocation.
      weights: Buffer.from(bytes),
      paramCount: checked.shapes.totalParams,
      spec: checked.spec,
      roomCode: payload.roomCode,
    }, reply);
  });

  handle(ctx, socket, 'play:submit', playSubmitPayload, async (payload, reply) => {
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'register (or connect with your token) before submitting'));
    const challenge = getChallenge(payload.challengeId);
    if (!challenge) return reply(refuse('challenge/unknown', `unknown challenge ${payload.challengeId.slice(0, 64)}`));
    if (challenge.kind === 'model') return reply(refuse('play/not_play', `${challenge.id} takes a trained model (submission:submit)`));
    const entry = playEntrySchema.safeParse(payload.entry);
    if (!entry.success || entry.data.kind !== challenge.kind) {
      const issues = entry.success ? [{ path: 'entry.kind', message: `entry.kind: expected ${challenge.kind}` }] : entry.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: `${i.path.join('.')}: ${i.message}` }));
      return reply(refuse('play/invalid', `the ${challenge.kind} entry is not valid`, issues));
    }
    await accept(ctx, socket, playerId, {
      challengeId: challenge.id,
      specJson: JSON.stringify(entry.data),
      weights: NO_WEIGHTS,
      paramCount: 0,
      spec: null,
      roomCode: payload.roomCode,
    }, reply);
  });
}
