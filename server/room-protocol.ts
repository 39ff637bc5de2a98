/**
 * The room part of the socket.io message catalogue (merged into protocol.ts), shared by server and
 * browser. Host events carry the host token; the server checks it, then the room reducer decides.
 */
import type { BossReveal } from '../game/boss/reveal';
import { z } from 'zod';
import { JOINED_WITHIN_MAX_MINUTES, SELECTION_MAX_IDS } from '../game/room/selection';
import { roundSettingsSchema } from '../game/room/settings';
import { canonicalTimeZone } from '../game/time-zone';
import type { CurvePoint, HostRoomView, MyRoundView, PlayerRoomView, PublicRoundView, RoundStanding } from '../game/room/views';
import type { WaitingRoomView } from '../game/room/views';
import type { Admission, PlayerActivity, PlayerSelection } from '../game/room/types';
import type { Ack } from './protocol';

export type { CurvePoint, HostRoomView, MyRoundView, PlayerRoomView, PublicRoundView, RoundStanding };

/** What creating a room hands the teacher's browser; `hostPin` is shown once, to take the room back. */
export interface HostCredentials {
  code: string;
  /** Secret; kept in this browser's localStorage under `gradient-arena.host.<code>`. */
  hostToken: string;
  /** Secret recovery PIN (shown once): with the code, it gets a new host token on another device. */
  hostPin: string;
}

/** Server time with every room message, so clients count down on the server's clock. */
export interface Stamped {
  serverNow: number;
}

export interface RoomWallUpdate {
  code: string;
  playerId: string;
  activity: PlayerActivity;
  backend: string | null;
  /** The student's whole downsampled curve (at most WALL_CURVE_POINTS points). */
  curve: CurvePoint[];
}

/** A published round as anyone may see it: no join code (`publicId` is the round's public address). */
export interface FinishedRoundSummary {
  publicId: string;
  round: number;
  challengeId: string;
  endedAt: number;
  players: number;
  /** The podium (top 3). */
  top: RoundStanding[];
}

/** One finished round: the standings, and for a boss round the reveal (null until the teacher's). */
export type RoundResults = FinishedRoundSummary & { standings: RoundStanding[]; reveal?: BossReveal | null; publishedAt: number | null };

/**
 * Which round to show: by code and number for the room's host (with the token) and its players, or
 * by public id for anyone once the teacher published it.
 */
export type RoundResultsQuery = { code: string; round: number; hostToken?: string } | { publicId: string };

/** A join that let the player in: the room's view and their own standing. */
export interface JoinedRoom {
  view: PlayerRoomView & Stamped;
  me: MyRoundView | null;
  nickname: string;
  playerId: string;
}

/** A join put on the waiting list (the host admits each newcomer): no players, no standings until admitted. */
export interface WaitingForHost {
  waiting: WaitingRoomView & Stamped;
  nickname: string;
  playerId: string;
}

export interface RoomClientEvents {
  'room:create': (payload: Record<string, never>, ack: Ack<HostCredentials>) => void;
  /** Attach this socket as the room's host (after a reload too); answers the host view. */
  'room:host': (payload: { code: string; hostToken: string }, ack: Ack<HostRoomView & Stamped>) => void;
  /** New device or lost storage: code + PIN → a fresh host token (the old one stops working). */
  'room:reclaim': (payload: { code: string; hostPin: string }, ack: Ack<HostCredentials>) => void;
  /**
   * The first step of joining: does this code open a room this browser can join? Yes, or the refusal a
   * join would get (room/not_found, room/closed, room/locked, room/full, ...); nothing else about the room.
   */
  'room:check': (payload: { code: string }, ack: Ack<{ joinable: true }>) => void;
  /** Needs a registered player (token in the handshake). Rejoining keeps nickname and scores. */
  'room:join': (payload: { code: string; nickname: string }, ack: Ack<JoinedRoom | WaitingForHost>) => void;
  'room:leave': (payload: { code: string }, ack: Ack<null>) => void;
  'room:kick': (payload: { code: string; hostToken: string; playerId: string }, ack: Ack<null>) => void;
  /** Removes every player the selection picks at once (each as a kick); answers who was removed. */
  'room:kick-many': (payload: { code: string; hostToken: string; selection: PlayerSelection }, ack: Ack<{ playerIds: string[] }>) => void;
  /** 'approve': newcomers wait on a list until the host admits them; 'open': a code lets them in. */
  'room:admission': (payload: { code: string; hostToken: string; admission: Admission }, ack: Ack<null>) => void;
  /** Lets waiting players in (all or nothing: a full or locked room refuses). */
  'room:admit': (payload: { code: string; hostToken: string; playerIds: string[] }, ack: Ack<{ playerIds: string[] }>) => void;
  /** Refuses waiting players; they cannot ask again in this room. */
  'room:deny': (payload: { code: string; hostToken: string; playerIds: string[] }, ack: Ack<{ playerIds: string[] }>) => void;
  'room:lock': (payload: { code: string; hostToken: string; locked: boolean }, ack: Ack<null>) => void;
  'room:rename': (payload: { code: string; hostToken: string; playerId: string; nickname: string }, ack: Ack<{ nickname: string }>) => void;
  'room:start': (payload: { code: string; hostToken: string; settings: z.infer<typeof roundSettingsSchema> }, ack: Ack<{ round: number; endsAt: number }>) => void;
  'room:end': (payload: { code: string; hostToken: string }, ack: Ack<null>) => void;
  /** Results of a round (default: the current/last) as CSV text; host only. */
  /** `timeZone`: the teacher's IANA zone (the browser's) for the CSV's local-time column; default UTC. */
  'room:export': (payload: { code: string; hostToken: string; round?: number; timeZone?: string }, ack: Ack<{ filename: string; csv: string }>) => void;
  /** A boss round that ended: reveal the private board on every screen at once (host only). */
  'room:reveal': (payload: { code: string; hostToken: string }, ack: Ack<BossReveal>) => void;
  /** An ended round's results made public (class rounds, challenge boards) or private again (host only). */
  'room:publish': (payload: { code: string; hostToken: string; round: number; published: boolean }, ack: Ack<{ round: number; publicId: string; publishedAt: number | null }>) => void;
  /** A student's status for the class wall; no ack, rate-limited, the curve point optional. */
  'room:activity': (payload: { code: string; activity: PlayerActivity; backend?: string; point?: CurvePoint }) => void;
  /** NTP-style: the client sends its clock, the server answers with its own. */
  'clock:sync': (payload: { clientNow: number }, ack: Ack<{ clientNow: number; serverNow: number }>) => void;
  /** Leaderboard browsing: recent rounds their teachers published (no codes). */
  'rooms:finished': (payload: { limit?: number }, ack: Ack<FinishedRoundSummary[]>) => void;
  /** Final standings of one finished round: the room's host and players, or anyone once published. */
  'room:results': (payload: RoundResultsQuery, ack: Ack<RoundResults>) => void;
}

