/**
 * The player's own events (register, boards, submissions, stars, the boss, runs): payload and ack
 * schemas; the types are derived from them (z.infer), never written beside them.
 */
import { z } from 'zod';
import { playEntrySchema } from '../game/solo/play';
import { modelSpecSchema } from '../models/spec';
import { challengeId, emptyPayload, isoTime, roomCode } from './common';
import { apiErrorSchema } from './errors';
import { bossRevealSchema, challengeIdSchema, progressSchema, starsSchema } from './views';

export const registerPayload = z.strictObject({ nickname: z.string().max(200) });
export const challengePayload = z.strictObject({ challengeId });

const binary = z.custom<Uint8Array | ArrayBuffer>((v) => v instanceof Uint8Array || v instanceof ArrayBuffer, {
  message: 'weights must be binary (ArrayBuffer of float32 values)',
});

/**
 * `weights`: float32 little-endian, concatenated in tfjs `model.getWeights()` order.
 * `roomCode`: submit to that room's running round (its limits, deadline and locked settings apply).
 */
export const submitPayload = z.strictObject({ challengeId, spec: z.unknown(), weights: binary, roomCode: roomCode.optional() });
/** A play challenge's entry (race settings, step answers); the server replays it to score. */
export const playSubmitPayload = z.strictObject({ challengeId, entry: z.unknown(), roomCode: roomCode.optional() });

const bossWhere = { challengeId, roomCode: roomCode.optional() };
export const bossMinePayload = z.strictObject(bossWhere);
export const bossPickPayload = z.strictObject({ ...bossWhere, submissionIds: z.array(z.string().uuid()).max(10) });
export const bossRevealPayload = z.strictObject({ challengeId });

export const runPayload = z.strictObject({
  submissionId: z.string().uuid(),
  /** A room submission: its room's host token (the room is the submission's own). */
  hostToken: z.string().min(1).max(200).optional(),
});

export const playerIdentitySchema = z.object({
  playerId: z.string(),
  nickname: z.string(),
  /** Secret bearer token; kept in the browser's localStorage, sent in the socket handshake auth. */
  token: z.string(),
});
export type PlayerIdentity = z.infer<typeof playerIdentitySchema>;

export const leaderboardRowSchema = z.object({
  rank: z.number(),
  playerId: z.string(),
  nickname: z.string(),
  /** Accuracy on the hidden test split, 0..1, as computed by the server. */
  score: z.number(),
  paramCount: z.number(),
  submissionId: z.string(),
  submittedAt: isoTime,
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

export const leaderboardViewSchema = z.object({ challengeId: z.string(), rows: z.array(leaderboardRowSchema), totalPlayers: z.number() });
export type LeaderboardView = z.infer<typeof leaderboardViewSchema>;

export const submissionStatusSchema = z.enum(['queued', 'scored', 'failed']);
export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;

export const submissionResultSchema = z.object({
  submissionId: z.string(),
  challengeId: z.string(),
  status: submissionStatusSchema,
  /** Set when status is 'scored'. */
  score: z.number().optional(),
  correct: z.number().optional(),
  total: z.number().optional(),
  /** The player's rank on the leaderboard after this submission. */
  rank: z.number().optional(),
  /** True when this submission became the player's best. */
  improved: z.boolean().optional(),
  /** Stars this submission earned (0-3), from the server's score and the challenge's rules. */
  stars: starsSchema.optional(),
  /**
   * Set when the server trained the spec itself (a rule is about training, game/verification.ts):
   * the score is of that model, and these are the epochs and samples its run took.
   */
  trainedByServer: z.object({ epochs: z.number(), samplesSeen: z.number() }).optional(),
  paramCount: z.number(),
  error: apiErrorSchema.optional(),
  /** Set for a submission made in a room round. */
  room: z.object({ code: z.string(), round: z.number() }).optional(),
});
export type SubmissionResult = z.infer<typeof submissionResultSchema>;

export const queuedSchema = z.object({ submissionId: z.string(), status: z.literal('queued'), paramCount: z.number() });

export const bossMineSchema = z.object({
  /** `publicTotal`: images in the public part (the public score is correct / publicTotal). */
  submissions: z.array(z.object({ submissionId: z.string(), public: z.number(), publicTotal: z.number(), paramCount: z.number(), submittedAt: z.number() })),
  picks: z.array(z.string()),
  reveal: bossRevealSchema.nullable(),
  /** Solo: the level is still locked on the player's path, so it cannot be faced yet (room: false). */
  locked: z.boolean(),
});
export type BossMine = z.infer<typeof bossMineSchema>;

export const runViewSchema = z.object({
  submissionId: z.string(),
  challengeId: challengeIdSchema,
  nickname: z.string(),
  /** The model spec (training seed included); null for a play challenge. */
  spec: modelSpecSchema.nullable(),
  /**
   * A play challenge's entry (race settings, step answers); null for a model challenge. The server
   * parses it with game/solo/play's playEntrySchema when it reads the row (server/stored/run.ts).
   */
  entry: playEntrySchema.nullable(),
  score: z.number().nullable(),
  submittedAt: isoTime,
});
export type RunView = z.infer<typeof runViewSchema>;

export const soloClientEvents = {
  'player:register': { payload: registerPayload, ack: playerIdentitySchema },
  'player:whoami': { payload: emptyPayload, ack: playerIdentitySchema.omit({ token: true }) },
  'leaderboard:subscribe': { payload: challengePayload, ack: leaderboardViewSchema },
  'leaderboard:unsubscribe': { payload: challengePayload, ack: null },
  'submission:submit': { payload: submitPayload, ack: queuedSchema },
  'play:submit': { payload: playSubmitPayload, ack: queuedSchema },
  /** The caller's stars per challenge (the solo path). */
  'progress:get': { payload: emptyPayload, ack: z.object({ progress: progressSchema }) },
  /** The caller's boss submissions (public scores only), their picks, and the reveal once there is one. */
  'boss:mine': { payload: bossMinePayload, ack: bossMineSchema },
  /** Pick up to two of one's own submissions for the private board (before the reveal). */
  'boss:pick': { payload: bossPickPayload, ack: z.object({ picks: z.array(z.string()) }) },
  /** Solo: face the boss with one's picks; final (a second call returns the same reveal). */
  'boss:reveal': { payload: bossRevealPayload, ack: bossRevealSchema },
  /**
   * A scored submission's spec and seed, for anyone to train again ("reproduce this run"). A room
   * submission answers only its room's host (with the token) and players, or anyone once published.
   */
  'run:get': { payload: runPayload, ack: runViewSchema },
} as const;

export const soloServerEvents = {
  'submission:result': submissionResultSchema,
  'leaderboard:update': leaderboardViewSchema,
} as const;
