/**
 * The room reducer: `applyRoomEvent(state, event)` returns the next state and the effects the server
 * acts on, or the unchanged state and an error code for an illegal event. Pure: no I/O, no clock.
 */
import { isBossLevel } from '../challenges';
import { isImprovement } from '../ranking';
import { admit, askToJoin, deny, dropLapsedWaiting, kickMany, rejoinWaiting, setAdmission, waitingPresence } from './admission';
import { roomNickname } from './names';
import { entryProblem } from './entry';
import { roundSettingsProblem } from './settings';
import { done, fail, touch } from './result';
import { publishRound } from './publish';
import {
  RECONNECT_GRACE_MS,
  ROOM_IDLE_MS,
  ROOM_MAX_PLAYERS,
  type Actor,
  type RoomEffect,
  type RoomEvent,
  type RoomPlayer,
  type RoomResult,
  type RoomState,
  type Round,
  type RoundEntry,
} from './types';

/** `maxPlayers` is the server's configured cap (default ROOM_MAX_PLAYERS, a class). */
export function createRoom(code: string, now: number, maxPlayers = ROOM_MAX_PLAYERS): RoomState {
  if (!Number.isInteger(maxPlayers) || maxPlayers < 1) throw new Error(`expected maxPlayers a positive integer, got ${maxPlayers}`);
  return { code, phase: 'lobby', locked: false, createdAt: now, lastActivityAt: now, players: [], kicked: [], round: null, renames: 0, maxPlayers };
}


const findPlayer = (s: RoomState, playerId: string) => s.players.find((p) => p.playerId === playerId);
const withPlayer = (s: RoomState, playerId: string, change: Partial<RoomPlayer>): RoomState => ({
  ...s,
  players: s.players.map((p) => (p.playerId === playerId ? { ...p, ...change } : p)),
});
const emptyEntry: RoundEntry = { submissions: 0, pending: 0, best: null };
const withEntry = (round: Round, playerId: string, change: (e: RoundEntry) => RoundEntry): Round => ({
  ...round,
  entries: { ...round.entries, [playerId]: change(round.entries[playerId] ?? emptyEntry) },
});

/** Host-only events: refused (and logged by the server) for anyone else. */
function requireHost(state: RoomState, actor: Actor): RoomResult | null {
  if (state.phase === 'closed') return fail(state, 'room/closed', 'this room has closed');
  return actor.role === 'host' ? null : fail(state, 'room/not_host', 'only the room host can do this');
}

/** Player events: the player must be in the room and not kicked. */
function requireMember(state: RoomState, playerId: string): RoomResult | RoomPlayer {
  if (state.kicked.includes(playerId)) return fail(state, 'room/kicked', 'the host removed you from this room');
  const player = findPlayer(state, playerId);
  return player ?? fail(state, 'room/not_member', 'join the room first');
}

function join(state: RoomState, e: Extract<RoomEvent, { type: 'join' }>): RoomResult {
  if (state.phase === 'closed') return fail(state, 'room/closed', 'this room has closed');
  if (state.kicked.includes(e.playerId)) return fail(state, 'room/kicked', 'the host removed you from this room');
  const existing = findPlayer(state, e.playerId);
  // A player coming back (reload, dropped connection) keeps their place, nickname and scores.
  if (existing) return done(touch(withPlayer(state, e.playerId, { connected: true, leftAt: null }), e.now));
  const waiting = rejoinWaiting(state, e);
  if (waiting) return waiting;
  if (state.locked) return fail(state, 'room/locked', 'the host has locked this room');
  const cap = state.maxPlayers ?? ROOM_MAX_PLAYERS;
  if (state.players.length >= cap) return fail(state, 'room/full', `the room is full (${cap} players)`);
  if (state.admission === 'approve') return askToJoin(state, e);
  const nick = roomNickname(e.nickname, state.players.map((p) => p.nickname), state.renames);
  if (!nick.ok) return fail(state, nick.code, nick.message);
  const player: RoomPlayer = { playerId: e.playerId, nickname: nick.nickname, joinedAt: e.now, connected: true, leftAt: null, activity: 'idle', backend: null };
  const next = touch({ ...state, players: [...state.players, player], renames: state.renames + (nick.replaced ? 1 : 0) }, e.now);
  return done(next, nick.replaced ? [{ type: 'nicknameReplaced', playerId: e.playerId, nickname: nick.nickname }] : []);
}

