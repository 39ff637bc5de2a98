import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoomEvent, createRoom } from '../../../../game/room/machine';
import { DEFAULT_ROUND_SETTINGS } from '../../../../game/room/settings';
import {
  RECONNECT_GRACE_MS,
  ROOM_IDLE_MS,
  ROOM_MAX_PLAYERS,
  type Actor,
  type RoomEvent,
  type RoomState,
} from '../../../../game/room/types';
import { roundStandings } from '../../../../game/room/views';

const T0 = 1_700_000_000_000;
const HOST: Actor = { role: 'host' };
const asPlayer = (playerId: string): Actor => ({ role: 'player', playerId });
const settings = { ...DEFAULT_ROUND_SETTINGS, durationMs: 60_000, maxSubmissions: 2 };
const best = (id: string, score: number, at: number) => ({ submissionId: id, score, paramCount: 100, submittedAt: at });

/** Applies events in order; every one must succeed. */
function play(events: RoomEvent[], from = createRoom('ACDEFH', T0)): RoomState {
  return events.reduce((s, e) => {
    const r = applyRoomEvent(s, e);
    assert.ok(r.ok, `${e.type} refused: ${r.ok ? '' : r.error.code}`);
    return r.state;
  }, from);
}

const lobby = () => play([
  { type: 'join', playerId: 'a', nickname: 'Ada', now: T0 + 1 },
  { type: 'join', playerId: 'b', nickname: 'Bo', now: T0 + 2 },
]);
const running = () => play([{ type: 'startRound', actor: HOST, settings, now: T0 + 10 }], lobby());
const ended = () => play([{ type: 'endRound', actor: HOST, now: T0 + 20 }], running());

describe('room reducer: illegal events are refused with a code and change nothing', () => {
  const cases: [string, () => RoomState, RoomEvent, string][] = [
    ['player starts a round', lobby, { type: 'startRound', actor: asPlayer('a'), settings, now: T0 + 5 }, 'room/not_host'],
    ['player ends a round', running, { type: 'endRound', actor: asPlayer('a'), now: T0 + 15 }, 'room/not_host'],
    ['player kicks', lobby, { type: 'kick', actor: asPlayer('a'), playerId: 'b', now: T0 + 5 }, 'room/not_host'],
    ['player locks', lobby, { type: 'lock', actor: asPlayer('a'), locked: true, now: T0 + 5 }, 'room/not_host'],
    ['player renames', lobby, { type: 'rename', actor: asPlayer('a'), playerId: 'b', nickname: 'x', now: T0 + 5 }, 'room/not_host'],
    ['start while running', running, { type: 'startRound', actor: HOST, settings, now: T0 + 15 }, 'round/already_running'],
    ['end in the lobby', lobby, { type: 'endRound', actor: HOST, now: T0 + 5 }, 'round/not_running'],
    ['end twice', ended, { type: 'endRound', actor: HOST, now: T0 + 25 }, 'round/not_running'],
    ['submit in the lobby', lobby, { type: 'submit', playerId: 'a', now: T0 + 5, entry: { challengeId: 'sign-digits', spec: null } }, 'round/not_running'],
    ['submit after the host ended', ended, { type: 'submit', playerId: 'a', now: T0 + 25, entry: { challengeId: 'sign-digits', spec: null } }, 'round/ended'],
    ['submit at the deadline, before the tick', running, { type: 'submit', playerId: 'a', now: T0 + 10 + 60_000, entry: { challengeId: 'sign-digits', spec: null } }, 'round/ended'],
    ['submit by a stranger', running, { type: 'submit', playerId: 'zz', now: T0 + 15, entry: { challengeId: 'sign-digits', spec: null } }, 'room/not_member'],
    ['kick an unknown player', lobby, { type: 'kick', actor: HOST, playerId: 'zz', now: T0 + 5 }, 'room/unknown_player'],
    ['rename to nothing', lobby, { type: 'rename', actor: HOST, playerId: 'a', nickname: '  ', now: T0 + 5 }, 'nickname/invalid'],
    ['join with an empty nickname', lobby, { type: 'join', playerId: 'c', nickname: '\u0000', now: T0 + 5 }, 'nickname/invalid'],
    ['score for a round that is not current', running, { type: 'scored', playerId: 'a', round: 7, best: best('s', 0.5, T0), now: T0 + 15 }, 'round/stale'],
    ['score with nothing pending', running, { type: 'scored', playerId: 'a', round: 1, best: best('s', 0.5, T0), now: T0 + 15 }, 'round/stale'],
    ['activity from a stranger', running, { type: 'activity', playerId: 'zz', activity: 'training', backend: 'wasm', now: T0 + 15 }, 'room/not_member'],
  ];
  for (const [name, make, event, code] of cases) {
    test(name, () => {
      const before = make();
      const snapshot = structuredClone(before);
      const r = applyRoomEvent(before, event);
      assert.equal(r.ok, false);
      assert.equal(r.ok ? '' : r.error.code, code);
      assert.equal(r.state, before, 'the same state object comes back');
      assert.deepEqual(before, snapshot, 'the input was not mutated');
    });
  }
});

