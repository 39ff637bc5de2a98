/**
 * What each side may see of a room (secrets stripped before every emit), the round's ranking, the
 * podium, the CSV rows, and the downsampled training curves of the class wall.
 */
import { rankRows } from '../ranking';
import type { Admission, PlayerActivity, RoomPhase, RoomState, Round, RoundBest } from './types';
import type { RoundSettings } from './settings';

export interface RoundStanding {
  rank: number;
  playerId: string;
  nickname: string;
  /** Best server-computed score of the round, 0..1. */
  score: number;
  paramCount: number;
  /** Epoch ms the best submission was accepted. */
  bestAt: number;
  submissions: number;
}

/** Players with a scored submission in the round, best first (ties: the earlier one). */
export function roundStandings(state: RoomState, round: Round | null = state.round): RoundStanding[] {
  if (!round) return [];
  const nick = new Map(state.players.map((p) => [p.playerId, p.nickname]));
  const rows = Object.entries(round.entries)
    .filter((kv): kv is [string, typeof kv[1] & { best: RoundBest }] => kv[1].best !== null)
    .map(([playerId, e]) => ({ playerId, score: e.best.score, submittedAt: e.best.submittedAt, paramCount: e.best.paramCount, submissions: e.submissions, nickname: e.nickname }));
  // A kicked player's row stays (the score was earned) under the name they had; '—' if unknown.
  return rankRows(rows).map((r) => ({ rank: r.rank, playerId: r.playerId, nickname: nick.get(r.playerId) ?? r.nickname ?? '—', score: r.score, paramCount: r.paramCount, bestAt: r.submittedAt, submissions: r.submissions }));
}

/** Fields every viewer of the room may see. */
export interface PublicRoundView {
  number: number;
  settings: RoundSettings;
  startedAt: number;
  endsAt: number;
  endedAt: number | null;
  /** Submissions still being scored (the podium waits for them). */
  pending: number;
  /** Submissions of the round scored or failed so far: a view with settled = k reflects the k-th result. */
  settled: number;
  /** A boss round: when its private board was revealed (null before, or not a boss round). */
  revealedAt: number | null;
  /** When the host published the ended round; null while it is private to the room. */
  publishedAt: number | null;
}

export interface RoomPlayerView {
  playerId: string;
  nickname: string;
  connected: boolean;
}

export interface PlayerRoomView {
  code: string;
  phase: RoomPhase;
  locked: boolean;
  /**
   * In join order: every player of a class (at most PLAYER_VIEW_PLAYERS); in a bigger room the first
   * PLAYER_VIEW_PLAYERS in the lobby and none once a round started (the list is for the lobby).
   */
  players: RoomPlayerView[];
  /** Every player in the room, listed or not. */
  playerCount: number;
  round: PublicRoundView | null;
  /**
   * The top rows: PLAYER_VIEW_STANDINGS_LIVE while the round runs, PLAYER_VIEW_STANDINGS_FINAL once it
   * ended (each player's own rank comes in MyRoundView). Null while the round hides its leaderboard.
   */
  standings: RoundStanding[] | null;
  /** Players with a score in the round (rows beyond the top included); null while hidden. */
  standingsTotal: number | null;
}

/**
 * Bounds on what every player is sent on each change. The player view is broadcast to all N players
 * after every event, so unbounded lists cost O(N) bytes per client and O(N²) per event. A class (at
 * most ROOM_MAX_PLAYERS) fits entirely in the player list and the final table.
 */
export const PLAYER_VIEW_PLAYERS = 100;
/** Live standings rows sent to players while the round runs. */
export const PLAYER_VIEW_STANDINGS_LIVE = 50;
/** Standings rows sent to players once the round ended (the podium and final table; room:results has all). */
export const PLAYER_VIEW_STANDINGS_FINAL = 100;

/** The viewer's own standing in the current round (sent even when the leaderboard is hidden). */
export interface MyRoundView {
  submissions: number;
  maxSubmissions: number;
  pending: number;
  best: RoundBest | null;
  /** Rank among scored players; null without a score or while the leaderboard is hidden. */
  rank: number | null;
}

export interface WallPlayer extends RoomPlayerView {
  activity: PlayerActivity;
  backend: string | null;
  joinedAt: number;
  submissions: number;
  best: number | null;
}

/** The host's view: everything a teacher needs (whole lists), still without other secrets (tokens, weights). */
export interface HostRoomView extends Omit<PlayerRoomView, 'players' | 'playerCount' | 'standings' | 'standingsTotal'> {
  players: WallPlayer[];
  standings: RoundStanding[];
  kickedCount: number;
  admission: Admission;
  /** Newcomers waiting for the host to admit or deny them, in the order they asked. */
  waiting: WaitingView[];
}

export interface WaitingView {
  playerId: string;
  nickname: string;
  askedAt: number;
  connected: boolean;
}

/** All a waiting player is told: no players, no standings, no round (they are not in the class yet). */
export interface WaitingRoomView {
  code: string;
  nickname: string;
  askedAt: number;
}