function rename(state: RoomState, e: Extract<RoomEvent, { type: 'rename' }>): RoomResult {
  const denied = requireHost(state, e.actor);
  if (denied) return denied;
  if (!findPlayer(state, e.playerId)) return fail(state, 'room/unknown_player', 'no such player in this room');
  const others = state.players.filter((p) => p.playerId !== e.playerId).map((p) => p.nickname);
  const nick = roomNickname(e.nickname, others, state.renames);
  if (!nick.ok) return fail(state, nick.code, nick.message);
  const round = state.round && Object.hasOwn(state.round.entries, e.playerId) ? withEntry(state.round, e.playerId, (x) => ({ ...x, nickname: nick.nickname })) : state.round;
  const next = { ...withPlayer(state, e.playerId, { nickname: nick.nickname }), round, renames: state.renames + (nick.replaced ? 1 : 0) };
  return done(touch(next, e.now), nick.replaced ? [{ type: 'nicknameReplaced', playerId: e.playerId, nickname: nick.nickname }] : []);
}

function kick(state: RoomState, e: Extract<RoomEvent, { type: 'kick' }>): RoomResult {
  const denied = requireHost(state, e.actor);
  if (denied) return denied;
  if (!findPlayer(state, e.playerId)) return fail(state, 'room/unknown_player', 'no such player in this room');
  const next: RoomState = {
    ...state,
    players: state.players.filter((p) => p.playerId !== e.playerId),
    kicked: [...state.kicked, e.playerId],
  };
  return done(touch(next, e.now), [{ type: 'kicked', playerId: e.playerId }]);
}

function startRound(state: RoomState, e: Extract<RoomEvent, { type: 'startRound' }>): RoomResult {
  const denied = requireHost(state, e.actor);
  if (denied) return denied;
  if (state.phase === 'running') return fail(state, 'round/already_running', 'a round is already running');
  const pending = Object.values(state.round?.entries ?? {}).reduce((n, entry) => n + entry.pending, 0);
  if (pending > 0) return fail(state, 'round/scoring_pending', `${pending} submission(s) of the last round are still being scored`);
  const unplayable = roundSettingsProblem(e.settings);
  if (unplayable) return fail(state, unplayable.code, unplayable.message);
  const round: Round = {
    number: (state.round?.number ?? 0) + 1,
    settings: e.settings,
    startedAt: e.now,
    endsAt: e.now + e.settings.durationMs,
    endedAt: null,
    endedBy: null,
    entries: {},
  };
  const players = state.players.map((p) => ({ ...p, activity: 'building' as const }));
  const next = touch({ ...state, phase: 'running', players, round }, e.now);
  return done(next, [{ type: 'roundStarted', round: round.number, endsAt: round.endsAt }]);
}

function endRound(state: RoomState, now: number, endedBy: 'time' | 'host'): RoomResult {
  const round = state.round;
  if (state.phase !== 'running' || !round) return fail(state, 'round/not_running', 'no round is running');
  // A round ended on time ends at its deadline, even if the tick came late (a restart, a busy loop).
  const endedAt = endedBy === 'time' ? round.endsAt : now;
  const next = touch({ ...state, phase: 'ended', round: { ...round, endedAt, endedBy } }, now);
  return done(next, [{ type: 'roundEnded', round: round.number, endedBy }]);
}

/** Once per boss round, after it ended and every submission of it was scored. */
function reveal(state: RoomState, now: number): RoomResult {
  const round = state.round;
  if (!round || !isBossLevel(round.settings.challengeId)) return fail(state, 'round/not_boss', 'only a boss round has a private board to reveal');
  if (state.phase !== 'ended') return fail(state, 'round/not_ended', 'end the round before the reveal');
  if (round.revealedAt) return fail(state, 'round/already_revealed', 'this round has been revealed');
  const pending = Object.values(round.entries).reduce((n, entry) => n + entry.pending, 0);
  if (pending > 0) return fail(state, 'round/scoring_pending', `${pending} submission(s) are still being scored`);
  const next = touch({ ...state, round: { ...round, revealedAt: now } }, now);
  return done(next, [{ type: 'revealed', round: round.number }]);
}

function submit(state: RoomState, e: Extract<RoomEvent, { type: 'submit' }>): RoomResult {
  const member = requireMember(state, e.playerId);
  if ('ok' in member) return member;
  const round = state.round;
  if (state.phase === 'ended' || (round && state.phase === 'running' && e.now >= round.endsAt)) {
    return fail(state, 'round/ended', 'the round has ended; submissions are closed');
  }
  if (state.phase !== 'running' || !round) return fail(state, 'round/not_running', 'wait for the host to start a round');
  const used = round.entries[e.playerId]?.submissions ?? 0;
  if (used >= round.settings.maxSubmissions) {
    return fail(state, 'round/submission_limit', `you have used all ${round.settings.maxSubmissions} submissions of this round`);
  }
  const refused = entryProblem(round.settings, e.entry);
  if (refused) return { ok: false, state, error: refused };
  const nextRound = withEntry(round, e.playerId, (x) => ({ ...x, nickname: member.nickname, submissions: x.submissions + 1, pending: x.pending + 1 }));
  return done(touch(withPlayer({ ...state, round: nextRound }, e.playerId, { activity: 'submitted' }), e.now));
}