describe('room reducer: joining', () => {
  test('a locked room refuses newcomers but lets members back in', () => {
    let s = play([
      { type: 'lock', actor: HOST, locked: true, now: T0 + 3 },
      { type: 'disconnect', playerId: 'a', now: T0 + 4 },
    ], lobby());
    const stranger = applyRoomEvent(s, { type: 'join', playerId: 'c', nickname: 'Cy', now: T0 + 5 });
    assert.equal(stranger.ok ? '' : stranger.error.code, 'room/locked');
    s = play([{ type: 'join', playerId: 'a', nickname: 'ignored', now: T0 + 6 }], s);
    assert.deepEqual(s.players.map((p) => [p.nickname, p.connected]), [['Ada', true], ['Bo', true]]);
  });

  test('a kicked player cannot come back, and is told so', () => {
    const r = applyRoomEvent(lobby(), { type: 'kick', actor: HOST, playerId: 'b', now: T0 + 5 });
    assert.ok(r.ok);
    assert.deepEqual(r.effects, [{ type: 'kicked', playerId: 'b' }]);
    assert.deepEqual(r.state.players.map((p) => p.playerId), ['a']);
    const back = applyRoomEvent(r.state, { type: 'join', playerId: 'b', nickname: 'Bo again', now: T0 + 6 });
    assert.equal(back.ok ? '' : back.error.code, 'room/kicked');
  });

  test('nicknames are unique in the room and offensive ones are replaced', () => {
    const r1 = applyRoomEvent(lobby(), { type: 'join', playerId: 'c', nickname: ' ada ', now: T0 + 5 });
    assert.ok(r1.ok);
    assert.equal(r1.state.players[2]?.nickname, 'ada 2');
    const r2 = applyRoomEvent(r1.state, { type: 'join', playerId: 'd', nickname: 'fuck this', now: T0 + 6 });
    assert.ok(r2.ok);
    assert.equal(r2.state.players[3]?.nickname, 'Neuron 1');
    assert.deepEqual(r2.effects, [{ type: 'nicknameReplaced', playerId: 'd', nickname: 'Neuron 1' }]);
    const r3 = applyRoomEvent(r2.state, { type: 'join', playerId: 'e', nickname: '시1발', now: T0 + 7 });
    assert.ok(r3.ok);
    assert.equal(r3.state.players[4]?.nickname, 'Tensor 2');
  });

  test('the host renames a player; an offensive rename is replaced too', () => {
    const s = play([{ type: 'rename', actor: HOST, playerId: 'a', nickname: 'Bo', now: T0 + 5 }], lobby());
    assert.equal(s.players[0]?.nickname, 'Bo 2');
    const r = applyRoomEvent(s, { type: 'rename', actor: HOST, playerId: 'a', nickname: 'shit', now: T0 + 6 });
    assert.ok(r.ok);
    assert.equal(r.state.players[0]?.nickname, 'Neuron 1');
  });

  test(`the room holds at most ${ROOM_MAX_PLAYERS} players`, () => {
    const joins: RoomEvent[] = Array.from({ length: ROOM_MAX_PLAYERS }, (_, i) => ({ type: 'join', playerId: `p${i}`, nickname: `P${i}`, now: T0 + i }));
    const full = play(joins);
    const r = applyRoomEvent(full, { type: 'join', playerId: 'late', nickname: 'Late', now: T0 + 999 });
    assert.equal(r.ok ? '' : r.error.code, 'room/full');
  });

  test('the cap the server gives createRoom holds; a room saved before caps existed gets the default', () => {
    let small = createRoom('ACDEFH', T0, 3);
    for (const id of ['a', 'b', 'c']) {
      const r = applyRoomEvent(small, { type: 'join', playerId: id, nickname: id.toUpperCase(), now: T0 });
      assert.ok(r.ok);
      small = r.state;
    }
    const refused = applyRoomEvent(small, { type: 'join', playerId: 'd', nickname: 'D', now: T0 });
    assert.deepEqual(refused.ok ? null : [refused.error.code, refused.error.message, refused.state], ['room/full', 'the room is full (3 players)', small]);
    const back = applyRoomEvent(applyRoomEvent(small, { type: 'disconnect', playerId: 'a', now: T0 + 1 }).state, { type: 'join', playerId: 'a', nickname: 'A', now: T0 + 2 });
    assert.ok(back.ok, 'a member of a full room comes back');

    const big = Array.from({ length: 150 }, (_, i): RoomEvent => ({ type: 'join', playerId: `p${i}`, nickname: `P${i}`, now: T0 + i }));
    const bigRoom = big.reduce((s, e) => applyRoomEvent(s, e).state, createRoom('ACDEFH', T0, 150));
    assert.equal(bigRoom.players.length, 150);

    const { maxPlayers: _dropped, ...legacy } = createRoom('ACDEFH', T0, 3);
    const full = Array.from({ length: ROOM_MAX_PLAYERS }, (_, i): RoomEvent => ({ type: 'join', playerId: `q${i}`, nickname: `Q${i}`, now: T0 + i }))
      .reduce((s, e) => applyRoomEvent(s, e).state, legacy as RoomState);
    assert.equal(full.players.length, ROOM_MAX_PLAYERS);
    assert.equal(applyRoomEvent(full, { type: 'join', playerId: 'late', nickname: 'Late', now: T0 }).ok, false);
    assert.throws(() => createRoom('ACDEFH', T0, 0), /maxPlayers/);
  });
});

