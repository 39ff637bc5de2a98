/**
 * The room events (a teacher's class): payload and ack schemas, types derived from them. Host events
 * carry the host token; the server checks it, then the room reducer (game/room) decides.
 */
import { z } from 'zod';
import { JOINED_WITHIN_MAX_MINUTES, SELECTION_MAX_IDS } from '../game/room/selection';
import { roundSettingsSchema } from '../game/room/settings';
import { canonicalTimeZone } from '../game/time-zone';
import { BACKEND_NAMES } from '../models/backend-names';
import { emptyPayload, epochMs, hostToken, nothing, roomCode as code } from './common';
import {
  activitySchema,
  bossRevealSchema,
  curvePointSchema,
  hostRoomViewSchema,
  myRoundViewSchema,
  playerRoomViewSchema,
  roundStandingSchema,
  waitingRoomViewSchema,
} from './views';

const playerId = z.string().min(1).max(64);
const finite = z.number().finite();
const roundNo = z.number().int().min(1).max(10_000);
const playerIds = z.array(playerId).min(1).max(SELECTION_MAX_IDS);
/** The training backends a browser reports for the class wall. */
export const wallBackends = z.enum(BACKEND_NAMES);

export const roomPayloads = {
  create: emptyPayload,
  host: z.strictObject({ code, hostToken }),
  reclaim: z.strictObject({ code, hostPin: z.string().min(1).max(40) }),
  check: z.strictObject({ code }),
  join: z.strictObject({ code, nickname: z.string().max(200) }),
  leave: z.strictObject({ code }),
  kick: z.strictObject({ code, hostToken, playerId }),
  kickMany: z.strictObject({
    code,
    hostToken,
    selection: z.discriminatedUnion('by', [
      z.strictObject({ by: z.literal('ids'), playerIds }),
      z.strictObject({ by: z.literal('joinedWithin'), minutes: z.number().int().min(1).max(JOINED_WITHIN_MAX_MINUTES) }),
      z.strictObject({ by: z.literal('notSubmitted') }),
    ]),
  }),
  admission: z.strictObject({ code, hostToken, admission: z.enum(['open', 'approve']) }),
  admit: z.strictObject({ code, hostToken, playerIds }),
  deny: z.strictObject({ code, hostToken, playerIds }),
  lock: z.strictObject({ code, hostToken, locked: z.boolean() }),
  rename: z.strictObject({ code, hostToken, playerId, nickname: z.string().max(200) }),
  start: z.strictObject({ code, hostToken, settings: roundSettingsSchema }),
  end: z.strictObject({ code, hostToken }),
  reveal: z.strictObject({ code, hostToken }),
  export: z.strictObject({
    code,
    hostToken,
    round: roundNo.optional(),
    /** The teacher's IANA zone (the browser's) for the CSV's local-time column; default UTC. */
    timeZone: z
      .string()
      .max(64)
      .transform((zone, ctx) => canonicalTimeZone(zone) ?? (ctx.addIssue({ code: 'custom', message: 'not an IANA time zone (e.g. Asia/Seoul)' }), z.NEVER))
      .optional(),
  }),
  activity: z.strictObject({
    code,
    activity: activitySchema,
    backend: wallBackends.optional(),
    point: z.strictObject({ x: finite.min(0).max(10_000), loss: finite.min(0).max(1e6), acc: finite.min(0).max(1).nullable() }).optional(),
  }),
  clock: z.strictObject({ clientNow: finite }),
  finished: z.union([z.strictObject({ limit: z.number().int().min(1).max(100).optional() }), z.undefined()]),
  publish: z.strictObject({ code, hostToken, round: roundNo, published: z.boolean() }),
  /**
   * Which round to show: by code and number for the room's host (with the token) and its players, or
   * by public id for anyone once the teacher published it.
   */
  results: z.union([
    z.strictObject({ code, round: roundNo, hostToken: hostToken.optional() }),
    z.strictObject({ publicId: z.string().min(1).max(64) }),
  ]),
};
export type RoundResultsQuery = z.input<typeof roomPayloads.results>;

/** What creating a room hands the teacher's browser; `hostPin` is shown once, to take the room back. */
export const hostCredentialsSchema = z.object({
  code: z.string(),
  /** Secret; kept in this browser's localStorage under `gradient-arena.host.<code>`. */
  hostToken: z.string(),
  /** Secret recovery PIN (shown once): with the code, it gets a new host token on another device. */
  hostPin: z.string(),
});
export type HostCredentials = z.infer<typeof hostCredentialsSchema>;

/** Server time with every room message, so clients count down on the server's clock. */
export const stampedSchema = z.object({ serverNow: epochMs });
export type Stamped = z.infer<typeof stampedSchema>;
// Each stamped view is `view.extend(stampedSchema.shape)` written out: a generic helper loses zod's shape type.
const stampedPlayerView = playerRoomViewSchema.extend(stampedSchema.shape);
const stampedHostView = hostRoomViewSchema.extend(stampedSchema.shape);

export const roomWallUpdateSchema = z.object({
  code: z.string(),
  playerId: z.string(),
  activity: activitySchema,
  /**
   * What the browser reported (one of wallBackends: room:activity refuses anything else), null before
   * it said; game/room keeps it as a plain string, so the wall passes it on as one.
   */
  backend: z.string().nullable(),
  /** The student's whole downsampled curve (at most WALL_CURVE_POINTS points). */
  curve: z.array(curvePointSchema),
});
export type RoomWallUpdate = z.infer<typeof roomWallUpdateSchema>;

/** A published round as anyone may see it: no join code (`publicId` is the round's public address). */
export const finishedRoundSummarySchema = z.object({
  publicId: z.string(),
  round: z.number(),
  challengeId: z.string(),
  endedAt: epochMs,
  players: z.number(),
  /** The podium (top 3). */
  top: z.array(roundStandingSchema),
});
export type FinishedRoundSummary = z.infer<typeof finishedRoundSummarySchema>;

