/**
 * The socket.io message catalogue, shared by the server and the browser client.
 * Types are compile-time only; every incoming payload is also checked by the zod schemas below.
 */
import { z } from 'zod';
import type { ChallengeId } from '../game/challenges';
import type { BossReveal } from '../game/boss/reveal';
import type { Progress } from '../game/solo/path';
import type { Stars } from '../game/stars';
import type { ModelSpec, SpecIssue } from '../models/spec';
import type { RoomClientEvents, RoomServerEvents } from './room-protocol';

/** Largest accepted weight payload, in bytes (budget 250k params x 4 bytes, plus headroom). */
export const MAX_WEIGHTS_BYTES = 1_200_000;
/** socket.io's own frame limit; anything larger is dropped by the transport before our handlers. */
export const MAX_SOCKET_PAYLOAD_BYTES = 1_500_000;
export const NICKNAME_MAX_LENGTH = 20;

export interface ApiError {
  /** Namespaced, stable code, e.g. 'spec/invalid', 'auth/unknown_player', 'rate/limited'. */
  code: string;
  /** Human-readable explanation (English); the UI maps codes to its own language. */
  message: string;
  /** Field-level problems, for spec and weight validation. */
  issues?: SpecIssue[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };
export type Ack<T> = (result: Result<T>) => void;

export interface PlayerIdentity {
  playerId: string;
  nickname: string;
  /** Secret bearer token; kept in the browser's localStorage, sent in the socket handshake auth. */
  token: string;
}

export interface LeaderboardRow {
  rank: number;
  playerId: string;
  nickname: string;
  /** Accuracy on the hidden test split, 0..1, as computed by the server. */
  score: number;
  paramCount: number;
  submissionId: string;
  /** ISO 8601. */
  submittedAt: string;
}

export interface LeaderboardView {
  challengeId: string;
  rows: LeaderboardRow[];
  totalPlayers: number;
}

export type SubmissionStatus = 'queued' | 'scored' | 'failed';

export interface SubmissionResult {
  submissionId: string;
  challengeId: string;
  status: SubmissionStatus;
  /** Set when status is 'scored'. */
  score?: number;
  correct?: number;
  total?: number;
  /** The player's rank on the leaderboard after this submission. */
  rank?: number;
  /** True when this submission became the player's best. */
  improved?: boolean;
  /** Stars this submission earned (0-3), from the server's score and the challenge's rules. */
  stars?: Stars;
  /**
   * Set when the server trained the spec itself (a rule is about training, game/verification.ts):
   * the score is of that model, and these are the epochs and samples its run took.
   */
  trainedByServer?: { epochs: number; samplesSeen: number };
  paramCount: number;
  error?: ApiError;
  /** Set for a submission made in a room round. */
  room?: { code: string; round: number };
}

export interface ClientToServerEvents extends RoomClientEvents {
  'player:register': (payload: { nickname: string }, ack: Ack<PlayerIdentity>) => void;
  'player:whoami': (payload: Record<string, never>, ack: Ack<Omit<PlayerIdentity, 'token'>>) => void;
  'leaderboard:subscribe': (payload: { challengeId: string }, ack: Ack<LeaderboardView>) => void;
  'leaderboard:unsubscribe': (payload: { challengeId: string }) => void;
  /**
   * `weights`: float32 little-endian, concatenated in tfjs `model.getWeights()` order.
   * `roomCode`: submit to that room's running round (its limits, deadline and locked settings apply).
   */
  'submission:submit': (
    payload: { challengeId: string; spec: unknown; weights: ArrayBuffer | Uint8Array; roomCode?: string },
    ack: Ack<{ submissionId: string; status: 'queued'; paramCount: number }>,
  ) => void;
  /** A play challenge's entry (race settings, step answers); the server replays it to score. */
  'play:submit': (
    payload: { challengeId: string; entry: unknown; roomCode?: string },
    ack: Ack<{ submissionId: string; status: 'queued'; paramCount: number }>,
  ) => void;
  /** The caller's stars per challenge (the solo path). */
  'progress:get': (payload: Record<string, never>, ack: Ack<{ progress: Progress }>) => void;
  /** The caller's boss submissions (public scores only), their picks, and the reveal once there is one. */
  'boss:mine': (payload: { challengeId: string; roomCode?: string }, ack: Ack<BossMine>) => void;
  /** Pick up to two of one's own submissions for the private board (before the reveal). */
  'boss:pick': (payload: { challengeId: string; roomCode?: string; submissionIds: string[] }, ack: Ack<{ picks: string[] }>) => void;
  /** Solo: face the boss with one's picks; final (a second call returns the same reveal). */
  'boss:reveal': (payload: { challengeId: string }, ack: Ack<BossReveal>) => void;
  /** A scored submission's spec and seed, for anyone to train again ("reproduce this run"). */
  /** A room submission answers only its room's host (with the token) and players, or anyone once its round is published. */
  'run:get': (payload: { submissionId: string; hostToken?: string }, ack: Ack<RunView>) => void;
}

export interface BossMine {
  /** `publicTotal`: images in the public part (the public score is correct / publicTotal). */
  submissions: { submissionId: string; public: number; publicTotal: number; paramCount: number; submittedAt: number }[];
  picks: string[];
  reveal: BossReveal | null;
  /** Solo: the level is still locked on the player's path, so it cannot be faced yet (room: false). */
  locked: boolean;
}

export interface RunView {
  submissionId: string;
  challengeId: ChallengeId;
  nickname: string;
  /** The model spec (training seed included); null for a play challenge. */
  spec: ModelSpec | null;
  /** A play challenge's entry (race settings, step answers). */
  entry: unknown;
  score: number | null;
  /** ISO 8601. */
  submittedAt: string;
}

export interface ServerToClientEvents extends RoomServerEvents {
  'submission:result': (result: SubmissionResult) => void;
  'leaderboard:update': (view: LeaderboardView) => void;
}

export interface SocketData {
  playerId?: string;
  nickname?: string;
}

export const registerPayload = z.strictObject({
  nickname: z.string().max(200),
});

export const challengePayload = z.strictObject({
  challengeId: z.string().min(1).max(64),
});

const binary = z.custom<Uint8Array | ArrayBuffer>(
  (v) => v instanceof Uint8Array || v instanceof ArrayBuffer,
  { message: 'weights must be binary (ArrayBuffer of float32 values)' },
);

export const playSubmitPayload = z.strictObject({
  challengeId: z.string().min(1).max(64),
  entry: z.unknown(),
  roomCode: z.string().min(1).max(40).optional(),
});

const bossWhere = { challengeId: z.string().min(1).max(64), roomCode: z.string().min(1).max(40).optional() };
export const bossMinePayload = z.strictObject(bossWhere);
export const bossPickPayload = z.strictObject({ ...bossWhere, submissionIds: z.array(z.string().uuid()).max(10) });
export const bossRevealPayload = z.strictObject({ challengeId: z.string().min(1).max(64) });

export const emptyPayload = z.union([z.strictObject({}), z.undefined()]);

export const runPayload = z.strictObject({
  submissionId: z.string().uuid(),
  /** A room submission: its room's host token (the room is the submission's own). */
  hostToken: z.string().min(1).max(200).optional(),
});

export const submitPayload = z.strictObject({
  challengeId: z.string().min(1).max(64),
  spec: z.unknown(),
  weights: binary,
  roomCode: z.string().min(1).max(40).optional(),
});
