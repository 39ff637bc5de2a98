/**
 * A teacher-hosted room as data: phases, players, the current round. Pure types and constants; the
 * reducer is in machine.ts. Times are epoch milliseconds that arrive on events (`now`), never read here.
 */
import type { ChallengeId } from '../challenges';
import type { RoundEntryInput } from './entry';
import type { RoundSettings } from './settings';

/** lobby → running → ended (→ running again for the next round); closed once the room expired. */
export type RoomPhase = 'lobby' | 'running' | 'ended' | 'closed';

/** What a student is doing, as the class wall shows it. */
export type PlayerActivity = 'idle' | 'building' | 'training' | 'submitted';

/** A disconnected player keeps their place this long before a lobby forgets them. */
export const RECONNECT_GRACE_MS = 120_000;
/** A room with no event for this long is closed (its finished rounds stay readable). */
export const ROOM_IDLE_MS = 4 * 60 * 60 * 1000;
/** Most players in one room by default (a class of 30-40, plus headroom); the server may set another cap. */
export const ROOM_MAX_PLAYERS = 100;

export interface RoomPlayer {
  playerId: string;
  /** Unique in the room (case-insensitive), filtered; may differ from the player's global nickname. */
  nickname: string;
  joinedAt: number;
  /** True while at least one of the player's sockets is in the room. */
  connected: boolean;
  /** When the player's last connection dropped; null while connected. */
  leftAt: number | null;
  activity: PlayerActivity;
  /** The tfjs backend the player's browser trains on ('webgpu', 'webgl', 'wasm', 'cpu'), as reported. */
  backend: string | null;
}

/** 'open': a code lets a newcomer in; 'approve': newcomers wait until the host admits them. */
export type Admission = 'open' | 'approve';

/** A newcomer waiting for the host (admission 'approve'); not a player: sees no class list or standings. */
export interface WaitingPlayer {
  playerId: string;
  /** Filtered and unique among players and waiting players when they asked; re-checked on admit. */
  nickname: string;
  askedAt: number;
  connected: boolean;
  leftAt: number | null;
}

/** Which players one host action removes at once (decided by the reducer, not the server). */
export type PlayerSelection =
  | { by: 'ids'; playerIds: string[] }
  /** Everyone who joined in the last `minutes` minutes (before the event's `now`). */
  | { by: 'joinedWithin'; minutes: number }
  /** Everyone without a submission in the current round (or the last one, once it ended). */
  | { by: 'notSubmitted' };

/** A player's best scored submission in a round (server-scored; never a client's number). */
export interface RoundBest {
  submissionId: string;
  /** Accuracy on the hidden test split, 0..1. */
  score: number;
  paramCount: number;
  /** When the submission was accepted (ties go to the earlier one). */
  submittedAt: number;
}

export interface RoundEntry {
  /** The player's room nickname when they last submitted or were renamed (kept after a kick). */
  nickname?: string;
  /** Submissions accepted in this round (counted against settings.maxSubmissions). */
  submissions: number;
  /** Accepted but not yet scored or failed. */
  pending: number;
  best: RoundBest | null;
}

export interface Round {
  /** 1-based, per room. */
  number: number;
  settings: RoundSettings;
  startedAt: number;
  /** Server time the round ends on its own; clients count down to this. */
  endsAt: number;
  endedAt: number | null;
  endedBy: 'time' | 'host' | null;
  /** A boss round: when the host revealed the private board (absent or null before). */
  revealedAt?: number | null;
  /** When the host published the ended round (class rounds, challenge boards); absent or null: private. */
  publishedAt?: number | null;
  /** By playerId; a player appears once they submit. */
  entries: Record<string, RoundEntry>;
}

export interface RoomState {
  code: string;
  phase: RoomPhase;
  /** A locked room refuses new players (those already in may reconnect). */
  locked: boolean;
  createdAt: number;
  lastActivityAt: number;
  /** In join order. */
  players: RoomPlayer[];
  /** Player ids the host removed; they cannot come back. */
  kicked: string[];
  /** The current round, or the last one once it ended; null before the first. */
  round: Round | null;
  /** Replacement nicknames handed out so far (makes the next one unique and deterministic). */
  renames: number;
  /** Most players the room admits, fixed when it was created; absent in rooms saved before (ROOM_MAX_PLAYERS). */
  maxPlayers?: number;
  /** Absent in rooms saved before: 'open'. */
  admission?: Admission;
  /** Newcomers waiting for the host, in the order they asked; absent in rooms saved before: none. */
  waiting?: WaitingPlayer[];
}