describe('room reducer: rounds', () => {
  test('start sets the deadline from settings and marks everyone building', () => {
    const r = applyRoomEvent(lobby(), { type: 'startRound', actor: HOST, settings, now: T0 + 10 });
    assert.ok(r.ok);
    assert.equal(r.state.phase, 'running');
    assert.equal(r.state.round?.endsAt, T0 + 10 + 60_000);
    assert.deepEqual(r.effects, [{ type: 'roundStarted', round: 1, endsAt: T0 + 10 + 60_000 }]);
    assert.ok(r.state.players.every((p) => p.activity === 'building'));
  });

  test('the submission limit counts per player per round', () => {
    const s = play([
      { type: 'submit', playerId: 'a', now: T0 + 11, entry: { challengeId: 'sign-digits', spec: null } },
      { type: 'submit', playerId: 'a', now: T0 + 12, entry: { challengeId: 'sign-digits', spec: null } },
    ], running());
    const r = applyRoomEvent(s, { type: 'submit', playerId: 'a', now: T0 + 13, entry: { challengeId: 'sign-digits', spec: null } });
    assert.equal(r.ok ? '' : r.error.code, 'round/submission_limit');
    assert.ok(applyRoomEvent(s, { type: 'submit', playerId: 'b', now: T0 + 13, entry: { challengeId: 'sign-digits', spec: null } }).ok);
  });

  test('only a better score replaces the best; failures settle without a score', () => {
    const s = play([
      { type: 'submit', playerId: 'a', now: T0 + 11, entry: { challengeId: 'sign-digits', spec: null } },
      { type: 'submit', playerId: 'a', now: T0 + 12, entry: { challengeId: 'sign-digits', spec: null } },
      { type: 'scored', playerId: 'a', round: 1, best: best('s1', 0.8, T0 + 11), now: T0 + 13 },
      { type: 'scored', playerId: 'a', round: 1, best: best('s2', 0.8, T0 + 12), now: T0 + 14 },
    ], running());
    assert.deepEqual(s.round?.entries.a, { nickname: 'Ada', submissions: 2, pending: 0, best: best('s1', 0.8, T0 + 11) });
    const f = play([{ type: 'submit', playerId: 'b', now: T0 + 15, entry: { challengeId: 'sign-digits', spec: null } }, { type: 'scoreFailed', playerId: 'b', round: 1, now: T0 + 16 }], s);
    assert.deepEqual(f.round?.entries.b, { nickname: 'Bo', submissions: 1, pending: 0, best: null });
  });

  test('a kicked player keeps their earned row under the name they had, renames included', () => {
    const s = play([
      { type: 'submit', playerId: 'b', now: T0 + 11, entry: { challengeId: 'sign-digits', spec: null } },
      { type: 'scored', playerId: 'b', round: 1, best: best('sb', 0.6, T0 + 11), now: T0 + 12 },
      { type: 'rename', actor: HOST, playerId: 'b', nickname: 'Bora', now: T0 + 13 },
      { type: 'kick', actor: HOST, playerId: 'b', now: T0 + 14 },
    ], running());
    assert.deepEqual(roundStandings(s).map((r) => [r.playerId, r.nickname]), [['b', 'Bora']]);
  });

  test('a score that arrives after the round ended still counts', () => {
    const s = play([
      { type: 'submit', playerId: 'a', now: T0 + 11, entry: { challengeId: 'sign-digits', spec: null } },
      { type: 'endRound', actor: HOST, now: T0 + 12 },
      { type: 'scored', playerId: 'a', round: 1, best: best('s1', 0.9, T0 + 11), now: T0 + 13 },
    ], running());
    assert.equal(s.phase, 'ended');
    assert.equal(s.round?.entries.a?.best?.score, 0.9);
  });

  test('the next round waits until the last round is fully scored', () => {
    const s = play([{ type: 'submit', playerId: 'a', now: T0 + 11, entry: { challengeId: 'sign-digits', spec: null } }, { type: 'endRound', actor: HOST, now: T0 + 12 }], running());
    const r = applyRoomEvent(s, { type: 'startRound', actor: HOST, settings, now: T0 + 13 });
    assert.equal(r.ok ? '' : r.error.code, 'round/scoring_pending');
    const settled = play([{ type: 'scoreFailed', playerId: 'a', round: 1, now: T0 + 14 }], s);
    const next = play([{ type: 'startRound', actor: HOST, settings, now: T0 + 15 }], settled);
    assert.equal(next.round?.number, 2);
    assert.deepEqual(next.round?.entries, {});
  });

  test('a late tick ends the round at its deadline, not at the tick', () => {
    const r = applyRoomEvent(running(), { type: 'tick', now: T0 + 10 + 60_000 + 5_000 });
    assert.ok(r.ok);
    assert.equal(r.state.phase, 'ended');
    assert.equal(r.state.round?.endedAt, T0 + 10 + 60_000);
    assert.equal(r.state.round?.endedBy, 'time');
    assert.deepEqual(r.effects, [{ type: 'roundEnded', round: 1, endedBy: 'time' }]);
  });

  test('a tick before the deadline changes nothing', () => {
    const before = running();
    const r = applyRoomEvent(before, { type: 'tick', now: T0 + 100 });
    assert.ok(r.ok);
    assert.deepEqual(r.state, before);
    assert.deepEqual(r.effects, []);
  });
});

