/**
 * Replayed scenarios: a scripted class period, and long seeded streams of random events (legal and
 * illegal) checked against the room's invariants after every step.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoomEvent, createRoom } from '../../../../game/room/machine';
import { DEFAULT_ROUND_SETTINGS } from '../../../../game/room/settings';
import type { Actor, RoomEvent, RoomState } from '../../../../game/room/types';
import { hostRoomView, myRoundView, playerRoomView, podium, roundStandings } from '../../../../game/room/views';
import { mulberry32 } from '../../../../game/random';

const T0 = 1_700_000_000_000;
const HOST: Actor = { role: 'host' };

function run(events: RoomEvent[]): { state: RoomState; refused: string[] } {
  let state = createRoom('KMPRTW', T0);
  const refused: string[] = [];
  for (const e of events) {
    const r = applyRoomEvent(state, e);
    if (!r.ok) refused.push(`${e.type}:${r.error.code}`);
    state = r.state;
  }
  return { state, refused };
}

describe('scenario: one class period', () => {
  const settings = { ...DEFAULT_ROUND_SETTINGS, durationMs: 10 * 60_000, maxSubmissions: 3 };
  const min = 60_000;
  const events: RoomEvent[] = [
    { type: 'join', playerId: 'p1', nickname: '민준', now: T0 + 1_000 },
    { type: 'join', playerId: 'p2', nickname: '서연', now: T0 + 2_000 },
    { type: 'join', playerId: 'p3', nickname: 'b1tch', now: T0 + 3_000 },
    { type: 'join', playerId: 'p4', nickname: '민준', now: T0 + 4_000 },
    { type: 'kick', actor: { role: 'player', playerId: 'p3' }, playerId: 'p1', now: T0 + 5_000 },
    { type: 'lock', actor: HOST, locked: true, now: T0 + 6_000 },
    { type: 'join', playerId: 'p5', nickname: 'late', now: T0 + 7_000 },
    { type: 'startRound', actor: HOST, settings, now: T0 + min },
    { type: 'activity', playerId: 'p1', activity: 'training', backend: 'webgpu', now: T0 + 2 * min },
    { type: 'submit', playerId: 'p1', now: T0 + 3 * min, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'submit', playerId: 'p2', now: T0 + 3 * min + 1, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'disconnect', playerId: 'p2', now: T0 + 3 * min + 2 },
    { type: 'scored', playerId: 'p1', round: 1, best: { submissionId: 's1', score: 0.71, paramCount: 900, submittedAt: T0 + 3 * min }, now: T0 + 3 * min + 500 },
    { type: 'scored', playerId: 'p2', round: 1, best: { submissionId: 's2', score: 0.71, paramCount: 800, submittedAt: T0 + 3 * min + 1 }, now: T0 + 3 * min + 600 },
    { type: 'join', playerId: 'p2', nickname: 'whatever', now: T0 + 4 * min },
    { type: 'submit', playerId: 'p4', now: T0 + 5 * min, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'scored', playerId: 'p4', round: 1, best: { submissionId: 's4', score: 0.88, paramCount: 5000, submittedAt: T0 + 5 * min }, now: T0 + 5 * min + 400 },
    { type: 'submit', playerId: 'p3', now: T0 + 10 * min, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'tick', now: T0 + 11 * min + 3 },
    { type: 'submit', playerId: 'p1', now: T0 + 11 * min + 10, entry: { challengeId: 'sign-digits', spec: null } },
    { type: 'scored', playerId: 'p3', round: 1, best: { submissionId: 's3', score: 0.95, paramCount: 4000, submittedAt: T0 + 10 * min }, now: T0 + 11 * min + 20 },
  ];
  const { state, refused } = run(events);

  test('the forged kick, the locked-out newcomer and the late submission were refused', () => {
    assert.deepEqual(refused, ['kick:room/not_host', 'join:room/locked', 'submit:round/ended']);
  });

  test('the round ended on time and the late-scored submission made before the deadline counts', () => {
    assert.equal(state.phase, 'ended');
    assert.equal(state.round?.endedAt, T0 + 11 * min);
    assert.deepEqual(
      roundStandings(state).map((s) => [s.rank, s.nickname, s.score]),
      [[1, 'Neuron 1', 0.95], [2, '민준 2', 0.88], [3, '민준', 0.71], [4, '서연', 0.71]],
    );
    assert.equal(podium(roundStandings(state)).length, 3);
  });

  test('the reconnected player kept their nickname and score', () => {
    const p2 = state.players.find((p) => p.playerId === 'p2');
    assert.equal(p2?.nickname, '서연');
    assert.equal(p2?.connected, true);
    assert.equal(myRoundView(state, 'p2')?.best?.score, 0.71);
  });

  test('views: players see no backends or activities; the host sees the wall', () => {
    const pv = JSON.stringify(playerRoomView(state));
    assert.ok(!pv.includes('webgpu') && !pv.includes('activity'));
    const hv = hostRoomView(state);
    assert.equal(hv.players.find((p) => p.playerId === 'p1')?.backend, 'webgpu');
  });
});

describe('scenario: seeded random event streams keep the invariants', () => {
  const ids = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
  const names = ['Ada', 'ada', 'Bo', 'fuck', '민준', '  민준 ', ''];
  function randomEvent(rand: () => number, now: number, state: RoomState): RoomEvent {
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const playerId = pick(ids);
    const actor: Actor = rand() < 0.8 ? HOST : { role: 'player', playerId };
    const round = state.round?.number ?? 1;
    const settings = { ...DEFAULT_ROUND_SETTINGS, durationMs: 30_000 + Math.floor(rand() * 60_000), maxSubmissions: 1 + Math.floor(rand() * 3) };
    const choices: (() => RoomEvent)[] = [
      () => ({ type: 'join', playerId, nickname: pick(names), now }),
      () => ({ type: 'disconnect', playerId, now }),
      () => ({ type: 'leave', playerId, now }),
      () => ({ type: 'kick', actor, playerId, now }),
      () => ({ type: 'lock', actor, locked: rand() < 0.5, now }),
      () => ({ type: 'rename', actor, playerId, nickname: pick(names), now }),
      () => ({ type: 'startRound', actor, settings, now }),
      () => ({ type: 'endRound', actor, now }),
      () => ({ type: 'submit', playerId, now, entry: { challengeId: 'sign-digits', spec: null } }),
      () => ({ type: 'submit', playerId, now, entry: { challengeId: 'sign-digits', spec: null } }),
      () => ({ type: 'scored', playerId, round, best: { submissionId: `s${now}`, score: Math.round(rand() * 100) / 100, paramCount: 10, submittedAt: now }, now }),
      () => ({ type: 'scoreFailed', playerId, round, now }),
      () => ({ type: 'activity', playerId, activity: 'training', backend: 'wasm', now }),
      () => ({ type: 'tick', now }),
    ];
    return pick(choices)();
  }

  function checkInvariants(s: RoomState, prev: RoomState): void {
    const lower = s.players.map((p) => p.nickname.toLowerCase());
    assert.equal(new Set(lower).size, lower.length, 'nicknames unique in the room');
    assert.equal(new Set(s.players.map((p) => p.playerId)).size, s.players.length, 'each player once');
    for (const k of s.kicked) assert.ok(!s.players.some((p) => p.playerId === k), 'a kicked player is not in the room');
    for (const [, e] of Object.entries(s.round?.entries ?? {})) {
      assert.ok(e.pending >= 0 && e.pending <= e.submissions, 'pending within submissions');
      assert.ok(e.submissions <= (s.round?.settings.maxSubmissions ?? 0), 'submission limit holds');
    }
    if (s.phase === 'running') assert.ok(s.round && s.round.endedAt === null);
    if (s.phase === 'ended') assert.ok(s.round && s.round.endedAt !== null);
    if (prev.phase === 'closed') assert.equal(s.phase, 'closed', 'closed is final');
    assert.ok((s.round?.number ?? 0) >= (prev.round?.number ?? 0), 'round numbers only grow');
  }

  for (const seed of [1, 2, 3, 42, 2026]) {
    test(`seed ${seed}: 2,000 events`, () => {
      const rand = mulberry32(seed);
      let state = createRoom('KMPRTW', T0);
      let now = T0;
      let refusals = 0;
      for (let i = 0; i < 2_000; i++) {
        now += Math.floor(rand() * 20_000);
        const event = randomEvent(rand, now, state);
        const r = applyRoomEvent(state, event);
        if (!r.ok) {
          refusals++;
          assert.equal(r.state, state, 'a refusal returns the same state');
        }
        checkInvariants(r.state, state);
        state = r.state;
      }
      // Both kinds happen, so the stream exercises legal and illegal paths.
      assert.ok(refusals > 100 && refusals < 1_900, `refusals ${refusals}`);
    });
  }

  test('the same seed replays to the same state', () => {
    const replay = (seed: number) => {
      const rand = mulberry32(seed);
      let state = createRoom('KMPRTW', T0);
      for (let i = 0, now = T0; i < 500; i++) {
        now += Math.floor(rand() * 20_000);
        state = applyRoomEvent(state, randomEvent(rand, now, state)).state;
      }
      return state;
    };
    assert.deepEqual(replay(7), replay(7));
    assert.notDeepEqual(replay(7), replay(8));
  });
});
