import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoomEvent, createRoom } from '../../../../game/room/machine';
import { DEFAULT_ROUND_SETTINGS } from '../../../../game/room/settings';
import type { Actor, RoomEvent, RoomState } from '../../../../game/room/types';
import { hostRoomView, playerRoomView } from '../../../../game/room/views';

const T0 = 1_700_000_000_000;
const HOST: Actor = { role: 'host' };

function play(events: RoomEvent[], from = createRoom('ACDEFH', T0)): RoomState {
  return events.reduce((s, e) => {
    const r = applyRoomEvent(s, e);
    if (!r.ok) throw new Error(`${e.type}: ${r.error.code}`);
    return r.state;
  }, from);
}

const settings = { ...DEFAULT_ROUND_SETTINGS, challengeId: 'sign-digits' as const, durationMs: 60_000 };
const running = () => play([
  { type: 'join', playerId: 'p1', nickname: 'Ann', now: T0 + 1 },
  { type: 'startRound', actor: HOST, settings, now: T0 + 10 },
]);
const ended = () => play([{ type: 'endRound', actor: HOST, now: T0 + 50 }], running());
const publish = (s: RoomState, published: boolean, now = T0 + 100, round = 1, actor: Actor = HOST) => applyRoomEvent(s, { type: 'publish', actor, round, published, now });

describe('the publish event', () => {
  test('a round is private until the host publishes it, after it ended', () => {
    const s = ended();
    assert.equal(s.round?.publishedAt ?? null, null);
    assert.equal(hostRoomView(s).round?.publishedAt, null);
    const r = publish(s, true);
    assert.ok(r.ok);
    assert.equal(r.state.round?.publishedAt, T0 + 100);
    assert.deepEqual(r.effects, [{ type: 'published', round: 1, publishedAt: T0 + 100 }]);
    assert.equal(hostRoomView(r.state).round?.publishedAt, T0 + 100, 'the host sees it');
    assert.equal(playerRoomView(r.state).round?.publishedAt, T0 + 100, 'and so do the players');
    assert.equal(r.state.lastActivityAt, T0 + 100);
  });

  test('publishing again keeps the first time; unpublishing makes it private again', () => {
    const once = publish(ended(), true);
    assert.ok(once.ok);
    const twice = publish(once.state, true, T0 + 200);
    assert.ok(twice.ok);
    assert.equal(twice.state.round?.publishedAt, T0 + 100);
    const back = publish(twice.state, false, T0 + 300);
    assert.ok(back.ok);
    assert.equal(back.state.round?.publishedAt, null);
    assert.deepEqual(back.effects, [{ type: 'published', round: 1, publishedAt: null }]);
  });

  test('an earlier round may be published while the next one runs (it ended); the state keeps the current round', () => {
    const published = publish(ended(), true);
    assert.ok(published.ok);
    const next = play([{ type: 'startRound', actor: HOST, settings, now: T0 + 400 }], published.state);
    assert.equal(next.round?.number, 2);
    assert.equal(next.round?.publishedAt, undefined, 'a new round starts private');
    const earlier = publish(next, false, T0 + 500, 1);
    assert.ok(earlier.ok);
    assert.deepEqual(earlier.effects, [{ type: 'published', round: 1, publishedAt: null }]);
    assert.equal(earlier.state.round, next.round, 'the running round is untouched');
  });

  test('a closed room\'s last round can still be published by its host (the teacher may decide later)', () => {
    const closed = play([{ type: 'tick', now: T0 + 5 * 60 * 60 * 1000 }], ended());
    assert.equal(closed.phase, 'closed');
    const r = publish(closed, true, T0 + 6 * 60 * 60 * 1000);
    assert.ok(r.ok);
    assert.equal(r.state.phase, 'closed', 'it stays closed');
    assert.equal(r.state.round?.publishedAt, T0 + 6 * 60 * 60 * 1000);
  });

  const refusals: [string, () => RoomState, Partial<{ round: number; actor: Actor }>, string][] = [
    ['before any round', () => createRoom('ACDEFH', T0), {}, 'round/not_found'],
    ['while the round runs', running, {}, 'round/not_ended'],
    ['a round that does not exist yet', ended, { round: 2 }, 'round/not_found'],
    ['round 0', ended, { round: 0 }, 'round/not_found'],
    ['by a player', ended, { actor: { role: 'player', playerId: 'p1' } }, 'room/not_host'],
    ['by a player in a closed room', () => play([{ type: 'tick', now: T0 + 5 * 60 * 60 * 1000 }], ended()), { actor: { role: 'player', playerId: 'p1' } }, 'room/not_host'],
    ['in a room closed before any round', () => play([{ type: 'tick', now: T0 + 5 * 60 * 60 * 1000 }]), {}, 'round/not_found'],
  ];
  for (const [name, state, opts, code] of refusals) {
    test(`refused ${name}, state unchanged`, () => {
      const s = state();
      const r = publish(s, true, T0 + 100, opts.round ?? 1, opts.actor ?? HOST);
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.error.code, code);
      assert.equal(r.state, s);
    });
  }
});
