/**
 * joinRefusal: the first step of joining says what a join would say, in the reducer's order, without
 * a nickname. Checked against the reducer itself: whenever joinRefusal says null a join is applied
 * (or put on the waiting list), and whenever it names a code the join is refused with that code.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOM_WAITING_MAX } from '../../../../game/room/admission';
import { isKnownTo, joinRefusal } from '../../../../game/room/joinable';
import { applyRoomEvent, createRoom } from '../../../../game/room/machine';
import type { Actor, RoomEvent, RoomState } from '../../../../game/room/types';

const T0 = 1_700_000_000_000;
const HOST: Actor = { role: 'host' };

function play(events: RoomEvent[], from = createRoom('ACDEFH', T0, 3)): RoomState {
  return events.reduce((s, e) => {
    const r = applyRoomEvent(s, e);
    assert.ok(r.ok, `${e.type} refused: ${r.ok ? '' : r.error.code}`);
    return r.state;
  }, from);
}
const join = (playerId: string, now = T0): RoomEvent => ({ type: 'join', playerId, nickname: `P ${playerId}`, now });
/** What the reducer answers a join of `playerId` (a newcomer gets a nickname of their own). */
const reducerSays = (s: RoomState, playerId: string) => {
  const r = applyRoomEvent(s, join(playerId, T0 + 1));
  return r.ok ? null : r.error.code;
};

const CASES: Array<[string, () => RoomState, string, string | null]> = [
  ['an open lobby, a newcomer', () => play([join('a')]), 'n', null],
  ['a full room, a newcomer', () => play([join('a'), join('b'), join('c')]), 'n', 'room/full'],
  ['a full room, a member', () => play([join('a'), join('b'), join('c')]), 'a', null],
  ['a locked room, a newcomer', () => play([join('a'), { type: 'lock', actor: HOST, locked: true, now: T0 }]), 'n', 'room/locked'],
  ['a locked room, a member', () => play([join('a'), { type: 'lock', actor: HOST, locked: true, now: T0 }]), 'a', null],
  ['a removed player', () => play([join('a'), { type: 'kick', actor: HOST, playerId: 'a', now: T0 }]), 'a', 'room/kicked'],
  ['a closed room', () => play([join('a'), { type: 'tick', now: T0 + 5 * 3600_000 }]), 'a', 'room/closed'],
  ['the host admits each newcomer', () => play([{ type: 'admission', actor: HOST, admission: 'approve', now: T0 }]), 'n', null],
];

describe('joinRefusal: what a join would answer, before the nickname', () => {
  for (const [name, state, who, expected] of CASES) {
    test(`${name}: ${expected ?? 'joinable'}, as the reducer says`, () => {
      const s = state();
      assert.equal(joinRefusal(s, who), expected);
      assert.equal(reducerSays(s, who), expected);
    });
  }

  test('before registering (no player yet) a browser is a newcomer', () => {
    assert.equal(joinRefusal(play([join('a')]), null), null);
    assert.equal(joinRefusal(play([join('a'), join('b'), join('c')]), null), 'room/full');
    assert.equal(isKnownTo(play([join('a')]), null), false);
  });

  test('a full waiting list refuses newcomers, not those already on it', () => {
    const events: RoomEvent[] = [{ type: 'admission', actor: HOST, admission: 'approve', now: T0 }];
    for (let i = 0; i < ROOM_WAITING_MAX; i++) events.push(join(`w${i}`));
    const s = play(events, createRoom('ACDEFH', T0));
    assert.equal(joinRefusal(s, 'n'), 'room/waiting_full');
    assert.equal(reducerSays(s, 'n'), 'room/waiting_full');
    assert.equal(joinRefusal(s, 'w7'), null);
    assert.ok(isKnownTo(s, 'w7'));
  });
});
