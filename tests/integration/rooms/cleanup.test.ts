/**
 * The teacher cleans up at once, over real sockets: several players removed in one action (by ids,
 * by "joined in the last N minutes", by "has not submitted"), each out for good; and the waiting list:
 * a newcomer waits (no class list, no standings), the host admits them (they are switched in live) or
 * denies them (refused on rejoin), and members coming back are never put on the list.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RECONNECT_GRACE_MS } from '../../../game/room/types';
import type { HostRoomView, JoinedRoom, PlayerRoomView, Stamped, WaitingForHost } from '../../../protocol';
import { ROOM_SWEEP_MS } from '../../../server/rooms/service';
import { connect, register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from '../server/harness';
import { SMALL_PARAMS, SMALL_SPEC, weightsWith } from '../server/model-fixture';
import { TestClock } from './clock';
import { CHALLENGE, SETTINGS, closeAll, createHostedRoom, joinAs, roomRows, type Host, type Player } from './helpers';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
const MIN = 60_000;

describe('removing several players at once, and the waiting list', () => {
  const clock = new TestClock();
  let t: TestServer;
  const sockets: ClientSocket[] = [];
  const hostEvent = (host: Host, event: string, more: object) => request<{ playerIds: string[] }>(host.socket, event, { code: host.code, hostToken: host.hostToken, ...more });

  async function join(host: Host, name: string): Promise<Player> {
    const p = await joinAs(t.server.url, host.code, name);
    sockets.push(p.socket);
    return p;
  }

  /** Each player is told, and neither their socket nor a fresh one with their token gets back in. */
  async function assertOut(host: Host, out: Player[], told: Promise<unknown>[]): Promise<void> {
    await Promise.all(told);
    for (const p of out) {
      assert.equal(code(await request(p.socket, 'room:join', { code: host.code, nickname: p.nickname })), 'room/kicked', p.nickname);
      const fresh = await connect(t.server.url, p.token);
      sockets.push(fresh);
      assert.equal(code(await request(fresh, 'room:join', { code: host.code, nickname: 'again' })), 'room/kicked');
    }
  }

  before(async () => {
    t = await startTestServer({ clock });
  });
  after(async () => {
    closeAll(sockets);
    await t.stop();
  });

  test('by ids: the selected players are out at once, the others see them gone', async () => {
    const host = await createHostedRoom(t.server.url);
    sockets.push(host.socket);
    const [ada, bo, cy, di] = [await join(host, 'Ada'), await join(host, 'Bo'), await join(host, 'Cy'), await join(host, 'Di')];
    const told = [bo, cy].map((p) => waitFor(p.socket, 'room:kicked'));
    const seen = waitFor<PlayerRoomView>(ada.socket, 'room:state', (v) => v.players.length === 2);
    const r = await hostEvent(host, 'room:kick-many', { selection: { by: 'ids', playerIds: [bo.playerId, cy.playerId] } });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.data.playerIds, [bo.playerId, cy.playerId]);
    assert.deepEqual((await seen).players.map((p) => p.nickname), ['Ada', 'Di']);
    await assertOut(host, [bo, cy], told);
    const state = JSON.parse(roomRows(t.dbFile, host.code).room!.state_json) as { players: { playerId: string }[]; kicked: string[] };
    assert.deepEqual(state.players.map((p) => p.playerId), [ada.playerId, di.playerId]);
    assert.deepEqual(state.kicked, [bo.playerId, cy.playerId]);
    // An unknown id refuses the whole action; an empty or oversized list is refused by the schema.
    assert.equal(code(await hostEvent(host, 'room:kick-many', { selection: { by: 'ids', playerIds: [ada.playerId, 'nobody'] } })), 'room/unknown_player');
    assert.equal(code(await hostEvent(host, 'room:kick-many', { selection: { by: 'ids', playerIds: [] } })), 'payload/invalid');
    assert.equal(code(await hostEvent(host, 'room:kick-many', { selection: { by: 'ids', playerIds: Array.from({ length: 201 }, (_, i) => `p${i}`) } })), 'payload/invalid');
    assert.equal(code(await hostEvent(host, 'room:kick-many', { selection: { by: 'joinedWithin', minutes: 0 } })), 'payload/invalid');
    assert.equal(code(await hostEvent(host, 'room:kick-many', { selection: { by: 'everyone' } })), 'payload/invalid');
    assert.equal(JSON.parse(roomRows(t.dbFile, host.code).room!.state_json).players.length, 2);
  });

  test('joined in the last N minutes: a burst of newcomers goes, the class stays', async () => {
    const room = await createHostedRoom(t.server.url);
    sockets.push(room.socket);
    const stay = [await join(room, 'Ada'), await join(room, 'Bo')];
    clock.advance(15 * MIN);
    const go = [await join(room, 'Bot 1'), await join(room, 'Bot 2'), await join(room, 'Bot 3')];
    const told = go.map((p) => waitFor(p.socket, 'room:kicked'));
    const r = await hostEvent(room, 'room:kick-many', { selection: { by: 'joinedWithin', minutes: 10 } });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.data.playerIds, go.map((p) => p.playerId));
    await assertOut(room, go, told);
    const view = await request<HostRoomView>(room.socket, 'room:host', { code: room.code, hostToken: room.hostToken });
    assert.ok(view.ok);
    assert.deepEqual(view.data.players.map((p) => p.playerId), stay.map((p) => p.playerId));
    assert.equal(code(await hostEvent(room, 'room:kick-many', { selection: { by: 'joinedWithin', minutes: 10 } })), 'room/none_selected');
  });

  test('not submitted: before a round it is refused; in a round everyone without a submission goes', async () => {
    const host = await createHostedRoom(t.server.url);
    sockets.push(host.socket);
    const [ada, bo, cy] = [await join(host, 'Ada'), await join(host, 'Bo'), await join(host, 'Cy')];
    assert.equal(code(await hostEvent(host, 'room:kick-many', { selection: { by: 'notSubmitted' } })), 'round/none');
    assert.equal(code(await hostEvent(host, 'room:start', { settings: SETTINGS })), 'ok');
    const sub = await request(ada.socket, 'submission:submit', { challengeId: CHALLENGE, spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, 0, 1), roomCode: host.code });
    assert.ok(sub.ok, JSON.stringify(sub));
    const told = [bo, cy].map((p) => waitFor(p.socket, 'room:kicked'));
    const r = await hostEvent(host, 'room:kick-many', { selection: { by: 'notSubmitted' } });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.data.playerIds, [bo.playerId, cy.playerId]);
    await assertOut(host, [bo, cy], told);
    const view = await request<HostRoomView>(host.socket, 'room:host', { code: host.code, hostToken: host.hostToken });
    assert.ok(view.ok);
    assert.deepEqual(view.data.players.map((p) => p.nickname), ['Ada']);
  });

  test('only the host: a player or a stranger is refused every clean-up event, and nothing changes', async () => {
    const host = await createHostedRoom(t.server.url);
    sockets.push(host.socket);
    const ada = await join(host, 'Ada');
    const bo = await join(host, 'Bo');
    const stranger = await connect(t.server.url);
    sockets.push(stranger);
    const before = roomRows(t.dbFile, host.code);
    for (const [socket, hostToken] of [[ada.socket, ada.token], [stranger, 'x'.repeat(43)]] as const) {
      const base = { code: host.code, hostToken };
      assert.equal(code(await request(socket, 'room:kick-many', { ...base, selection: { by: 'ids', playerIds: [bo.playerId] } })), 'room/not_host');
      assert.equal(code(await request(socket, 'room:admission', { ...base, admission: 'approve' })), 'room/not_host');
      assert.equal(code(await request(socket, 'room:admit', { ...base, playerIds: [bo.playerId] })), 'room/not_host');
      assert.equal(code(await request(socket, 'room:deny', { ...base, playerIds: [bo.playerId] })), 'room/not_host');
    }
    assert.deepEqual(roomRows(t.dbFile, host.code), before);
  });

  test('waiting list: a newcomer waits without the class\'s list or standings; admit switches them in live', async () => {
    const host = await createHostedRoom(t.server.url);
    sockets.push(host.socket);
    const ada = await join(host, 'Ada');
    assert.equal(code(await hostEvent(host, 'room:admission', { admission: 'approve' })), 'ok');
    const reg = await register(t.server.url, 'Newt');
    sockets.push(reg.socket);
    const leaked: string[] = [];
    reg.socket.on('room:state', () => leaked.push('room:state'));
    reg.socket.on('room:me', () => leaked.push('room:me'));
    const hostSees = waitFor<HostRoomView>(host.socket, 'room:host-state', (v) => v.waiting.length === 1);
    const asked = await request<JoinedRoom | WaitingForHost>(reg.socket, 'room:join', { code: host.code, nickname: 'Newt' });
    assert.ok(asked.ok && 'waiting' in asked.data, JSON.stringify(asked));
    assert.deepEqual(Object.keys(asked.data.waiting).sort(), ['askedAt', 'code', 'nickname', 'serverNow']);
    assert.equal(asked.data.nickname, 'Newt');
    const seen = await hostSees;
    assert.equal(seen.admission, 'approve');
    assert.deepEqual(seen.waiting.map((w) => [w.playerId, w.nickname, w.connected]), [[reg.playerId, 'Newt', true]]);
    assert.ok(!seen.players.some((p) => p.playerId === reg.playerId));
    // The class moves on (a round with a visible board, a rename): the waiting player hears none of it.
    assert.equal(code(await hostEvent(host, 'room:start', { settings: SETTINGS })), 'ok');
    const renamed = waitFor<PlayerRoomView>(ada.socket, 'room:state', (v) => v.players[0]?.nickname === 'Ada L');
    assert.equal(code(await request(host.socket, 'room:rename', { code: host.code, hostToken: host.hostToken, playerId: ada.playerId, nickname: 'Ada L' })), 'ok');
    await renamed;
    const sub = await request(reg.socket, 'submission:submit', { challengeId: CHALLENGE, spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, 0, 1), roomCode: host.code });
    assert.equal(code(sub), 'room/not_member');
    assert.deepEqual(leaked, []);
    // The waiting list is saved with the room.
    const saved = JSON.parse(roomRows(t.dbFile, host.code).room!.state_json) as { admission: string; waiting: { playerId: string }[] };
    assert.equal(saved.admission, 'approve');
    assert.deepEqual(saved.waiting.map((w) => w.playerId), [reg.playerId]);
    // Admitted: told with the room's view, in the channel from now on.
    const admitted = waitFor<JoinedRoom & { code: string }>(reg.socket, 'room:admitted');
    const r = await hostEvent(host, 'room:admit', { playerIds: [reg.playerId] });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.data.playerIds, [reg.playerId]);
    const inRoom = await admitted;
    assert.equal(inRoom.code, host.code);
    assert.equal(inRoom.view.phase, 'running');
    assert.deepEqual(inRoom.view.players.map((p) => p.nickname), ['Ada L', 'Newt']);
    const next = waitFor<PlayerRoomView & Stamped>(reg.socket, 'room:state', (v) => v.players[0]?.nickname === 'Ada');
    assert.equal(code(await request(host.socket, 'room:rename', { code: host.code, hostToken: host.hostToken, playerId: ada.playerId, nickname: 'Ada' })), 'ok');
    await next;
    const accepted = await request(reg.socket, 'submission:submit', { challengeId: CHALLENGE, spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, 0, 1), roomCode: host.code });
    assert.ok(accepted.ok, JSON.stringify(accepted));
  });

  test('waiting list: deny is final; members reconnect past it; a full or locked room refuses to admit', async () => {
    const host = await createHostedRoom(t.server.url);
    sockets.push(host.socket);
    const ada = await join(host, 'Ada');
    assert.equal(code(await hostEvent(host, 'room:admission', { admission: 'approve' })), 'ok');
    // A member reconnecting (a reload: a new socket with the same token) is let straight back in.
    ada.socket.disconnect();
    const back = await connect(t.server.url, ada.token);
    sockets.push(back);
    const rejoined = await request<JoinedRoom | WaitingForHost>(back, 'room:join', { code: host.code, nickname: 'Ada' });
    assert.ok(rejoined.ok && 'view' in rejoined.data, JSON.stringify(rejoined));
    assert.deepEqual(rejoined.data.view.players.map((p) => [p.nickname, p.connected]), [['Ada', true]]);
    // Two newcomers: one denied, one waiting while the room is locked.
    const [x, y] = [await register(t.server.url, 'Xi'), await register(t.server.url, 'Yo')];
    sockets.push(x.socket, y.socket);
    for (const p of [x, y]) assert.ok((await request<WaitingForHost>(p.socket, 'room:join', { code: host.code, nickname: 'N' })).ok);
    const told = waitFor<{ code: string }>(x.socket, 'room:kicked');
    const denied = await hostEvent(host, 'room:deny', { playerIds: [x.playerId] });
    assert.ok(denied.ok);
    assert.equal((await told).code, host.code);
    assert.equal(code(await request(x.socket, 'room:join', { code: host.code, nickname: 'Xi' })), 'room/kicked');
    assert.equal(code(await hostEvent(host, 'room:admission', { admission: 'open' })), 'ok');
    assert.equal(code(await request(x.socket, 'room:join', { code: host.code, nickname: 'Xi' })), 'room/kicked');
    assert.equal(code(await hostEvent(host, 'room:admit', { playerIds: [x.playerId] })), 'room/not_waiting');
    assert.equal(code(await hostEvent(host, 'room:lock', { locked: true })), 'ok');
    assert.equal(code(await hostEvent(host, 'room:admit', { playerIds: [y.playerId] })), 'room/locked');
    assert.equal(code(await hostEvent(host, 'room:lock', { locked: false })), 'ok');
    assert.equal(code(await hostEvent(host, 'room:admit', { playerIds: [y.playerId] })), 'ok');
    // A burst on the list goes in one action (Deny all): each is told.
    assert.equal(code(await hostEvent(host, 'room:admission', { admission: 'approve' })), 'ok');
    const burst = await Promise.all([1, 2, 3].map((i) => register(t.server.url, `Bot ${i}`)));
    sockets.push(...burst.map((b) => b.socket));
    for (const b of burst) assert.ok((await request<WaitingForHost>(b.socket, 'room:join', { code: host.code, nickname: 'Bot' })).ok);
    const allTold = burst.map((b) => waitFor(b.socket, 'room:kicked'));
    const all = await hostEvent(host, 'room:deny', { playerIds: burst.map((b) => b.playerId) });
    assert.ok(all.ok, JSON.stringify(all));
    assert.deepEqual(all.data.playerIds, burst.map((b) => b.playerId));
    await Promise.all(allTold);
    const after = await request<HostRoomView>(host.socket, 'room:host', { code: host.code, hostToken: host.hostToken });
    assert.ok(after.ok);
    assert.deepEqual(after.data.waiting, []);
    assert.deepEqual(after.data.players.map((p) => p.playerId), [ada.playerId, y.playerId]);
  });

  test('waiting list: a full room refuses to admit; after a restart the list is back, and who does not return leaves it after the grace', async () => {
    const small = await startTestServer({ clock, roomMaxPlayers: 2 });
    const mine: ClientSocket[] = [];
    try {
      const host = await createHostedRoom(small.server.url);
      const ada = await joinAs(small.server.url, host.code, 'Ada');
      mine.push(host.socket, ada.socket);
      assert.equal(code(await request(host.socket, 'room:admission', { code: host.code, hostToken: host.hostToken, admission: 'approve' })), 'ok');
      const [x, y] = [await register(small.server.url, 'Xi'), await register(small.server.url, 'Yo')];
      mine.push(x.socket, y.socket);
      for (const [p, n] of [[x, 'Xi'], [y, 'Yo']] as const) assert.ok((await request<WaitingForHost>(p.socket, 'room:join', { code: host.code, nickname: n })).ok);
      assert.equal(code(await request(host.socket, 'room:admit', { code: host.code, hostToken: host.hostToken, playerIds: [x.playerId, y.playerId] })), 'room/full');
      await small.restart();
      const hostAgain = await connect(small.server.url);
      mine.push(hostAgain);
      const attached = await request<HostRoomView>(hostAgain, 'room:host', { code: host.code, hostToken: host.hostToken });
      assert.ok(attached.ok, JSON.stringify(attached));
      assert.equal(attached.data.admission, 'approve');
      assert.deepEqual(attached.data.waiting.map((w) => [w.nickname, w.connected]), [['Xi', false], ['Yo', false]]);
      // Xi comes back (the client re-joins on connect) and is still waiting; Yo does not.
      const xBack = await connect(small.server.url, x.token);
      mine.push(xBack);
      const again = await request<JoinedRoom | WaitingForHost>(xBack, 'room:join', { code: host.code, nickname: 'Xi' });
      assert.ok(again.ok && 'waiting' in again.data, JSON.stringify(again));
      const gone = waitFor<HostRoomView>(hostAgain, 'room:host-state', (v) => v.waiting.length === 1);
      clock.advance(RECONNECT_GRACE_MS + ROOM_SWEEP_MS);
      assert.deepEqual((await gone).waiting.map((w) => [w.nickname, w.connected]), [['Xi', true]]);
      const admitted = waitFor<JoinedRoom>(xBack, 'room:admitted');
      assert.equal(code(await request(hostAgain, 'room:admit', { code: host.code, hostToken: host.hostToken, playerIds: [x.playerId] })), 'ok');
      // Ada never came back either: a lobby forgets her after the same grace, as before waiting lists.
      assert.deepEqual((await admitted).view.players.map((p) => p.nickname), ['Xi']);
    } finally {
      closeAll(mine);
      await small.stop();
    }
  });
});
