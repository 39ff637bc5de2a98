/**
 * What the server sends back that game/ computes (room views, standings, a boss reveal, stars, the
 * solo path's progress), as zod schemas: the catalogue's acks and messages take their types from
 * these (z.infer), and the integration harness checks every reply against them at run time. game/
 * keeps its own interfaces for its own code; tests/types/protocol.ts checks that each one and its
 * schema's type are assignable both ways, so the two cannot drift.
 */
import { z } from 'zod';
import { CHALLENGE_IDS } from '../game/challenges';
import type { Admission, PlayerActivity, RoomPhase } from '../game/room/types';
import type { BossLine } from '../game/boss/rules';
import { roundSettingsSchema } from '../game/room/settings';

const nullableNumber = z.number().nullable();

export const challengeIdSchema = z.enum(CHALLENGE_IDS);
export const starsSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
/** The solo path: stars per challenge, only for challenges with a stored result. */
export const progressSchema = z.partialRecord(challengeIdSchema, starsSchema);

export const roomPhaseSchema = z.enum(['lobby', 'running', 'ended', 'closed'] satisfies readonly RoomPhase[]);
export const activitySchema = z.enum(['idle', 'building', 'training', 'submitted'] satisfies readonly PlayerActivity[]);
const admissionSchema = z.enum(['open', 'approve'] satisfies readonly Admission[]);

export const roundStandingSchema = z.object({
  rank: z.number(),
  playerId: z.string(),
  nickname: z.string(),
  /** Best server-computed score of the round, 0..1. */
  score: z.number(),
  paramCount: z.number(),
  /** Epoch ms the best submission was accepted. */
  bestAt: z.number(),
  submissions: z.number(),
});

export const publicRoundViewSchema = z.object({
  number: z.number(),
  settings: roundSettingsSchema,
  startedAt: z.number(),
  endsAt: z.number(),
  endedAt: nullableNumber,
  pending: z.number(),
  settled: z.number(),
  revealedAt: nullableNumber,
  publishedAt: nullableNumber,
});

const roomPlayerViewSchema = z.object({ playerId: z.string(), nickname: z.string(), connected: z.boolean() });

export const playerRoomViewSchema = z.object({
  code: z.string(),
  phase: roomPhaseSchema,
  locked: z.boolean(),
  players: z.array(roomPlayerViewSchema),
  playerCount: z.number(),
  round: publicRoundViewSchema.nullable(),
  /** Null while the round hides its leaderboard. */
  standings: z.array(roundStandingSchema).nullable(),
  standingsTotal: nullableNumber,
});

export const roundBestSchema = z.object({ submissionId: z.string(), score: z.number(), paramCount: z.number(), submittedAt: z.number() });

export const myRoundViewSchema = z.object({
  submissions: z.number(),
  maxSubmissions: z.number(),
  pending: z.number(),
  best: roundBestSchema.nullable(),
  rank: nullableNumber,
});

export const wallPlayerSchema = roomPlayerViewSchema.extend({
  activity: activitySchema,
  backend: z.string().nullable(),
  joinedAt: z.number(),
  submissions: z.number(),
  best: nullableNumber,
});

const waitingViewSchema = z.object({ playerId: z.string(), nickname: z.string(), askedAt: z.number(), connected: z.boolean() });

export const hostRoomViewSchema = z.object({
  code: z.string(),
  phase: roomPhaseSchema,
  locked: z.boolean(),
  round: publicRoundViewSchema.nullable(),
  players: z.array(wallPlayerSchema),
  standings: z.array(roundStandingSchema),
  kickedCount: z.number(),
  admission: admissionSchema,
  waiting: z.array(waitingViewSchema),
});

export const waitingRoomViewSchema = z.object({ code: z.string(), nickname: z.string(), askedAt: z.number() });

export const curvePointSchema = z.object({ x: z.number(), loss: z.number(), acc: nullableNumber });

const bossHitSchema = z.object({
  damage: z.number(),
  heal: z.number(),
  health: z.number(),
  line: z.enum(['memorized', 'underfit', 'defeated', 'scratched'] satisfies readonly BossLine[]),
});

const revealRowSchema = z.object({
  playerId: z.string(),
  nickname: z.string(),
  publicRank: z.number(),
  privateRank: z.number(),
  moved: z.number(),
  public: z.number(),
  private: z.number(),
  train: z.number(),
  gap: z.number(),
  submissionId: z.string(),
  hit: bossHitSchema,
  stars: starsSchema,
});

export const bossRevealSchema = z.object({
  challengeId: z.string(),
  /** By private rank. */
  rows: z.array(revealRowSchema),
  /** The boss's health after the class's best hit (0 = defeated). */
  bossHealth: z.number(),
  revealedAt: z.number(),
});

export type RoundStanding = z.infer<typeof roundStandingSchema>;
export type PublicRoundView = z.infer<typeof publicRoundViewSchema>;
export type PlayerRoomView = z.infer<typeof playerRoomViewSchema>;
export type MyRoundView = z.infer<typeof myRoundViewSchema>;
export type HostRoomView = z.infer<typeof hostRoomViewSchema>;
export type WaitingRoomView = z.infer<typeof waitingRoomViewSchema>;
export type CurvePoint = z.infer<typeof curvePointSchema>;
export type BossReveal = z.infer<typeof bossRevealSchema>;
