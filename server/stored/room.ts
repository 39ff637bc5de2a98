/**
 * Schemas of a room's stored JSON: its whole state (rooms.state_json, the truth at start-up) and a
 * round's standings (room_rounds.standings_json). Objects are loose so a field a newer reducer adds
 * survives a load and save; the types are game/room/'s.
 */
import { z } from 'zod';
import type { RoomState } from '../../game/room/types';
import { roundSettingsSchema } from '../../game/room/settings';
import type { RoundStanding } from '../../game/room/views';
import { roundStandingSchema } from '../../protocol/views';

const nullableTime = z.number().nullable();

const playerSchema = z.looseObject({
  playerId: z.string(),
  nickname: z.string(),
  joinedAt: z.number(),
  connected: z.boolean(),
  leftAt: nullableTime,
  activity: z.enum(['idle', 'building', 'training', 'submitted']),
  backend: z.string().nullable(),
});

const waitingSchema = z.looseObject({
  playerId: z.string(),
  nickname: z.string(),
  askedAt: z.number(),
  connected: z.boolean(),
  leftAt: nullableTime,
});

const bestSchema = z.looseObject({ submissionId: z.string(), score: z.number(), paramCount: z.number(), submittedAt: z.number() });

const entrySchema = z.looseObject({
  nickname: z.string().optional(),
  submissions: z.number(),
  pending: z.number(),
  best: bestSchema.nullable(),
});

const roundSchema = z.looseObject({
  number: z.number().int(),
  settings: roundSettingsSchema,
  startedAt: z.number(),
  endsAt: z.number(),
  endedAt: nullableTime,
  endedBy: z.enum(['time', 'host']).nullable(),
  revealedAt: nullableTime.optional(),
  publishedAt: nullableTime.optional(),
  entries: z.record(z.string(), entrySchema),
});

export const storedRoomStateSchema: z.ZodType<RoomState> = z.looseObject({
  code: z.string(),
  phase: z.enum(['lobby', 'running', 'ended', 'closed']),
  locked: z.boolean(),
  createdAt: z.number(),
  lastActivityAt: z.number(),
  players: z.array(playerSchema),
  kicked: z.array(z.string()),
  round: roundSchema.nullable(),
  renames: z.number(),
  maxPlayers: z.number().int().optional(),
  admission: z.enum(['open', 'approve']).optional(),
  waiting: z.array(waitingSchema).optional(),
});

export const storedStandingsSchema: z.ZodType<RoundStanding[]> = z.array(roundStandingSchema.loose());