/** A score (or a failure) for a submission accepted in round `round`; late results still count. */
function settle(state: RoomState, e: Extract<RoomEvent, { type: 'scored' | 'scoreFailed' }>): RoomResult {
  const round = state.round;
  const entry = round?.entries[e.playerId];
  if (!round || round.number !== e.round || !entry || entry.pending === 0) {
    return fail(state, 'round/stale', `no pending submission of round ${e.round} for this player`);
  }
  const best = e.type === 'scored' && isImprovement(entry.best ?? undefined, e.best) ? e.best : entry.best;
  const nextRound = withEntry(round, e.playerId, (x) => ({ ...x, pending: x.pending - 1, best }));
  return done(touch({ ...state, round: nextRound }, e.now));
}

function presence(state: RoomState, e: Extract<RoomEvent, { type: 'disconnect' | 'leave' }>): RoomResult {
  const waiting = waitingPresence(state, e);
  if (waiting) return waiting;
  const member = requireMember(state, e.playerId);
  if ('ok' in member) return member;
  const hasPlayed = Object.hasOwn(state.round?.entries ?? {}, e.playerId);
  // Leaving the lobby on purpose frees the name; anyone with scores keeps their row.
  if (e.type === 'leave' && state.phase === 'lobby' && !hasPlayed) {
    return done({ ...state, players: state.players.filter((p) => p.playerId !== e.playerId) }, [{ type: 'playerRemoved', playerId: e.playerId }]);
  }
  return done(withPlayer(state, e.playerId, { connected: false, leftAt: member.leftAt ?? e.now }));
}

function tick(state: RoomState, now: number): RoomResult {
  let s = state;
  const effects: RoomEffect[] = [];
  if (s.phase === 'running' && s.round && now >= s.round.endsAt) {
    const ended = endRound(s, now, 'time');
    if (ended.ok) {
      s = ended.state;
      effects.push(...ended.effects);
    }
  }
  if (s.phase === 'lobby') {
    const lapsed = s.players.filter((p) => !p.connected && p.leftAt !== null && now - p.leftAt >= RECONNECT_GRACE_MS && !Object.hasOwn(s.round?.entries ?? {}, p.playerId));
    if (lapsed.length > 0) {
      s = { ...s, players: s.players.filter((p) => !lapsed.includes(p)) };
      effects.push(...lapsed.map((p) => ({ type: 'playerRemoved' as const, playerId: p.playerId })));
    }
  }
  const lapsedWaiting = dropLapsedWaiting(s, now);
  s = lapsedWaiting.state;
  effects.push(...lapsedWaiting.effects);
  if (s.phase !== 'running' && s.phase !== 'closed' && now - s.lastActivityAt >= ROOM_IDLE_MS) {
    s = { ...s, phase: 'closed' };
    effects.push({ type: 'closed' });
  }
  return done(s, effects);
}

export function applyRoomEvent(state: RoomState, event: RoomEvent): RoomResult {
  switch (event.type) {
    case 'join':
      return join(state, event);
    case 'disconnect':
    case 'leave':
      return presence(state, event);
    case 'kick':
      return kick(state, event);
    case 'kickMany':
      return requireHost(state, event.actor) ?? kickMany(state, event);
    case 'admission':
      return requireHost(state, event.actor) ?? setAdmission(state, event);
    case 'admit':
      return requireHost(state, event.actor) ?? admit(state, event);
    case 'deny':
      return requireHost(state, event.actor) ?? deny(state, event);
    case 'lock': {
      const denied = requireHost(state, event.actor);
      return denied ?? done(touch({ ...state, locked: event.locked }, event.now));
    }
    case 'rename':
      return rename(state, event);
    case 'startRound':
      return startRound(state, event);
    case 'endRound':
      return requireHost(state, event.actor) ?? endRound(state, event.now, 'host');
    case 'reveal':
      return requireHost(state, event.actor) ?? reveal(state, event.now);
    case 'publish':
      // Not requireHost: a teacher may publish (or withdraw) a round after the room closed.
      return publishRound(state, event);
    case 'submit':
      return submit(state, event);
    case 'scored':
    case 'scoreFailed':
      return settle(state, event);
    case 'activity': {
      const member = requireMember(state, event.playerId);
      if ('ok' in member) return member;
      return done(withPlayer(state, event.playerId, { activity: event.activity, backend: event.backend ?? member.backend }));
    }
    case 'tick':
      return tick(state, event.now);
    default: {
      const unknown: never = event;
      throw new Error(`unknown room event ${JSON.stringify(unknown)}`);
    }
  }
}