describe('room reducer: presence and expiry', () => {
  test('a lobby forgets a player only after the grace period', () => {
    const s = play([{ type: 'disconnect', playerId: 'a', now: T0 + 100 }], lobby());
    const early = applyRoomEvent(s, { type: 'tick', now: T0 + 100 + RECONNECT_GRACE_MS - 1 });
    assert.ok(early.ok);
    assert.equal(early.state.players.length, 2);
    const late = applyRoomEvent(s, { type: 'tick', now: T0 + 100 + RECONNECT_GRACE_MS });
    assert.ok(late.ok);
    assert.deepEqual(late.state.players.map((p) => p.playerId), ['b']);
    assert.deepEqual(late.effects, [{ type: 'playerRemoved', playerId: 'a' }]);
  });

  test('during a round a dropped player keeps their place however long', () => {
    const s = play([{ type: 'disconnect', playerId: 'a', now: T0 + 100 }], running());
    const r = applyRoomEvent(s, { type: 'tick', now: T0 + 100 + RECONNECT_GRACE_MS * 3 });
    assert.ok(r.ok);
    assert.ok(r.state.players.some((p) => p.playerId === 'a' && !p.connected));
  });

  test('an idle room closes; a closed room refuses joins and host events', () => {
    const r = applyRoomEvent(ended(), { type: 'tick', now: T0 + 20 + ROOM_IDLE_MS });
    assert.ok(r.ok);
    assert.equal(r.state.phase, 'closed');
    assert.deepEqual(r.effects, [{ type: 'closed' }]);
    const join = applyRoomEvent(r.state, { type: 'join', playerId: 'c', nickname: 'Cy', now: T0 + ROOM_IDLE_MS + 30 });
    assert.equal(join.ok ? '' : join.error.code, 'room/closed');
    const start = applyRoomEvent(r.state, { type: 'startRound', actor: HOST, settings, now: T0 + ROOM_IDLE_MS + 30 });
    assert.equal(start.ok ? '' : start.error.code, 'room/closed');
  });

  test('a server down past the idle limit ends the running round first; the room closes on a later tick', () => {
    const r = applyRoomEvent(running(), { type: 'tick', now: T0 + ROOM_IDLE_MS * 2 });
    assert.ok(r.ok);
    assert.equal(r.state.phase, 'ended');
    assert.equal(r.state.round?.endedAt, T0 + 10 + 60_000);
    const later = applyRoomEvent(r.state, { type: 'tick', now: T0 + ROOM_IDLE_MS * 3 });
    assert.ok(later.ok);
    assert.equal(later.state.phase, 'closed');
  });
});