/** The view of a player on the room's waiting list; null when they are not on it. */
export function waitingRoomView(state: RoomState, playerId: string): WaitingRoomView | null {
  const w = state.waiting?.find((x) => x.playerId === playerId);
  return w ? { code: state.code, nickname: w.nickname, askedAt: w.askedAt } : null;
}

function publicRound(round: Round | null): PublicRoundView | null {
  if (!round) return null;
  let pending = 0;
  let settled = 0;
  for (const e of Object.values(round.entries)) {
    pending += e.pending;
    settled += e.submissions - e.pending;
  }
  return { number: round.number, settings: round.settings, startedAt: round.startedAt, endsAt: round.endsAt, endedAt: round.endedAt, pending, settled, revealedAt: round.revealedAt ?? null, publishedAt: round.publishedAt ?? null };
}

export const leaderboardShown = (state: RoomState) => state.phase !== 'running' || state.round?.settings.leaderboardVisible === true;

const listed = (state: RoomState) =>
  state.phase === 'lobby' || state.players.length <= PLAYER_VIEW_PLAYERS ? state.players.slice(0, PLAYER_VIEW_PLAYERS) : [];

/** One view for every player (broadcast once): no activity, backends, or hidden standings; bounded lists. */
export function playerRoomView(state: RoomState): PlayerRoomView {
  const standings = leaderboardShown(state) ? roundStandings(state) : null;
  const top = state.phase === 'running' ? PLAYER_VIEW_STANDINGS_LIVE : PLAYER_VIEW_STANDINGS_FINAL;
  return {
    code: state.code,
    phase: state.phase,
    locked: state.locked,
    players: listed(state).map((p) => ({ playerId: p.playerId, nickname: p.nickname, connected: p.connected })),
    playerCount: state.players.length,
    round: publicRound(state.round),
    standings: standings && standings.slice(0, top),
    standingsTotal: standings && standings.length,
  };
}

/** Ranks by playerId while the leaderboard shows; null while it is hidden (no rank is sent). */
function ranksOf(state: RoomState): Map<string, number> | null {
  return leaderboardShown(state) ? new Map(roundStandings(state).map((s) => [s.playerId, s.rank])) : null;
}

function myView(round: Round, playerId: string, ranks: Map<string, number> | null): MyRoundView {
  const entry = round.entries[playerId];
  return { submissions: entry?.submissions ?? 0, maxSubmissions: round.settings.maxSubmissions, pending: entry?.pending ?? 0, best: entry?.best ?? null, rank: ranks?.get(playerId) ?? null };
}

export function myRoundView(state: RoomState, playerId: string): MyRoundView | null {
  return state.round ? myView(state.round, playerId, ranksOf(state)) : null;
}

/** myRoundView for every member, ranking the round once (not once per member: fan-out's hot path). */
export function myRoundViews(state: RoomState): Map<string, MyRoundView | null> {
  const round = state.round;
  const ranks = round ? ranksOf(state) : null;
  return new Map(state.players.map((p) => [p.playerId, round ? myView(round, p.playerId, ranks) : null]));
}

export function hostRoomView(state: RoomState): HostRoomView {
  const entries = state.round?.entries ?? {};
  return {
    code: state.code,
    phase: state.phase,
    locked: state.locked,
    round: publicRound(state.round),
    standings: roundStandings(state),
    kickedCount: state.kicked.length,
    admission: state.admission ?? 'open',
    waiting: (state.waiting ?? []).map((w) => ({ playerId: w.playerId, nickname: w.nickname, askedAt: w.askedAt, connected: w.connected })),
    players: state.players.map((p) => ({
      playerId: p.playerId,
      nickname: p.nickname,
      connected: p.connected,
      activity: p.activity,
      backend: p.backend,
      joinedAt: p.joinedAt,
      submissions: entries[p.playerId]?.submissions ?? 0,
      best: entries[p.playerId]?.best?.score ?? null,
    })),
  };
}

/** The top three, for the podium (fewer when fewer scored). */
export const podium = (standings: readonly RoundStanding[]) => standings.slice(0, 3);

/** The results CSV (every player who took part, ranked or not; UTC and local times): game/room/results.ts. */
export { CSV_HEADER, resultRows, roundRoster, type RosterPlayer } from './results';

/** One point of a student's live training curve. */
export interface CurvePoint {
  /** Fractional epoch (epoch + batch/batches). */
  x: number;
  loss: number;
  /** Training accuracy 0..1, when known. */
  acc: number | null;
}

/** Most points kept per student; the wall draws tiny sparklines. */
export const WALL_CURVE_POINTS = 64;

/**
 * Appends `point`, keeping at most `max` points: when full, every other point is dropped, so the
 * curve keeps its whole span at half the resolution. Out-of-order points (x going back) start anew.
 */
export function appendCurvePoint(curve: readonly CurvePoint[], point: CurvePoint, max = WALL_CURVE_POINTS): CurvePoint[] {
  const last = curve.at(-1);
  if (last && point.x < last.x) return [point];
  const next = [...curve, point];
  if (next.length <= max) return next;
  return next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
}
