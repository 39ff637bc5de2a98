/**
 * 'submission:submit' (a trained model: spec and weights) and 'play:submit' (a play challenge's
 * entry): validate, rate-limit, persist as 'queued', ack, then score in the background. The client
 * never sends a score; the strict payload schemas refuse one.
 */
import { randomUUID } from 'node:crypto';
import { getChallenge } from '../../game/challenges';
import { playEntrySchema } from '../../game/solo/play';
import { validateSubmission, validateWeights } from '../../game/submission';
import type { Checked } from '../scoring/service';
import { MAX_WEIGHTS_BYTES, type Result } from '../../protocol';
import { insertSubmission } from '../store';
import type { ArenaSocket, HandlerContext } from './context';
import { handle, refuse, type Reply } from './handle';
import { check } from './limits';
import { submitToRoom } from './rooms/submit';

const asBytes = (w: Uint8Array | ArrayBuffer) => (w instanceof Uint8Array ? w : new Uint8Array(w));
const NO_WEIGHTS = Buffer.alloc(0);

interface Accepted {
  challengeId: string;
  specJson: string;
  weights: Buffer;
  paramCount: number;
  /** What the scoring service judges, parsed here once (it does not parse the stored row again). */
  checked: Checked;
  roomCode: string | undefined;
}

/** Submissions past the rate limits but not yet handed to scoring, per player (see queueFull). */
const admitting = new WeakMap<HandlerContext, Map<string, number>>();

/**
 * A player's submissions waiting for or in a scoring worker, plus those being admitted right now,
 * reach the cap: refuse (issue 13, finding 6). Those being admitted count so that a burst sent at
 * once, whose room checks all await, cannot pass the cap together.
 */
function queueFull(ctx: HandlerContext, playerId: string): Result<never> | undefined {
  const inFlight = admitting.get(ctx)?.get(playerId) ?? 0;
  if (ctx.scoringPending(playerId) + inFlight < ctx.scoringQueueCap) return undefined;
  return refuse('submission/queue_full', `${ctx.scoringQueueCap} of your submissions are still waiting to be scored; submit again when one has its score`);
}

function admit(ctx: HandlerContext, playerId: string): () => void {
  let counts = admitting.get(ctx);
  if (!counts) admitting.set(ctx, (counts = new Map()));
  counts.set(playerId, (counts.get(playerId) ?? 0) + 1);
  return () => {
    const left = (counts.get(playerId) ?? 1) - 1;
    if (left > 0) counts.set(playerId, left);
    else counts.delete(playerId);
  };
}

/** Rate limits (player, then address), queue cap, persist (through the room when there is one), ack, enqueue. */
async function accept(ctx: HandlerContext, socket: ArenaSocket, playerId: string, a: Accepted, reply: Reply<'submission:submit' | 'play:submit'>): Promise<void> {
  const blocked = check(ctx.submitLimiter, playerId, 'submissions') ?? check(ctx.submitAddressLimiter, socket.handshake.address, 'submissions from this address');
  if (blocked) return reply(blocked);
  const full = queueFull(ctx, playerId);
  if (full) return reply(full);
  const done = admit(ctx, playerId);
  try {
    await store(ctx, socket, playerId, a, reply);
  } finally {
    done();
  }
}

async function store(ctx: HandlerContext, socket: ArenaSocket, playerId: string, a: Accepted, reply: Reply<'submission:submit' | 'play:submit'>): Promise<void> {
  // The socket may have disconnected (or re-registered) since the payload arrived.
  if (socket.data.playerId !== playerId) return reply(refuse('auth/required', 'player changed during submit'));
  const submissionId = randomUUID();
  const { roomCode, checked, ...fields } = a;
  const row = { id: submissionId, playerId, ...fields };
  if (roomCode !== undefined) {
    const answer = await submitToRoom(ctx, roomCode, { ...row, spec: checked.kind === 'model' ? checked.spec : null });
    if (!answer.ok) return reply(answer);
  } else {
    insertSubmission(ctx.db, { ...row, now: ctx.now() });
  }
  ctx.log.info('submission accepted', { submissionId, playerId, challengeId: a.challengeId, paramCount: a.paramCount, room: roomCode });
  reply({ ok: true, data: { submissionId, status: 'queued', paramCount: a.paramCount } });
  ctx.scoring.enqueue(submissionId, checked);
}

export function onSubmit(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'submission:submit', async (payload, reply) => {
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
      checked: { kind: 'model', spec: checked.spec },
      roomCode: payload.roomCode,
    }, reply);
  });

  handle(ctx, socket, 'play:submit', async (payload, reply) => {
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
      checked: { kind: 'play', entry: entry.data },
      roomCode: payload.roomCode,
    }, reply);
  });
}
