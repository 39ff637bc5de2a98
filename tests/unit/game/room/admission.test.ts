import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOM_WAITING_MAX } from '../../../../game/room/admission';
import { SELECTION_MAX_IDS, selectPlayers } from '../../../../game/room/selection';
import { applyRoomEvent, createRoom } from '../../../../game/room/machine';
import { DEFAULT_ROUND_SETTINGS } from '../../../../game/room/settings';
import { RECONNECT_GRACE_MS, type Actor, type RoomEvent, type RoomState } from '../../../../game/room/types';
import { hostRoomView, playerRoomView, roundStandings, waitingRoomView } from '../../../../game/room/views';

const T0 = 1_700_000_000_000;
const MIN = 60_000;
const HOST: Actor = { role: 'host' };
const asPlayer = (playerId: string): Actor => ({ role: 'player', playerId });
const settings = { ...DEFAULT_ROUND_SETTINGS, durationMs: 60 * MIN, maxSubmissions: 3 };

function play(events: RoomEvent[], from = createRoom('ACDEFH', T0)): RoomState {
  return events.reduce((s, e) => {
    const r = applyRoomEvent(s, e);
    assert.ok(r.ok, `${e.type} refused: ${r.ok ? '' : r.error.code}`);
    return r.state;
  }, from);
}

function refused(state: RoomState, event: RoomEvent): string {
  const snapshot = structuredClone(state);
  const r = applyRoomEvent(state, event);
  assert.equal(r.state, state, 'a refusal returns the same state');
  assert.deepEqual(state, snapshot, 'and does not mutate it');
  return r.ok ? 'ok' : r.error.code;
}

const join = (playerId: string, nickname: string, now: number): RoomEvent => ({ type: 'join', playerId, nickname, now });
/** Ada and Bo early, Cy and Di 20 minutes later. */
const lobby = () => play([join('a', 'Ada', T0), join('b', 'Bo', T0 + MIN), join('c', 'Cy', T0 + 20 * MIN), join('d', 'Di', T0 + 21 * MIN)]);
const ids = (s: RoomState) => s.players.map((p) => p.playerId);

