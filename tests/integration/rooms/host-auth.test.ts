/**
 * Only the host token rules a room: forged host events (a wrong token, a player's own token, another
 * room's host token) are refused, logged, and change nothing in the database. Kicks, locks, the PIN
 * reclaim, room nicknames (unique, filtered), and a table of malformed payloads.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Logger } from '../../../server/log';
import type { HostCredentials, PlayerRoomView } from '../../../protocol';
import { connect, register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from '../server/harness';
import { SMALL_PARAMS, SMALL_SPEC, weightsWith } from '../server/model-fixture';
import { CHALLENGE, SETTINGS, closeAll, createHostedRoom, joinAs, roomRows, type Host, type JoinAnswer, type Player } from './helpers';

const warnings: { msg: string; fields?: Record<string, unknown> }[] = [];
const log: Logger = { info() {}, error() {}, warn: (msg, fields) => warnings.push({ msg, fields }) };
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('host authority, kicks, locks, nicknames, malformed payloads', () => {
  let t: TestServer;
  let host: Host;
  let other: Host;
  const players: Player[] = [];
  const sockets: ClientSocket[] = [];

  before(async () => {
    t = await startTestServer({ log });
    host = await createHostedRoom(t.server.url);
    other = await createHostedRoom(t.server.url);
    for (const name of ['Ada', 'Bo', 'Cy']) players.push(await joinAs(t.server.url, host.code, name));
  });
  after(async () => {
    closeAll([host.socket, other.socket, ...players.map((p) => p.socket), ...sockets]);
    await t.stop();
  });

  test('forged start/end/kick/lock/rename/export are refused with room/not_host, logged, and change nothing', async () => {
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: SETTINGS });
    assert.ok(started.ok);
    const stranger = await connect(t.server.url);
    sockets.push(stranger);
    const ada = players[0]!;
    const forgers: [string, ClientSocket, string][] = [
      ['a made-up token', stranger, 'x'.repeat(43)],
      ["a player's own token", ada.socket, ada.token],
      ["another room's host token", other.socket, other.hostToken],
    ];
    const before = roomRows(t.dbFile, host.code);
    const refusedBefore = warnings.filter((w) => w.msg === 'host event refused').length;
    let attempts = 0;
    for (const [who, socket, hostToken] of forgers) {
      const base = { code: host.code, hostToken };
      const events: [string, object][] = [
        ['room:start', { ...base, settings: SETTINGS }],
        ['room:end', base],
        ['room:kick', { ...base, playerId: players[1]!.playerId }],
        ['room:lock', { ...base, locked: true }],
        ['room:rename', { ...base, playerId: players[1]!.playerId, nickname: 'Pwned' }],
        ['room:export', base],
      ];
      for (const [event, payload] of events) {
        attempts++;
        assert.equal(code(await request(socket, event, payload)), 'room/not_host', `${event} with ${who}`);
      }
    }
    assert.deepEqual(roomRows(t.dbFile, host.code), before);
    const logged = warnings.filter((w) => w.msg === 'host event refused').slice(refusedBefore);
    assert.equal(logged.length, attempts);
    assert.ok(logged.every((w) => w.fields?.code === host.code && typeof w.fields.socket === 'string' && String(w.fields.event).startsWith('room:')));
    // The real host still rules: the round ends.
    assert.equal(code(await request(host.socket, 'room:end', { code: host.code, hostToken: host.hostToken })), 'ok');
  });

  test('a kicked player is told, leaves everyone\'s list, and cannot rejoin or submit', async () => {
    const [ada, bo, cy] = players as [Player, Player, Player];
    const told = waitFor<{ code: string }>(bo.socket, 'room:kicked');
    const seen = waitFor<PlayerRoomView>(ada.socket, 'room:state', (v) => !v.players.some((p) => p.playerId === bo.playerId));
    assert.equal(code(await request(host.socket, 'room:kick', { code: host.code, hostToken: host.hostToken, playerId: bo.playerId })), 'ok');
    assert.equal((await told).code, host.code);
    assert.equal((await seen).players.length, 2);
    assert.equal(code(await request(bo.socket, 'room:join', { code: host.code, nickname: 'Bo again' })), 'room/kicked');
    const fresh = await connect(t.server.url, bo.token);
    sockets.push(fresh);
    assert.equal(code(await request(fresh, 'room:join', { code: host.code, nickname: 'Bo' })), 'room/kicked');
    const before = t.counts().submissions;
    const sub = await request(fresh, 'submission:submit', { challengeId: CHALLENGE, spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, 0, 1), roomCode: host.code });
    assert.equal(code(sub), 'room/kicked');
    assert.equal(t.counts().submissions, before);
    // Bo's socket no longer gets the room's broadcasts.
    let leaked = false;
    bo.socket.on('room:state', () => (leaked = true));
    const next = waitFor(cy.socket, 'room:state');
    assert.equal(code(await request(host.socket, 'room:lock', { code: host.code, hostToken: host.hostToken, locked: true })), 'ok');
    await next;
    assert.equal(leaked, false);
  });

  test('a locked room refuses new players but lets members back in', async () => {
    assert.equal(code(await request(host.socket, 'room:lock', { code: host.code, hostToken: host.hostToken, locked: true })), 'ok');
    const late = await register(t.server.url, 'Late');
    sockets.push(late.socket);
    assert.equal(code(await request(late.socket, 'room:join', { code: host.code, nickname: 'Late' })), 'room/locked');
    const back = await connect(t.server.url, players[2]!.token);
    sockets.push(back);
    const rejoin = await request<JoinAnswer>(back, 'room:join', { code: host.code, nickname: 'ignored' });
    assert.ok(rejoin.ok);
    assert.equal(rejoin.data.nickname, 'Cy');
    assert.equal(code(await request(host.socket, 'room:lock', { code: host.code, hostToken: host.hostToken, locked: false })), 'ok');
  });

  test('room nicknames are unique (case-insensitive) and offensive ones are replaced, on join and on rename', async () => {
    const room = await createHostedRoom(t.server.url);
    sockets.push(room.socket);
    const names: string[] = [];
    for (const n of ['Kim', 'kim', ' KIM\u0000 ', 'fuck you', '씨 발']) {
      const p = await joinAs(t.server.url, room.code, n);
      sockets.push(p.socket);
      players.push(p);
      names.push(p.nickname);
    }
    assert.deepEqual(names, ['Kim', 'kim 2', 'KIM 3', 'Neuron 1', 'Tensor 2']);
    const kim = players.at(-5)!;
    const seen = waitFor<PlayerRoomView>(players.at(-1)!.socket, 'room:state', (v) => v.players.some((p) => p.nickname === 'ReLU 3'));
    const renamed = await request<{ nickname: string }>(room.socket, 'room:rename', { code: room.code, hostToken: room.hostToken, playerId: kim.playerId, nickname: 'shit' });
    assert.ok(renamed.ok);
    assert.equal(renamed.data.nickname, 'ReLU 3');
    assert.deepEqual((await seen).players.map((p) => p.nickname), ['ReLU 3', 'kim 2', 'KIM 3', 'Neuron 1', 'Tensor 2']);
  });

  test('the PIN takes the room back: a new token, the old one revoked; guessing is rate-limited', async () => {
    const room = await createHostedRoom(t.server.url);
    sockets.push(room.socket);
    const device = await connect(t.server.url);
    sockets.push(device);
    assert.match(room.hostPin, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'twelve symbols in groups of four');
    assert.equal(code(await request(device, 'room:reclaim', { code: room.code, hostPin: 'AAAA-AAAA-AAAA' })), 'room/bad_pin');
    // Right after a wrong PIN this socket waits a second (backoff), even with the right one.
    assert.equal(code(await request(device, 'room:reclaim', { code: room.code, hostPin: room.hostPin })), 'rate/limited');
    await new Promise((r) => setTimeout(r, 1_100));
    const revoked = waitFor<{ code: string }>(room.socket, 'room:host-revoked');
    // Typed in lower case, without the dashes: the same PIN.
    const reclaimed = await request<HostCredentials>(device, 'room:reclaim', { code: room.code.toLowerCase(), hostPin: room.hostPin.toLowerCase().replaceAll('-', ' ') });
    assert.ok(reclaimed.ok, JSON.stringify(reclaimed));
    assert.notEqual(reclaimed.data.hostToken, room.hostToken);
    assert.equal((await revoked).code, room.code);
    assert.equal(code(await request(room.socket, 'room:lock', { code: room.code, hostToken: room.hostToken, locked: true })), 'room/not_host');
    assert.equal(code(await request(device, 'room:host', { code: room.code, hostToken: reclaimed.data.hostToken })), 'ok');
    assert.equal(code(await request(device, 'room:lock', { code: room.code, hostToken: reclaimed.data.hostToken, locked: true })), 'ok');
    assert.equal(reclaimed.data.hostPin, room.hostPin);
    assert.equal(code(await request(device, 'room:reclaim', { code: room.code, hostPin: 'AAAAAAAAAAAA' })), 'room/bad_pin');
    for (let i = 0; i < 2; i++) assert.equal(code(await request(device, 'room:reclaim', { code: room.code, hostPin: 'AAAAAAAAAAAA' })), 'rate/limited');
    assert.equal(code(await request(device, 'room:reclaim', { code: room.code, hostPin: room.hostPin })), 'rate/limited');
  });

  test('malformed room payloads get payload/invalid and change nothing', async () => {
    const { code: c, hostToken } = host;
    const ada = players[0]!;
    const huge = 'x'.repeat(100_000);
    const table: [string, unknown][] = [
      ['room:create', { admin: true }],
      ['room:create', 'please'],
      ['room:host', {}],
      ['room:host', { code: 5, hostToken }],
      ['room:host', { code: huge, hostToken }],
      ['room:host', { code: c, hostToken: huge }],
      ['room:host', { code: c, hostToken, extra: 1 }],
      ['room:reclaim', { code: c, hostPin: 12345678 }],
      ['room:reclaim', { code: c, hostPin: huge }],
      ['room:join', null],
      ['room:join', [c, 'Eve']],
      ['room:join', { code: c }],
      ['room:join', { code: c, nickname: 5 }],
      ['room:join', { code: c, nickname: huge }],
      ['room:join', { code: c, nickname: 'Eve', host: true }],
      ['room:leave', { code: null }],
      ['room:kick', { code: c, hostToken, playerId: '' }],
      ['room:kick', { code: c, hostToken, playerId: huge }],
      ['room:lock', { code: c, hostToken, locked: 'yes' }],
      ['room:rename', { code: c, hostToken, playerId: ada.playerId, nickname: { first: 'Eve' } }],
      ['room:start', { code: c, hostToken, settings: { ...SETTINGS, durationMs: 1 } }],
      ['room:start', { code: c, hostToken, settings: { ...SETTINGS, durationMs: 'long' } }],
      ['room:start', { code: c, hostToken, settings: { ...SETTINGS, maxSubmissions: 1000 } }],
      ['room:start', { code: c, hostToken, settings: { ...SETTINGS, locked: { optimizer: 'magic' } } }],
      ['room:start', { code: c, hostToken, settings: { ...SETTINGS, challengeId: 'mnist' } }],
      ['room:start', { code: c, hostToken, settings: { ...SETTINGS, bonus: 1 } }],
      ['room:end', { code: c, hostToken, now: 0 }],
      ['room:export', { code: c, hostToken, round: -1 }],
      ['room:export', { code: c, hostToken, round: 1.5 }],
      ['room:activity', { code: c, activity: 'hacking' }],
      ['room:activity', { code: c, activity: 'training', backend: 'quantum' }],
      ['room:activity', { code: c, activity: 'training', point: { x: -1, loss: 1, acc: null } }],
      ['room:activity', { code: c, activity: 'training', point: { x: 1, loss: 1, acc: 2 } }],
      ['clock:sync', { clientNow: 'now' }],
      ['rooms:finished', { limit: 1000 }],
      ['room:results', { code: c, round: 0 }],
      ['room:results', { publicId: 5 }],
      ['room:results', { code: c, round: 1, publicId: 'x' }],
      ['room:publish', { code: c, hostToken, round: 1, published: 'yes' }],
      ['room:publish', { code: c, hostToken, round: 0, published: true }],
      ['room:publish', { code: c, hostToken, published: true }],
      ['submission:submit', { challengeId: CHALLENGE, spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, 0, 1), roomCode: 5 }],
    ];
    const before = roomRows(t.dbFile, c);
    for (const [event, payload] of table) {
      const socket = event === 'room:activity' || event === 'submission:submit' ? ada.socket : host.socket;
      assert.equal(code(await request(socket, event, payload)), 'payload/invalid', `${event} ${JSON.stringify(payload).slice(0, 80)}`);
    }
    assert.deepEqual(roomRows(t.dbFile, c), before);
    // Still serving, and the clock answers.
    const sync = await request<{ serverNow: number }>(ada.socket, 'clock:sync', { clientNow: 1 });
    assert.ok(sync.ok && sync.data.serverNow > 0);
  });
});
