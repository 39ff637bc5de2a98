import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoomEvent, createRoom } from '../../../../game/room/machine';
import { applyLocked, DEFAULT_ROUND_SETTINGS, lockedMismatches, roundSettingsSchema } from '../../../../game/room/settings';
import type { RoomEvent, RoomState } from '../../../../game/room/types';
import {
  appendCurvePoint,
  CSV_HEADER,
  hostRoomView,
  myRoundView,
  myRoundViews,
  PLAYER_VIEW_PLAYERS,
  PLAYER_VIEW_STANDINGS_FINAL,
  PLAYER_VIEW_STANDINGS_LIVE,
  playerRoomView,
  resultRows,
  roundStandings,
  type CurvePoint,
} from '../../../../game/room/views';
import { defaultSpec } from '../../../../models/presets';

const T0 = 1_700_000_000_000;
function play(events: RoomEvent[]): RoomState {
  return events.reduce((s, e) => {
    const r = applyRoomEvent(s, e);
    assert.ok(r.ok, r.ok ? '' : r.error.code);
    return r.state;
  }, createRoom('ACDEFH', T0));
}

function roundWithScores(leaderboardVisible: boolean): RoomState {
  const settings = { ...DEFAULT_ROUND_SETTINGS, leaderboardVisible };
  return play([
    { type: 'join', playerId: 'a', nickname: 'Ada', now: T0 },
    { type: 'join', playerId: 'b', nickname: '=cmd|calc', now: T0 },
    { type: 'startRound', actor: { role: 'host' }, settings, now: T0 + 1 },
    { type: 'submit', playerId: 'a', now: T0 + 2, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'submit', playerId: 'b', now: T0 + 3, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'scored', playerId: 'a', round: 1, best: { submissionId: 'sa', score: 0.5, paramCount: 10, submittedAt: T0 + 2 }, now: T0 + 4 },
    { type: 'scored', playerId: 'b', round: 1, best: { submissionId: 'sb', score: 0.75, paramCount: 20, submittedAt: T0 + 3 }, now: T0 + 5 },
  ]);
}

describe('room views', () => {
  test('a hidden leaderboard is stripped from the player view while the round runs', () => {
    const s = roundWithScores(false);
    assert.equal(playerRoomView(s).standings, null);
    const me = myRoundView(s, 'a');
    assert.equal(me?.best?.score, 0.5, 'a player still sees their own best');
    assert.equal(me?.rank, null, 'but not their rank');
    const text = JSON.stringify(playerRoomView(s));
    assert.ok(!text.includes('0.75') && !text.includes('sb'), 'no other score or submission id leaks');
  });

  test('the leaderboard shows once the round ends, ranked', () => {
    const s = applyRoomEvent(roundWithScores(false), { type: 'endRound', actor: { role: 'host' }, now: T0 + 9 }).state;
    assert.deepEqual(playerRoomView(s).standings?.map((r) => [r.rank, r.playerId]), [[1, 'b'], [2, 'a']]);
    assert.equal(myRoundView(s, 'a')?.rank, 2);
  });

  test('myRoundViews gives every member what myRoundView gives, board shown or hidden', () => {
    for (const visible of [true, false]) {
      const s = roundWithScores(visible);
      const all = myRoundViews(s);
      assert.deepEqual([...all.keys()], ['a', 'b']);
      for (const id of ['a', 'b']) assert.deepEqual(all.get(id), myRoundView(s, id));
    }
    assert.deepEqual([...myRoundViews(createRoom('ACDEFH', T0)).values()], []);
  });

  test('a class gets whole lists; a bigger room sends players bounded lists, each player their own rank', () => {
    const small = playerRoomView(roundWithScores(true));
    assert.deepEqual([small.players.length, small.playerCount, small.standings?.length, small.standingsTotal], [2, 2, 2, 2]);
    assert.deepEqual([small.round?.pending, small.round?.settled], [0, 2]);

    const n = 250;
    const scored = 180;
    const events: RoomEvent[] = [];
    for (let i = 0; i < n; i++) events.push({ type: 'join', playerId: `p${i}`, nickname: `P${i}`, now: T0 });
    events.push({ type: 'startRound', actor: { role: 'host' }, settings: { ...DEFAULT_ROUND_SETTINGS, leaderboardVisible: true }, now: T0 + 1 });
    for (let i = 0; i < scored + 5; i++) events.push({ type: 'submit', playerId: `p${i}`, now: T0 + 2, entry: { challengeId: 'sign-digits', spec: null } });
    for (let i = 0; i < scored; i++) {
      events.push({ type: 'scored', playerId: `p${i}`, round: 1, best: { submissionId: `s${i}`, score: (i % 97) / 100, paramCount: 1, submittedAt: T0 + 2 }, now: T0 + 3 });
    }
    const running = events.reduce((s, e) => applyRoomEvent(s, e).state, createRoom('ACDEFH', T0, n));
    const all = roundStandings(running);
    const lobby = playerRoomView(events.slice(0, n).reduce((s, e) => applyRoomEvent(s, e).state, createRoom('ACDEFH', T0, n)));
    assert.deepEqual(lobby.players.map((p) => p.playerId), Array.from({ length: PLAYER_VIEW_PLAYERS }, (_, i) => `p${i}`));
    assert.equal(lobby.playerCount, n);
    const live = playerRoomView(running);
    assert.deepEqual(live.players, [], 'past the lobby, a room bigger than a class lists no one');
    assert.equal(live.playerCount, n);
    assert.deepEqual(live.standings, all.slice(0, PLAYER_VIEW_STANDINGS_LIVE));
    assert.equal(live.standingsTotal, scored);
    assert.deepEqual([live.round?.pending, live.round?.settled], [5, scored]);
    const last = all.at(-1);
    assert.ok(last && last.rank > PLAYER_VIEW_STANDINGS_LIVE);
    assert.equal(myRoundView(running, last.playerId)?.rank, last.rank, 'a player below the top rows still gets their rank');

    const ended = applyRoomEvent(running, { type: 'endRound', actor: { role: 'host' }, now: T0 + 9 }).state;
    assert.deepEqual(playerRoomView(ended).standings, roundStandings(ended).slice(0, PLAYER_VIEW_STANDINGS_FINAL));
    const host = hostRoomView(ended);
    assert.deepEqual([host.players.length, host.standings.length], [n, scored], 'the host sees everyone');

    const hidden = applyRoomEvent(createRoom('ACDEFH', T0), { type: 'join', playerId: 'a', nickname: 'A', now: T0 }).state;
    const hiddenRound = applyRoomEvent(hidden, { type: 'startRound', actor: { role: 'host' }, settings: { ...DEFAULT_ROUND_SETTINGS, leaderboardVisible: false }, now: T0 }).state;
    assert.deepEqual([playerRoomView(hiddenRound).standings, playerRoomView(hiddenRound).standingsTotal], [null, null]);
  });

  test('result rows follow the CSV header', () => {
    const rows = resultRows(roundStandings(roundWithScores(true)));
    assert.equal(rows[0]?.length, CSV_HEADER.length);
    assert.deepEqual(rows[0], [1, '=cmd|calc', '75.00', 1, 20, new Date(T0 + 3).toISOString(), '2023-11-14 22:13:20', 'UTC']);
  });
});

