/**
 * The teacher's clean-up and the waiting list: removing several players at once by a selection, and
 * (admission 'approve') newcomers who wait until the host admits or denies them. Pure, like machine.ts,
 * which routes these events here after its host check.
 */
import { roomNickname } from './names';
import { done, fail, touch } from './result';
import { selectPlayers } from './selection';
import {
  RECONNECT_GRACE_MS,
  ROOM_MAX_PLAYERS,
  type RoomEffect,
  type RoomEvent,
  type RoomPlayer,
  type RoomResult,
  type RoomState,
  type WaitingPlayer,
} from './types';

/** Most newcomers waiting at once: a class, plus headroom; a flood of codes stops here, not in the room. */
export const ROOM_WAITING_MAX = 100;

export const waitingOf = (s: RoomState): readonly WaitingPlayer[] => s.waiting ?? [];
export const findWaiting = (s: RoomState, playerId: string) => waitingOf(s).find((w) => w.playerId === playerId);
const capOf = (s: RoomState) => s.maxPlayers ?? ROOM_MAX_PLAYERS;

export function kickMany(state: RoomState, e: Extract<RoomEvent, { type: 'kickMany' }>): RoomResult {
  const entries = state.round?.entries ?? {};
  const rows = state.players.map((p) => ({ playerId: p.playerId, joinedAt: p.joinedAt, submissions: entries[p.playerId]?.submissions ?? 0 }));
  const sel = selectPlayers(rows, e.selection, e.now, state.round !== null);
  if (!sel.ok) return fail(state, sel.code, sel.message);
  const out = new Set(sel.playerIds);
  // As one kick each: rows already scored stay in the standings; the players cannot come back.
  const next: RoomState = { ...state, players: state.players.filter((p) => !out.has(p.playerId)), kicked: [...state.kicked, ...sel.playerIds] };
  return done(touch(next, e.now), sel.playerIds.map((playerId) => ({ type: 'kicked', playerId })));
}

export const setAdmission = (state: RoomState, e: Extract<RoomEvent, { type: 'admission' }>): RoomResult =>
  done(touch({ ...state, admission: e.admission }, e.now));

type JoinEvent = Extract<RoomEvent, { type: 'join' }>;

/** A waiting player's join again (reload, dropped connection): still waiting, whatever changed since. */
export function rejoinWaiting(state: RoomState, e: JoinEvent): RoomResult | null {
  if (!findWaiting(state, e.playerId)) return null;
  const waiting = waitingOf(state).map((w) => (w.playerId === e.playerId ? { ...w, connected: true, leftAt: null } : w));
  return done(touch({ ...state, waiting }, e.now));
}

/** A newcomer's join while the host admits each one (the room's lock and cap were checked before). */
export function askToJoin(state: RoomState, e: JoinEvent): RoomResult {
  const waiting = waitingOf(state);
  if (waiting.length >= ROOM_WAITING_MAX) return fail(state, 'room/waiting_full', `${ROOM_WAITING_MAX} players are already waiting for the host`);
  const taken = [...state.players.map((p) => p.nickname), ...waiting.map((w) => w.nickname)];
  const nick = roomNickname(e.nickname, taken, state.renames);
  if (!nick.ok) return fail(state, nick.code, nick.message);
  const asked: WaitingPlayer = { playerId: e.playerId, nickname: nick.nickname, askedAt: e.now, connected: true, leftAt: null };
  const next = touch({ ...state, waiting: [...waiting, asked], renames: state.renames + (nick.replaced ? 1 : 0) }, e.now);
  return done(next, nick.replaced ? [{ type: 'nicknameReplaced', playerId: e.playerId, nickname: nick.nickname }] : []);
}

/** Every id once, each on the waiting list; null when one is not. */
function waitingIds(state: RoomState, playerIds: readonly string[]): Map<string, WaitingPlayer> | null {
  const byId = new Map(waitingOf(state).map((w) => [w.playerId, w]));
  const chosen = new Map<string, WaitingPlayer>();
  for (const id of playerIds) {
    const w = byId.get(id);
    if (!w) return null;
    chosen.set(id, w);
  }
  return chosen.size > 0 ? chosen : null;
}

export function admit(state: RoomState, e: Extract<RoomEvent, { type: 'admit' }>): RoomResult {
  const chosen = waitingIds(state, e.playerIds);
  if (!chosen) return fail(state, 'room/not_waiting', 'that player is not waiting to join this room');
  if (state.locked) return fail(state, 'room/locked', 'unlock the room to let players in');
  const free = capOf(state) - state.players.length;
  if (chosen.size > free) return fail(state, 'room/full', `the room has room for ${Math.max(0, free)} more (${capOf(state)} players)`);
  let players = state.players;
  let renames = state.renames;
  for (const w of chosen.values()) {
    // Unique among the waiting when they asked; a player let in since (open admission) may have the name.
    const nick = roomNickname(w.nickname, players.map((p) => p.nickname), renames);
    const nickname = nick.ok ? nick.nickname : w.nickname;
    if (nick.ok && nick.replaced) renames++;
    const player: RoomPlayer = { playerId: w.playerId, nickname, joinedAt: e.now, connected: w.connected, leftAt: w.leftAt, activity: 'idle', backend: null };
    players = [...players, player];
  }
  const waiting = waitingOf(state).filter((w) => !chosen.has(w.playerId));
  const effects: RoomEffect[] = [...chosen.keys()].map((playerId) => ({ type: 'admitted', playerId }));
  return done(touch({ ...state, players, renames, waiting }, e.now), effects);
}

export function deny(state: RoomState, e: Extract<RoomEvent, { type: 'deny' }>): RoomResult {
  const chosen = waitingIds(state, e.playerIds);
  if (!chosen) return fail(state, 'room/not_waiting', 'that player is not waiting to join this room');
  // Denied is kicked for this room: asking again with the same player is refused (room/kicked).
  const next: RoomState = { ...state, waiting: waitingOf(state).filter((w) => !chosen.has(w.playerId)), kicked: [...state.kicked, ...chosen.keys()] };
  return done(touch(next, e.now), [...chosen.keys()].map((playerId) => ({ type: 'kicked', playerId })));
}

/** A waiting player's disconnect (keeps the place for the grace period) or leave (gone); null: not waiting. */
export function waitingPresence(state: RoomState, e: Extract<RoomEvent, { type: 'disconnect' | 'leave' }>): RoomResult | null {
  const w = findWaiting(state, e.playerId);
  if (!w) return null;
  if (e.type === 'leave') return done({ ...state, waiting: waitingOf(state).filter((x) => x !== w) }, [{ type: 'playerRemoved', playerId: e.playerId }]);
  const waiting = waitingOf(state).map((x) => (x === w ? { ...x, connected: false, leftAt: x.leftAt ?? e.now } : x));
  return done({ ...state, waiting });
}

/** Waiting players gone longer than the grace period leave the list (in any phase); the same state when none. */
export function dropLapsedWaiting(state: RoomState, now: number): { state: RoomState; effects: RoomEffect[] } {
  const lapsed = waitingOf(state).filter((w) => !w.connected && w.leftAt !== null && now - w.leftAt >= RECONNECT_GRACE_MS);
  if (lapsed.length === 0) return { state, effects: [] };
  const waiting = waitingOf(state).filter((w) => !lapsed.includes(w));
  return { state: { ...state, waiting }, effects: lapsed.map((w) => ({ type: 'playerRemoved', playerId: w.playerId })) };
}