describe('removing several players at once', () => {
  test('by ids: all of them out, kicked (no rejoin), each told', () => {
    const r = applyRoomEvent(lobby(), { type: 'kickMany', actor: HOST, selection: { by: 'ids', playerIds: ['b', 'd', 'b'] }, now: T0 + 30 * MIN });
    assert.ok(r.ok);
    assert.deepEqual(ids(r.state), ['a', 'c']);
    assert.deepEqual(r.state.kicked, ['b', 'd']);
    assert.deepEqual(r.effects, [{ type: 'kicked', playerId: 'b' }, { type: 'kicked', playerId: 'd' }]);
    assert.equal(refused(r.state, join('d', 'Di', T0 + 31 * MIN)), 'room/kicked');
  });

  test('by ids: one unknown id refuses the whole event', () => {
    assert.equal(refused(lobby(), { type: 'kickMany', actor: HOST, selection: { by: 'ids', playerIds: ['a', 'zz'] }, now: T0 + 30 * MIN }), 'room/unknown_player');
    assert.equal(refused(lobby(), { type: 'kickMany', actor: HOST, selection: { by: 'ids', playerIds: [] }, now: T0 + 30 * MIN }), 'room/none_selected');
  });

  test('joined in the last N minutes: those who joined since now - N, not before', () => {
    const s = play([{ type: 'kickMany', actor: HOST, selection: { by: 'joinedWithin', minutes: 10 }, now: T0 + 25 * MIN }], lobby());
    assert.deepEqual(ids(s), ['a', 'b']);
    assert.deepEqual(s.kicked, ['c', 'd']);
    // A minute of margin on the boundary: joinedAt exactly at now - N is in.
    const edge = play([{ type: 'kickMany', actor: HOST, selection: { by: 'joinedWithin', minutes: 4 }, now: T0 + 25 * MIN }], lobby());
    assert.deepEqual(ids(edge), ['a', 'b', 'c']);
    assert.equal(refused(lobby(), { type: 'kickMany', actor: HOST, selection: { by: 'joinedWithin', minutes: 1 }, now: T0 + 60 * MIN }), 'room/none_selected');
  });

  test('not submitted: players without a submission in the current round; scored rows of the removed stay', () => {
    let s = play([
      { type: 'startRound', actor: HOST, settings, now: T0 + 22 * MIN },
      { type: 'submit', playerId: 'a', now: T0 + 23 * MIN, entry: { challengeId: 'sign-digits', spec: null } },
      { type: 'submit', playerId: 'c', now: T0 + 23 * MIN, entry: { challengeId: 'sign-digits', spec: null } },
      { type: 'scored', playerId: 'c', round: 1, best: { submissionId: 's1', score: 0.8, paramCount: 10, submittedAt: T0 + 23 * MIN }, now: T0 + 24 * MIN },
    ], lobby());
    s = play([{ type: 'kickMany', actor: HOST, selection: { by: 'notSubmitted' }, now: T0 + 25 * MIN }], s);
    assert.deepEqual(ids(s), ['a', 'c']);
    assert.deepEqual(s.kicked, ['b', 'd']);
    // Once the round ended, the selection looks at that last round.
    s = play([{ type: 'endRound', actor: HOST, now: T0 + 26 * MIN }, join('e', 'Eve', T0 + 27 * MIN)], s);
    s = play([{ type: 'kickMany', actor: HOST, selection: { by: 'notSubmitted' }, now: T0 + 28 * MIN }], s);
    assert.deepEqual(ids(s), ['a', 'c']);
    s = play([{ type: 'kickMany', actor: HOST, selection: { by: 'ids', playerIds: ['c'] }, now: T0 + 29 * MIN }], s);
    assert.deepEqual(roundStandings(s).map((r) => [r.playerId, r.nickname]), [['c', 'Cy']]);
  });

  test('not submitted before any round is refused: nobody could have submitted', () => {
    assert.equal(refused(lobby(), { type: 'kickMany', actor: HOST, selection: { by: 'notSubmitted' }, now: T0 + 25 * MIN }), 'round/none');
  });

  test('only the host: a player is refused for every clean-up event', () => {
    const s = play([{ type: 'admission', actor: HOST, admission: 'approve', now: T0 + 22 * MIN }, join('w', 'Wu', T0 + 23 * MIN)], lobby());
    const a = asPlayer('a');
    assert.equal(refused(s, { type: 'kickMany', actor: a, selection: { by: 'ids', playerIds: ['b'] }, now: T0 + 25 * MIN }), 'room/not_host');
    assert.equal(refused(s, { type: 'kickMany', actor: a, selection: { by: 'notSubmitted' }, now: T0 + 25 * MIN }), 'room/not_host');
    assert.equal(refused(s, { type: 'admission', actor: a, admission: 'open', now: T0 + 25 * MIN }), 'room/not_host');
    assert.equal(refused(s, { type: 'admit', actor: a, playerIds: ['w'], now: T0 + 25 * MIN }), 'room/not_host');
    assert.equal(refused(s, { type: 'deny', actor: a, playerIds: ['w'], now: T0 + 25 * MIN }), 'room/not_host');
  });

  test('selectPlayers previews the same choice from host-view rows', () => {
    const rows = [{ playerId: 'a', joinedAt: 0, submissions: 1 }, { playerId: 'b', joinedAt: 5 * MIN, submissions: 0 }];
    assert.deepEqual(selectPlayers(rows, { by: 'joinedWithin', minutes: 2 }, 6 * MIN, false), { ok: true, playerIds: ['b'] });
    assert.deepEqual(selectPlayers(rows, { by: 'notSubmitted' }, 6 * MIN, true), { ok: true, playerIds: ['b'] });
  });
});