describe('class wall curves', () => {
  const pt = (x: number): CurvePoint => ({ x, loss: 1 / (x + 1), acc: null });
  test('keeps at most the cap and the whole span', () => {
    let curve: CurvePoint[] = [];
    for (let i = 0; i < 1_000; i++) curve = appendCurvePoint(curve, pt(i), 64);
    assert.ok(curve.length <= 64 && curve.length >= 32, `length ${curve.length}`);
    assert.equal(curve[0]?.x, 0);
    assert.equal(curve.at(-1)?.x, 999);
    for (let i = 1; i < curve.length; i++) assert.ok((curve[i]?.x ?? 0) > (curve[i - 1]?.x ?? 0));
  });
  test('a new training run (x goes back) starts a new curve', () => {
    assert.deepEqual(appendCurvePoint([pt(1), pt(2)], pt(0)), [pt(0)]);
  });
});

describe('round settings and locked hyper-parameters', () => {
  test('the schema refuses unknown challenges, out-of-range lengths and unknown keys', () => {
    assert.ok(roundSettingsSchema.safeParse(DEFAULT_ROUND_SETTINGS).success);
    for (const bad of [
      { ...DEFAULT_ROUND_SETTINGS, challengeId: 'mnist' },
      { ...DEFAULT_ROUND_SETTINGS, durationMs: 1_000 },
      { ...DEFAULT_ROUND_SETTINGS, maxSubmissions: 0 },
      { ...DEFAULT_ROUND_SETTINGS, locked: { optimizer: 'lbfgs' } },
      { ...DEFAULT_ROUND_SETTINGS, score: 1 },
    ]) assert.equal(roundSettingsSchema.safeParse(bad).success, false, JSON.stringify(bad));
  });

  test('mismatches name each locked field; applyLocked makes a spec comply', () => {
    const spec = defaultSpec('sign-digits');
    const locked = { optimizer: 'sgd' as const, learningRate: 0.05, epochs: spec.training.epochs, batchSize: 64 };
    assert.deepEqual(lockedMismatches(locked, spec), [
      { path: 'training.optimizer.type', expected: 'sgd', got: spec.training.optimizer.type },
      { path: 'training.optimizer.learningRate', expected: 0.05, got: spec.training.optimizer.learningRate },
      { path: 'training.batchSize', expected: 64, got: spec.training.batchSize },
    ]);
    const fixed = applyLocked(locked, spec);
    assert.deepEqual(lockedMismatches(locked, fixed), []);
    assert.deepEqual(fixed.layers, spec.layers);
    assert.deepEqual(lockedMismatches({}, spec), []);
  });
});