/** Who sent an event; the server resolves it from the host token or the player token. */
export type Actor = { role: 'host' } | { role: 'player'; playerId: string };

export type RoomEvent =
  | { type: 'join'; playerId: string; nickname: string; now: number }
  | { type: 'disconnect'; playerId: string; now: number }
  | { type: 'leave'; playerId: string; now: number }
  | { type: 'kick'; actor: Actor; playerId: string; now: number }
  /** Removes every player the selection picks, as a kick does (all or nothing). */
  | { type: 'kickMany'; actor: Actor; selection: PlayerSelection; now: number }
  | { type: 'admission'; actor: Actor; admission: Admission; now: number }
  /** Moves waiting players into the room (all or nothing: full and locked rooms refuse). */
  | { type: 'admit'; actor: Actor; playerIds: string[]; now: number }
  /** Refuses waiting players; like a kick, they cannot ask again in this room. */
  | { type: 'deny'; actor: Actor; playerIds: string[]; now: number }
  | { type: 'lock'; actor: Actor; locked: boolean; now: number }
  | { type: 'rename'; actor: Actor; playerId: string; nickname: string; now: number }
  | { type: 'startRound'; actor: Actor; settings: RoundSettings; now: number }
  | { type: 'endRound'; actor: Actor; now: number }
  /** A boss round that has ended: the host reveals the private board to everyone at once. */
  | { type: 'reveal'; actor: Actor; now: number }
  /** The host publishes (or withdraws) an ended round: the current one or any earlier one. */
  | { type: 'publish'; actor: Actor; round: number; published: boolean; now: number }
  /** The reducer checks membership, deadline, limit and the round's own rules for `entry` (entry.ts). */
  | { type: 'submit'; playerId: string; entry: RoundEntryInput; now: number }
  | { type: 'scored'; playerId: string; round: number; best: RoundBest; now: number }
  | { type: 'scoreFailed'; playerId: string; round: number; now: number }
  | { type: 'activity'; playerId: string; activity: PlayerActivity; backend: string | null; now: number }
  /** The clock moved: ends a round past its deadline, forgets lapsed lobby players, closes idle rooms. */
  | { type: 'tick'; now: number };

export type RoomErrorCode =
  | 'room/closed'
  | 'room/locked'
  | 'room/full'
  | 'room/kicked'
  | 'room/not_member'
  | 'room/not_host'
  | 'room/unknown_player'
  | 'room/none_selected'
  | 'room/not_waiting'
  | 'room/waiting_full'
  | 'round/none'
  | 'round/not_running'
  | 'round/already_running'
  | 'round/ended'
  | 'round/submission_limit'
  | 'round/wrong_challenge'
  | 'round/locked_hyper'
  | 'submission/over_steps'
  | 'round/scoring_pending'
  | 'round/stale'
  | 'round/not_boss'
  | 'round/not_ended'
  | 'round/already_revealed'
  | 'round/locks_unverifiable'
  | 'round/not_found'
  | 'nickname/invalid';

export interface RoomError {
  code: RoomErrorCode;
  /** English explanation; the UI shows its own text per code. */
  message: string;
  /** Field-level problems (a locked hyper-parameter, the server's training budget). */
  issues?: { path: string; message: string }[];
}

/** Side effects the server acts on (persist history, tell a kicked player, schedule timers). */
export type RoomEffect =
  | { type: 'roundStarted'; round: number; endsAt: number }
  | { type: 'roundEnded'; round: number; endedBy: 'time' | 'host' }
  | { type: 'revealed'; round: number }
  /** `publishedAt` null: withdrawn. The server writes it to the round's row and updates the boards. */
  | { type: 'published'; round: number; publishedAt: number | null }
  | { type: 'kicked'; playerId: string }
  /** A waiting player was let in: their sockets join the room's channel and get the player view. */
  | { type: 'admitted'; playerId: string }
  | { type: 'playerRemoved'; playerId: string }
  | { type: 'nicknameReplaced'; playerId: string; nickname: string }
  | { type: 'closed' };

export type RoomResult =
  | { ok: true; state: RoomState; effects: RoomEffect[] }
  | { ok: false; state: RoomState; error: RoomError };

export type { ChallengeId, RoundSettings };
