/**
 * The class wall and the lobby's comings and goings: a student's status and backend reach the host's
 * view, training points reach the wall throttled per student (the newest always arrives), a host that
 * re-attaches gets every tile, activity is rate-limited per socket, and leaving the lobby frees a name.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HostRoomView, PlayerRoomView, RoomWallUpdate } from '../../../protocol';
import { WALL_EMIT_MS } from '../../../server/rooms/wall';
import { connect, request, startTestServer, waitFor, type ClientSocket, type TestServer } from '../server/harness';
import { TestClock } from './clock';
import { closeAll, createHostedRoom, joinAs, until, type Host, type Player } from './helpers';

describe('class wall and lobby presence', () => {
  const clock = new TestClock();
  let t: TestServer;
  let host: Host;
  const players: Player[] = [];
  const sockets: ClientSocket[] = [];
  const walls: RoomWallUpdate[] = [];
  let hostView: HostRoomView | undefined;

  before(async () => {
    t = await startTestServer({ clock });
    host = await createHostedRoom(t.server.url);
    host.socket.on('room:wall', (w) => walls.push(w));
    host.socket.on('room:host-state', (v) => (hostView = v));
    for (const name of ['Ada', 'Bo']) players.push(await joinAs(t.server.url, host.code, name));
  });
  after(async () => {
    closeAll([host.socket, ...players.map((p) => p.socket), ...sockets]);
    await t.stop();
  });

  test('status and backend reach the host view; curve points reach the wall throttled, the newest last', async () => {
    const ada = players[0]!;
    ada.socket.emit('room:activity', { code: host.code, activity: 'training', backend: 'wasm', point: { x: 0.1, loss: 2.3, acc: 0.1 } });
    await until([host.socket], () => walls.length === 1 && hostView?.players[0]?.activity === 'training', 'the first wall tile');
    assert.equal(hostView?.players[0]?.backend, 'wasm');
    assert.deepEqual(walls[0], { code: host.code, playerId: ada.playerId, activity: 'training', backend: 'wasm', curve: [{ x: 0.1, loss: 2.3, acc: 0.1 }] });
    // Within the same second: no more wall updates until the throttle's trailing send.
    for (const x of [0.2, 0.3, 0.4]) {
      const ok = await request(ada.socket, 'room:activity', { code: host.code, activity: 'training', point: { x, loss: 2 - x, acc: x } });
      assert.ok(ok.ok, JSON.stringify(ok));
    }
    assert.equal(walls.length, 1);
    clock.advance(WALL_EMIT_MS);
    await until([host.socket], () => walls.length === 2, 'the trailing wall update');
    assert.deepEqual(walls[1]?.curve.map((p) => p.x), [0.1, 0.2, 0.3, 0.4]);
  });

  test('a host that re-attaches gets every tile; a non-member cannot report activity', async () => {
    const again = await connect(t.server.url);
    sockets.push(again);
    const tile = waitFor<RoomWallUpdate>(again, 'room:wall');
    assert.ok((await request(again, 'room:host', { code: host.code, hostToken: host.hostToken })).ok);
    assert.equal((await tile).curve.length, 4);
    const r = await request(again, 'room:activity', { code: host.code, activity: 'training' });
    assert.equal(r.ok ? 'ok' : r.error.code, 'room/not_member');
  });

  test('activity is rate-limited per socket: extra reports are dropped', async () => {
    const bo = players[1]!;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => Promise.race([request(bo.socket, 'room:activity', { code: host.code, activity: 'building', point: { x: i, loss: 1, acc: null } }), new Promise((r) => setTimeout(() => r('dropped'), 500))])),
    );
    assert.ok(answers.filter((a) => a === 'dropped').length >= 5, JSON.stringify(answers));
  });

  test('leaving the lobby removes the player and frees the name', async () => {
    const bo = players[1]!;
    const gone = waitFor<PlayerRoomView>(players[0]!.socket, 'room:state', (v) => v.players.length === 1);
    assert.ok((await request(bo.socket, 'room:leave', { code: host.code })).ok);
    await gone;
    const other = await joinAs(t.server.url, host.code, 'Bo');
    players.push(other);
    assert.equal(other.nickname, 'Bo');
  });
});
