/**
 * A join flood on one code: 1,000 join attempts in about a second from a handful of registered and
 * unregistered sockets are answered (rate-limited or refused), while the room keeps serving its host
 * and a real newcomer; the room counts each real player once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HostRoomView } from '../../../protocol';
import { connect, register, request, startTestServer, type ClientSocket, type TestServer } from '../server/harness';
import { ROOM_LIMITS } from '../../../server/socket/limits';
import { closeAll, createHostedRoom, joinAs, until, type Host, type Player } from './helpers';

const FLOODERS = 5;
const ANONYMOUS = 5;
const ATTEMPTS = 1000;
const BATCHES = 10;
const BATCH_GAP_MS = 100;

describe('a join flood on one code', () => {
  let t: TestServer;
  let host: Host;
  const players: Player[] = [];
  const sockets: ClientSocket[] = [];

  before(async () => {
    t = await startTestServer();
    host = await createHostedRoom(t.server.url);
    for (const name of ['Ada', 'Bo', 'Cy']) players.push(await joinAs(t.server.url, host.code, name));
  });
  after(async () => {
    closeAll([host.socket, ...players.map((p) => p.socket), ...sockets]);
    await t.stop();
  });

  test('is cut short per socket; the host and a real newcomer are still served; each real player counts once', async () => {
    const flooders: ClientSocket[] = [];
    for (let i = 0; i < FLOODERS; i++) flooders.push((await register(t.server.url, `Flood ${i}`)).socket);
    for (let i = 0; i < ANONYMOUS; i++) flooders.push(await connect(t.server.url));
    sockets.push(...flooders);
    let hostView: HostRoomView | undefined;
    host.socket.on('room:host-state', (v) => (hostView = v));

    const answers: Promise<string>[] = [];
    const perBatch = ATTEMPTS / BATCHES / flooders.length;
    let n = 0;
    const flood = (async () => {
      for (let b = 0; b < BATCHES; b++) {
        for (const s of flooders) {
          for (let k = 0; k < perBatch; k++) {
            const r = request(s, 'room:join', { code: host.code, nickname: `Bot ${n++}` });
            answers.push(r.then((x) => (x.ok ? 'ok' : x.error.code)));
          }
        }
        await new Promise((r) => setTimeout(r, BATCH_GAP_MS));
      }
    })();

    // Mid-flood: a real student joins and the host locks the room.
    await new Promise((r) => setTimeout(r, (BATCHES * BATCH_GAP_MS) / 2));
    const newcomer = await joinAs(t.server.url, host.code, 'Dee');
    players.push(newcomer);
    assert.equal(newcomer.nickname, 'Dee');
    const lock = await request(host.socket, 'room:lock', { code: host.code, hostToken: host.hostToken, locked: true });
    assert.ok(lock.ok, JSON.stringify(lock));
    await flood;
    const codes = await Promise.all(answers);

    assert.equal(codes.length, ATTEMPTS);
    const tally = new Map<string, number>();
    for (const c of codes) tally.set(c, (tally.get(c) ?? 0) + 1);
    assert.deepEqual([...tally.keys()].filter((c) => !['ok', 'rate/limited', 'auth/required'].includes(c)), [], JSON.stringify([...tally]));
    const allowed = flooders.length * ROOM_LIMITS.join.points;
    assert.ok((tally.get('ok') ?? 0) + (tally.get('auth/required') ?? 0) <= allowed, JSON.stringify([...tally]));
    assert.ok((tally.get('rate/limited') ?? 0) >= ATTEMPTS - allowed);

    // 3 + the newcomer + each registered flooder once (under the first name it asked for).
    await until([host.socket], () => hostView?.locked === true && hostView.players.length === 4 + FLOODERS, 'the host view after the flood');
    const names = hostView?.players.map((p) => p.nickname) ?? [];
    assert.equal(names.filter((x) => x.startsWith('Bot ')).length, FLOODERS);
    assert.ok(names.includes('Dee'));
    const late = await register(t.server.url, 'Late');
    sockets.push(late.socket);
    const refused = await request(late.socket, 'room:join', { code: host.code, nickname: 'Late' });
    assert.equal(refused.ok ? 'ok' : refused.error.code, 'room/locked');
  });
});
