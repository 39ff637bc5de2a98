/**
 * A room bigger than a class (ROOM_MAX_PLAYERS raised for the server): joins past the default cap
 * are accepted, and its views are throttled. On a clock that only moves when told, a change inside
 * the interval reaches nobody until the interval has passed, then one view carries every change
 * since; a change of phase goes out at once. Players get bounded lists, the host everything.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Clock, ClockTimer } from '../../../server/clock';
import { PLAYER_VIEW_PLAYERS } from '../../../game/room/views';
import type { HostRoomView } from '../../../protocol';
import { THROTTLE_ABOVE_PLAYERS, viewIntervalMs } from '../../../server/rooms/publish';
import { request, startTestServer, type TestServer } from '../server/harness';
import { SETTINGS, closeAll, createHostedRoom, joinAs, until, type Host, type Player } from './helpers';

/** Time stands still until advance(); timers fire only then. */
class ManualClock implements Clock {
  private t = Date.now();
  private nextId = 1;
  private readonly timers = new Map<number, { due: number; fn: () => void }>();
  readonly now = () => this.t;
  readonly setTimeout = (fn: () => void, ms: number): ClockTimer => {
    const id = this.nextId++;
    this.timers.set(id, { due: this.t + ms, fn });
    return id as unknown as ClockTimer;
  };
  readonly clearTimeout = (timer: ClockTimer) => void this.timers.delete(timer as unknown as number);
  advance(ms: number): void {
    this.t += ms;
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].due - b[1].due)) {
      if (timer.due > this.t || !this.timers.has(id)) continue;
      this.timers.delete(id);
      timer.fn();
    }
  }
}

const CAP = THROTTLE_ABOVE_PLAYERS + 20;

describe('a room bigger than a class', () => {
  const clock = new ManualClock();
  let t: TestServer;
  let host: Host;
  const players: Player[] = [];
  const hostViews: HostRoomView[] = [];

  before(async () => {
    // More than a class from one address, on a clock that stands still: the per-address limits are lifted.
    t = await startTestServer({
      clock,
      roomMaxPlayers: CAP,
      registerLimit: { points: 10_000, durationS: 60 },
      roomLimits: { newPlayers: { points: 10_000, durationS: 60 } },
      socketsPerAddress: 10_000,
    });
    host = await createHostedRoom(t.server.url);
    host.socket.on('room:host-state', (v) => hostViews.push(v));
    for (let i = 0; i < THROTTLE_ABOVE_PLAYERS; i++) players.push(await joinAs(t.server.url, host.code, `Student ${i}`));
  });
  after(async () => {
    closeAll([host.socket, ...players.map((p) => p.socket)]);
    await t.stop();
  });

  test('past the class size, changes wait for the interval and go out as one view; a phase change goes at once', async () => {
    const first = players[0] as Player;
    const seen: number[] = [];
    first.socket.on('room:state', (v) => seen.push(v.playerCount));
    await until([first.socket], () => first.latest.state?.playerCount === THROTTLE_ABOVE_PLAYERS, 'the class-size room, unthrottled');

    // One more than a class: this join and the lock after it wait for the interval.
    const extra = await joinAs(t.server.url, host.code, 'One too many');
    players.push(extra);
    assert.ok((await request(host.socket, 'room:lock', { code: host.code, hostToken: host.hostToken, locked: true })).ok);
    // The server answers in order on each socket: a view emitted before this answer would be here already.
    assert.ok((await request(first.socket, 'clock:sync', { clientNow: 0 })).ok);
    assert.equal(first.latest.state?.locked, false);
    assert.equal(first.latest.state?.playerCount, THROTTLE_ABOVE_PLAYERS);
    const hostSeen = hostViews.length;

    clock.advance(viewIntervalMs(THROTTLE_ABOVE_PLAYERS + 1));
    const sockets = players.map((p) => p.socket);
    await until(sockets, () => players.every((p) => p.latest.state?.locked === true && p.latest.state.playerCount === THROTTLE_ABOVE_PLAYERS + 1), 'one view with both changes');
    assert.deepEqual(seen.slice(-1), [THROTTLE_ABOVE_PLAYERS + 1]);
    assert.equal(seen.filter((n) => n > THROTTLE_ABOVE_PLAYERS).length, 1, 'the join and the lock arrived as one view');
    await until([host.socket], () => hostViews.length > hostSeen && hostViews.at(-1)?.locked === true, 'the host view');
    assert.equal(hostViews.length, hostSeen + 1);
    assert.equal(hostViews.at(-1)?.players.length, THROTTLE_ABOVE_PLAYERS + 1, 'the host sees every player');
    assert.equal(first.latest.state?.players.length, PLAYER_VIEW_PLAYERS, 'players see the first of them');

    // Starting the round changes the phase: no waiting, although the interval has not passed again.
    assert.ok((await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: SETTINGS })).ok);
    await until(sockets, () => players.every((p) => p.latest.state?.phase === 'running'), 'the round start at once');
    assert.deepEqual([first.latest.state?.players, first.latest.state?.playerCount], [[], THROTTLE_ABOVE_PLAYERS + 1], 'the list is for the lobby');
  });
});
