import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoomEvent, createRoom } from '../../../../game/room/machine';
import { DEFAULT_ROUND_SETTINGS } from '../../../../game/room/settings';
import type { Actor, RoomEvent, RoomState } from '../../../../game/room/types';

const T0 = 1_700_000_000_000;
const HOST: Actor = { role: 'host' };

function play(events: RoomEvent[], from = createRoom('ACDEFH', T0)): RoomState {
  return events.reduce((s, e) => {
    const r = applyRoomEvent(s, e);
    if (!r.ok) throw new Error(`${e.type}: ${r.error.code}`);
    return r.state;
  }, from);
}

const round = (challengeId: 'boss-2' | 'sign-digits') => play([
  { type: 'join', playerId: 'p1', nickname: 'Ann', now: T0 + 1 },
  { type: 'startRound', actor: HOST, settings: { ...DEFAULT_ROUND_SETTINGS, challengeId, durationMs: 60_000 }, now: T0 + 10 },
]);
const reveal = (s: RoomState, actor: Actor = HOST, now = T0 + 100) => applyRoomEvent(s, { type: 'reveal', actor, now });

describe('the reveal event', () => {
  test('a host reveals an ended boss round once; the round keeps when', () => {
    const ended = play([{ type: 'endRound', actor: HOST, now: T0 + 50 }], round('boss-2'));
    const r = reveal(ended);
    assert.ok(r.ok);
    assert.equal(r.state.round?.revealedAt, T0 + 100);
    assert.deepEqual(r.effects, [{ type: 'revealed', round: 1 }]);
    const twice = reveal(r.state, HOST, T0 + 200);
    assert.equal(twice.ok, false);
    if (!twice.ok) assert.equal(twice.error.code, 'round/already_revealed');
  });

  const refusals: [string, () => RoomState, Actor, string][] = [
    ['before any round', () => createRoom('ACDEFH', T0), HOST, 'round/not_boss'],
    ['while the boss round runs', () => round('boss-2'), HOST, 'round/not_ended'],
    ['a round that is not a boss', () => play([{ type: 'endRound', actor: HOST, now: T0 + 50 }], round('sign-digits')), HOST, 'round/not_boss'],
    ['by a player', () => play([{ type: 'endRound', actor: HOST, now: T0 + 50 }], round('boss-2')), { role: 'player', playerId: 'p1' }, 'room/not_host'],
    [
      'while a submission is still being scored',
      () => play([{ type: 'submit', playerId: 'p1', now: T0 + 20, entry: { challengeId: 'boss-2', spec: null } }, { type: 'endRound', actor: HOST, now: T0 + 50 }], round('boss-2')),
      HOST,
      'round/scoring_pending',
    ],
  ];
  for (const [name, state, actor, code] of refusals) {
    test(`refused ${name}, state unchanged`, () => {
      const s = state();
      const r = reveal(s, actor);
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.error.code, code);
      assert.equal(r.state, s);
    });
  }
});