/** One finished round: the standings, and for a boss round the reveal (null until the teacher's). */
export const roundResultsSchema = finishedRoundSummarySchema.extend({
  standings: z.array(roundStandingSchema),
  reveal: bossRevealSchema.nullable().optional(),
  publishedAt: epochMs.nullable(),
});
export type RoundResults = z.infer<typeof roundResultsSchema>;

/** A join that let the player in: the room's view and their own standing. */
export const joinedRoomSchema = z.object({
  view: stampedPlayerView,
  me: myRoundViewSchema.nullable(),
  nickname: z.string(),
  playerId: z.string(),
});
export type JoinedRoom = z.infer<typeof joinedRoomSchema>;

/** A join put on the waiting list (the host admits each newcomer): no players, no standings until admitted. */
export const waitingForHostSchema = z.object({ waiting: waitingRoomViewSchema.extend(stampedSchema.shape), nickname: z.string(), playerId: z.string() });
export type WaitingForHost = z.infer<typeof waitingForHostSchema>;

const playerIdsAck = z.object({ playerIds: z.array(z.string()) });

export const roomClientEvents = {
  'room:create': { payload: roomPayloads.create, ack: hostCredentialsSchema },
  /** Attach this socket as the room's host (after a reload too); answers the host view. */
  'room:host': { payload: roomPayloads.host, ack: stampedHostView },
  /** New device or lost storage: code + PIN → a fresh host token (the old one stops working). */
  'room:reclaim': { payload: roomPayloads.reclaim, ack: hostCredentialsSchema },
  /**
   * The first step of joining: does this code open a room this browser can join? Yes, or the refusal a
   * join would get (room/not_found, room/closed, room/locked, room/full, ...); nothing else about the room.
   */
  'room:check': { payload: roomPayloads.check, ack: z.object({ joinable: z.literal(true) }) },
  /** Needs a registered player (token in the handshake). Rejoining keeps nickname and scores. */
  'room:join': { payload: roomPayloads.join, ack: z.union([joinedRoomSchema, waitingForHostSchema]) },
  'room:leave': { payload: roomPayloads.leave, ack: nothing },
  'room:kick': { payload: roomPayloads.kick, ack: nothing },
  /** Removes every player the selection picks at once (each as a kick); answers who was removed. */
  'room:kick-many': { payload: roomPayloads.kickMany, ack: playerIdsAck },
  /** 'approve': newcomers wait on a list until the host admits them; 'open': a code lets them in. */
  'room:admission': { payload: roomPayloads.admission, ack: nothing },
  /** Lets waiting players in (all or nothing: a full or locked room refuses). */
  'room:admit': { payload: roomPayloads.admit, ack: playerIdsAck },
  /** Refuses waiting players; they cannot ask again in this room. */
  'room:deny': { payload: roomPayloads.deny, ack: playerIdsAck },
  'room:lock': { payload: roomPayloads.lock, ack: nothing },
  'room:rename': { payload: roomPayloads.rename, ack: z.object({ nickname: z.string() }) },
  'room:start': { payload: roomPayloads.start, ack: z.object({ round: z.number(), endsAt: epochMs }) },
  'room:end': { payload: roomPayloads.end, ack: nothing },
  /** Results of a round (default: the current/last) as CSV text; host only. */
  'room:export': { payload: roomPayloads.export, ack: z.object({ filename: z.string(), csv: z.string() }) },
  /** A boss round that ended: reveal the private board on every screen at once (host only). */
  'room:reveal': { payload: roomPayloads.reveal, ack: bossRevealSchema },
  /** An ended round's results made public (class rounds, challenge boards) or private again (host only). */
  'room:publish': {
    payload: roomPayloads.publish,
    ack: z.object({ round: z.number(), publicId: z.string(), publishedAt: epochMs.nullable() }),
  },
  /** A student's status for the class wall; no ack, rate-limited, the curve point optional. */
  'room:activity': { payload: roomPayloads.activity, ack: null },
  /** NTP-style: the client sends its clock, the server answers with its own. */
  'clock:sync': { payload: roomPayloads.clock, ack: z.object({ clientNow: z.number(), serverNow: epochMs }) },
  /** Leaderboard browsing: recent rounds their teachers published (no codes). */
  'rooms:finished': { payload: roomPayloads.finished, ack: z.array(finishedRoundSummarySchema) },
  /** Final standings of one finished round: the room's host and players, or anyone once published. */
  'room:results': { payload: roomPayloads.results, ack: roundResultsSchema },
} as const;

export const roomServerEvents = {
  /** To every player socket in the room after each change (one broadcast). */
  'room:state': stampedPlayerView,
  /** To one player: their own round standing (sent even while the leaderboard is hidden). */
  'room:me': z.object({ code: z.string(), me: myRoundViewSchema.nullable() }),
  /** To the host's sockets after each change. */
  'room:host-state': stampedHostView,
  /** To everyone in the room when the host reveals a boss round (the only message with private scores). */
  'room:revealed': bossRevealSchema.extend({ code: z.string(), round: z.number() }),
  /** To the host's sockets: one student's wall tile changed (throttled per student). */
  'room:wall': roomWallUpdateSchema,
  /** To a kicked player's sockets; the client leaves the room page and says why. */
  'room:kicked': z.object({ code: z.string() }),
  /** To a waiting player's sockets in the room when the host lets them in (they are now in its channel). */
  'room:admitted': joinedRoomSchema.extend({ code: z.string() }),
  /** To the old host sockets when someone reclaimed the room with the PIN. */
  'room:host-revoked': z.object({ code: z.string() }),
} as const;