describe('the waiting list (admission: approve)', () => {
  const approving = () => play([{ type: 'admission', actor: HOST, admission: 'approve', now: T0 + 22 * MIN }], lobby());

  test('a newcomer waits: not a player, no class view, the host sees them', () => {
    const s = play([join('w', 'Ada', T0 + 23 * MIN)], approving());
    assert.deepEqual(ids(s), ['a', 'b', 'c', 'd']);
    assert.deepEqual(s.waiting?.map((w) => [w.playerId, w.nickname, w.connected]), [['w', 'Ada 2', true]]);
    assert.deepEqual(waitingRoomView(s, 'w'), { code: 'ACDEFH', nickname: 'Ada 2', askedAt: T0 + 23 * MIN });
    assert.equal(waitingRoomView(s, 'a'), null);
    assert.ok(!playerRoomView(s).players.some((p) => p.playerId === 'w'));
    const host = hostRoomView(s);
    assert.equal(host.admission, 'approve');
    assert.deepEqual(host.waiting.map((w) => w.playerId), ['w']);
    // Waiting players cannot act in the room.
    assert.equal(refused(s, { type: 'activity', playerId: 'w', activity: 'training', backend: null, now: T0 + 24 * MIN }), 'room/not_member');
  });

  test('members reconnecting are not put on the list; a waiting player reconnecting still waits', () => {
    let s = play([{ type: 'disconnect', playerId: 'a', now: T0 + 23 * MIN }, join('a', 'x', T0 + 24 * MIN)], approving());
    assert.equal(s.players.find((p) => p.playerId === 'a')?.connected, true);
    assert.deepEqual(s.waiting ?? [], []);
    s = play([join('w', 'Wu', T0 + 25 * MIN), { type: 'disconnect', playerId: 'w', now: T0 + 26 * MIN }], s);
    assert.equal(s.waiting?.[0]?.connected, false);
    s = play([{ type: 'admission', actor: HOST, admission: 'open', now: T0 + 27 * MIN }, join('w', 'Wu', T0 + 28 * MIN)], s);
    assert.deepEqual(s.waiting?.map((w) => [w.playerId, w.connected]), [['w', true]]);
    assert.ok(!ids(s).includes('w'));
  });

  test('admit moves them into players (a live join); several at once', () => {
    let s = play([join('w', 'Wu', T0 + 23 * MIN), join('x', 'Xi', T0 + 23 * MIN), join('y', 'Yo', T0 + 23 * MIN)], approving());
    const r = applyRoomEvent(s, { type: 'admit', actor: HOST, playerIds: ['w', 'y'], now: T0 + 24 * MIN });
    assert.ok(r.ok);
    s = r.state;
    assert.deepEqual(r.effects, [{ type: 'admitted', playerId: 'w' }, { type: 'admitted', playerId: 'y' }]);
    assert.deepEqual(ids(s), ['a', 'b', 'c', 'd', 'w', 'y']);
    assert.equal(s.players.at(-1)?.joinedAt, T0 + 24 * MIN);
    assert.deepEqual(s.waiting?.map((w) => w.playerId), ['x']);
    assert.equal(refused(s, { type: 'admit', actor: HOST, playerIds: ['w'], now: T0 + 25 * MIN }), 'room/not_waiting');
  });

  test('admit keeps names unique against players who came in meanwhile', () => {
    let s = play([join('w', 'Kim', T0 + 23 * MIN), { type: 'admission', actor: HOST, admission: 'open', now: T0 + 23 * MIN }, join('k', 'kim', T0 + 24 * MIN)], approving());
    s = play([{ type: 'admit', actor: HOST, playerIds: ['w'], now: T0 + 25 * MIN }], s);
    assert.deepEqual(s.players.slice(-2).map((p) => p.nickname), ['kim', 'Kim 2']);
  });

  test('admit into a full room or a locked room is refused, all or nothing', () => {
    let s = play([join('a', 'Ada', T0), join('b', 'Bo', T0), { type: 'admission', actor: HOST, admission: 'approve', now: T0 }, join('w', 'Wu', T0), join('x', 'Xi', T0)], createRoom('ACDEFH', T0, 3));
    assert.equal(refused(s, { type: 'admit', actor: HOST, playerIds: ['w', 'x'], now: T0 + 1 }), 'room/full');
    s = play([{ type: 'lock', actor: HOST, locked: true, now: T0 + 1 }], s);
    assert.equal(refused(s, { type: 'admit', actor: HOST, playerIds: ['w'], now: T0 + 2 }), 'room/locked');
    s = play([{ type: 'lock', actor: HOST, locked: false, now: T0 + 3 }, { type: 'admit', actor: HOST, playerIds: ['w'], now: T0 + 4 }], s);
    assert.deepEqual(ids(s), ['a', 'b', 'w']);
    // A full room refuses even to put a newcomer on the list; a locked room too.
    assert.equal(refused(s, join('z', 'Zed', T0 + 5)), 'room/full');
  });

  test('a locked room refuses newcomers before the list', () => {
    const s = play([{ type: 'lock', actor: HOST, locked: true, now: T0 + 23 * MIN }], approving());
    assert.equal(refused(s, join('w', 'Wu', T0 + 24 * MIN)), 'room/locked');
  });

  test('the waiting list is bounded', () => {
    let s = approving();
    for (let i = 0; i < ROOM_WAITING_MAX; i++) s = play([join(`w${i}`, `W ${i}`, T0 + 23 * MIN)], s);
    assert.equal(refused(s, join('late', 'Late', T0 + 24 * MIN)), 'room/waiting_full');
    // "Admit all" fits in one event.
    assert.ok(ROOM_WAITING_MAX <= SELECTION_MAX_IDS);
    assert.ok(applyRoomEvent(s, { type: 'admit', actor: HOST, playerIds: s.waiting?.slice(0, 96).map((w) => w.playerId) ?? [], now: T0 + 25 * MIN }).ok);
  });

  test('deny takes them off the list for good (like a kick), each told', () => {
    let s = play([join('w', 'Wu', T0 + 23 * MIN), join('x', 'Xi', T0 + 23 * MIN)], approving());
    const r = applyRoomEvent(s, { type: 'deny', actor: HOST, playerIds: ['w', 'x'], now: T0 + 24 * MIN });
    assert.ok(r.ok);
    s = r.state;
    assert.deepEqual(r.effects, [{ type: 'kicked', playerId: 'w' }, { type: 'kicked', playerId: 'x' }]);
    assert.deepEqual(s.waiting, []);
    assert.equal(refused(s, join('w', 'Wu', T0 + 25 * MIN)), 'room/kicked');
    s = play([{ type: 'admission', actor: HOST, admission: 'open', now: T0 + 26 * MIN }], s);
    assert.equal(refused(s, join('x', 'Xi', T0 + 27 * MIN)), 'room/kicked');
    assert.equal(refused(s, { type: 'deny', actor: HOST, playerIds: ['a'], now: T0 + 27 * MIN }), 'room/not_waiting');
  });

  test('a disconnected waiting player leaves the list after the grace period (in any phase); leave is at once', () => {
    let s = play([{ type: 'startRound', actor: HOST, settings, now: T0 + 22 * MIN }, join('w', 'Wu', T0 + 23 * MIN), join('x', 'Xi', T0 + 23 * MIN)], approving());
    s = play([{ type: 'disconnect', playerId: 'w', now: T0 + 24 * MIN }], s);
    s = play([{ type: 'tick', now: T0 + 24 * MIN + RECONNECT_GRACE_MS - 1 }], s);
    assert.deepEqual(s.waiting?.map((w) => w.playerId), ['w', 'x']);
    const r = applyRoomEvent(s, { type: 'tick', now: T0 + 24 * MIN + RECONNECT_GRACE_MS });
    assert.ok(r.ok);
    assert.deepEqual(r.state.waiting?.map((w) => w.playerId), ['x']);
    assert.deepEqual(r.effects, [{ type: 'playerRemoved', playerId: 'w' }]);
    const left = applyRoomEvent(r.state, { type: 'leave', playerId: 'x', now: T0 + 30 * MIN });
    assert.ok(left.ok);
    assert.deepEqual(left.state.waiting, []);
    // Not kicked: a player whose place lapsed may ask again.
    assert.ok(applyRoomEvent(left.state, join('w', 'Wu', T0 + 31 * MIN)).ok);
  });

  test('a tick with nobody lapsed returns the same state (no write)', () => {
    const s = play([join('w', 'Wu', T0 + 23 * MIN)], approving());
    const r = applyRoomEvent(s, { type: 'tick', now: T0 + 24 * MIN });
    assert.equal(r.state, s);
  });

  test('a room saved before (no admission, no waiting) is open, with an empty list, and survives JSON', () => {
    const legacy = JSON.parse(JSON.stringify(lobby())) as RoomState & { admission?: unknown; waiting?: unknown };
    delete legacy.admission;
    delete legacy.waiting;
    const host = hostRoomView(legacy);
    assert.equal(host.admission, 'open');
    assert.deepEqual(host.waiting, []);
    const s = play([join('e', 'Eve', T0 + 30 * MIN)], legacy);
    assert.ok(ids(s).includes('e'));
    const approved = play([{ type: 'admission', actor: HOST, admission: 'approve', now: T0 + 31 * MIN }, join('f', 'Fay', T0 + 32 * MIN)], JSON.parse(JSON.stringify(s)) as RoomState);
    const restored = JSON.parse(JSON.stringify(approved)) as RoomState;
    assert.deepEqual(restored.waiting?.map((w) => w.playerId), ['f']);
    assert.ok(applyRoomEvent(restored, { type: 'admit', actor: HOST, playerIds: ['f'], now: T0 + 33 * MIN }).ok);
  });
});