export interface RoomServerEvents {
  /** To every player socket in the room after each change (one broadcast). */
  'room:state': (view: PlayerRoomView & Stamped) => void;
  /** To one player: their own round standing (sent even while the leaderboard is hidden). */
  'room:me': (payload: { code: string; me: MyRoundView | null }) => void;
  /** To the host's sockets after each change. */
  'room:host-state': (view: HostRoomView & Stamped) => void;
  /** To everyone in the room when the host reveals a boss round (the only message with private scores). */
  'room:revealed': (reveal: BossReveal & { code: string; round: number }) => void;
  /** To the host's sockets: one student's wall tile changed (throttled per student). */
  'room:wall': (update: RoomWallUpdate) => void;
  /** To a kicked player's sockets; the client leaves the room page and says why. */
  'room:kicked': (payload: { code: string }) => void;
  /** To a waiting player's sockets in the room when the host lets them in (they are now in its channel). */
  'room:admitted': (payload: JoinedRoom & { code: string }) => void;
  /** To the old host sockets when someone reclaimed the room with the PIN. */
  'room:host-revoked': (payload: { code: string }) => void;
}

const code = z.string().min(1).max(40);
const hostToken = z.string().min(1).max(200);
const playerId = z.string().min(1).max(64);
const finite = z.number().finite();

export const roomPayloads = {
  create: z.union([z.strictObject({}), z.undefined()]),
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
      z.strictObject({ by: z.literal('ids'), playerIds: z.array(playerId).min(1).max(SELECTION_MAX_IDS) }),
      z.strictObject({ by: z.literal('joinedWithin'), minutes: z.number().int().min(1).max(JOINED_WITHIN_MAX_MINUTES) }),
      z.strictObject({ by: z.literal('notSubmitted') }),
    ]),
  }),
  admission: z.strictObject({ code, hostToken, admission: z.enum(['open', 'approve']) }),
  admit: z.strictObject({ code, hostToken, playerIds: z.array(playerId).min(1).max(SELECTION_MAX_IDS) }),
  deny: z.strictObject({ code, hostToken, playerIds: z.array(playerId).min(1).max(SELECTION_MAX_IDS) }),
  lock: z.strictObject({ code, hostToken, locked: z.boolean() }),
  rename: z.strictObject({ code, hostToken, playerId, nickname: z.string().max(200) }),
  start: z.strictObject({ code, hostToken, settings: roundSettingsSchema }),
  end: z.strictObject({ code, hostToken }),
  reveal: z.strictObject({ code, hostToken }),
  export: z.strictObject({
    code,
    hostToken,
    round: z.number().int().min(1).max(10_000).optional(),
    timeZone: z.string().max(64).transform((zone, ctx) => canonicalTimeZone(zone) ?? (ctx.addIssue({ code: 'custom', message: 'not an IANA time zone (e.g. Asia/Seoul)' }), z.NEVER)).optional(),
  }),
  activity: z.strictObject({
    code,
    activity: z.enum(['idle', 'building', 'training', 'submitted']),
    backend: z.enum(['webgpu', 'webgl', 'wasm', 'cpu']).optional(),
    point: z.strictObject({ x: finite.min(0).max(10_000), loss: finite.min(0).max(1e6), acc: finite.min(0).max(1).nullable() }).optional(),
  }),
  clock: z.strictObject({ clientNow: finite }),
  finished: z.union([z.strictObject({ limit: z.number().int().min(1).max(100).optional() }), z.undefined()]),
  publish: z.strictObject({ code, hostToken, round: z.number().int().min(1).max(10_000), published: z.boolean() }),
  results: z.union([
    z.strictObject({ code, round: z.number().int().min(1).max(10_000), hostToken: hostToken.optional() }),
    z.strictObject({ publicId: z.string().min(1).max(64) }),
  ]),
};
