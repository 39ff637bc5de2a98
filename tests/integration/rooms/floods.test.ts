/**
 * Classroom-trust findings 2, 7 and 8 against the real server, every client from 127.0.0.1 (one
 * school address): a burst of players from one address, sockets per address, wrong PINs from many
 * sockets of the teacher's own address, and a clock:sync flood. Limits at their real numbers; the
 * test clock moves time forward instead of waiting out a window.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import type { HostCredentials, HostRoomView, Result } from '../../../protocol';
import { EVENT_LIMITS } from '../../../server/socket/event-gate';
import { ROOM_LIMITS, SOCKETS_PER_ADDRESS } from '../../../server/socket/limits';
import { TOO_MANY_SOCKETS } from '../../../server/socket/address-cap';
import { ROOM_MAX_PLAYERS } from '../../../game/room/types';
import { connect, register, request, startTestServer, type ClientSocket, type TestServer } from '../server/harness';
import { TestClock } from './clock';
import { closeAll, createHostedRoom, type Host } from './helpers';

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** The seconds a 'rate/limited' message says to wait. */
const waitS = (r: Result<unknown>) => Number(/try again in (\d+) s/.exec(r.ok ? '' : r.error.message)?.[1] ?? NaN);

describe('finding 2: one address cannot fill a room in seconds; its real students still get in', () => {
  const clock = new TestClock();
  let t: TestServer;
  let host: Host;
  const sockets: ClientSocket[] = [];

  before(async () => {
    t = await startTestServer({ clock });
    host = await createHostedRoom(t.server.url);
    sockets.push(host.socket);
  });
  after(async () => {
    closeAll(sockets);
    await t.stop();
  });

  test('100 players from one address, 10 joins each at once: at most a minute of newcomers gets in; the real student joins within the minute after', async () => {
    const bots = await Promise.all(range(100).map((i) => register(t.server.url, `Bot ${i}`)));
    sockets.push(...bots.map((b) => b.socket));
    const answers = await Promise.all(
      bots.map(async (b, i) => Promise.all(range(10).map(() => request(b.socket, 'room:join', { code: host.code, nickname: `Bot ${i}` }).then(code)))),
    );
    const codes = answers.flat();
    assert.deepEqual([...new Set(codes)].filter((c) => c !== 'ok' && c !== 'rate/limited'), [], JSON.stringify(codes.slice(0, 20)));
    const admitted = answers.filter((a) => a.includes('ok')).length;
    assert.equal(admitted, ROOM_LIMITS.newPlayers.points, 'one address adds at most a minute of newcomers');
    const view = await request<HostRoomView>(host.socket, 'room:host', { code: host.code, hostToken: host.hostToken });
    assert.ok(view.ok);
    assert.equal(view.data.players.length, ROOM_LIMITS.newPlayers.points);
    // A bot already in is a member: its second tab's rejoin is not a newcomer and is answered at once.
    const member = bots[answers.findIndex((a) => a.includes('ok'))]!;
    const tab = await connect(t.server.url, member.token);
    sockets.push(tab);
    assert.equal(code(await request(tab, 'room:join', { code: host.code, nickname: 'again' })), 'ok');

    // The real student shares the address: within the flood's minute they wait, then they are in.
    const student = await register(t.server.url, 'Real Student');
    sockets.push(student.socket);
    const early = await request(student.socket, 'room:join', { code: host.code, nickname: 'Real Student' });
    assert.equal(code(early), 'rate/limited');
    assert.ok(waitS(early) <= ROOM_LIMITS.newPlayers.durationS, JSON.stringify(early));
    clock.advance(ROOM_LIMITS.newPlayers.durationS * 1000);
    const joined = await request<{ nickname: string }>(student.socket, 'room:join', { code: host.code, nickname: 'Real Student' });
    assert.ok(joined.ok, JSON.stringify(joined));
    assert.equal(joined.data.nickname, 'Real Student');
    const after = await request<HostRoomView>(host.socket, 'room:host', { code: host.code, hostToken: host.hostToken });
    assert.ok(after.ok);
    assert.ok(after.data.players.length < ROOM_MAX_PLAYERS, 'the room is not full');
  });
});

describe('finding 2b: sockets per address are capped', () => {
  let t: TestServer;
  const sockets: ClientSocket[] = [];

  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    closeAll(sockets);
    await t.stop();
  });

  test(`${SOCKETS_PER_ADDRESS} sockets from one address connect; the next is refused with ${TOO_MANY_SOCKETS} until one closes`, async () => {
    sockets.push(...(await Promise.all(range(SOCKETS_PER_ADDRESS).map(() => connect(t.server.url)))));
    const refused = await connect(t.server.url).then(
      (s) => (sockets.push(s), null),
      (err: Error & { data?: { code?: string } }) => err,
    );
    assert.ok(refused, 'the socket past the cap was refused');
    assert.equal(refused.data?.code, TOO_MANY_SOCKETS);
    assert.match(refused.message, /too many connections/);
    // Sockets held still work; one closing frees its place.
    assert.equal(code(await request(sockets[0]!, 'clock:sync', { clientNow: 1 })), 'ok');
    sockets.shift()?.disconnect();
    let next: ClientSocket | null = null;
    for (let i = 0; i < 40 && !next; i++) {
      next = await connect(t.server.url).catch(() => null);
      if (!next) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(next, 'a place freed by a disconnect is taken again');
    sockets.push(next);
  });
});

describe('finding 7: wrong PINs from the school address cannot lock the teacher out; guessing is slow', () => {
  const clock = new TestClock();
  let t: TestServer;
  const sockets: ClientSocket[] = [];
  const open = async () => {
    const s = await connect(t.server.url);
    sockets.push(s);
    return s;
  };
  const room = async (): Promise<HostCredentials> => {
    const h = await createHostedRoom(t.server.url);
    sockets.push(h.socket);
    return h;
  };
  const reclaim = (s: ClientSocket, r: HostCredentials, hostPin: string) => request<HostCredentials>(s, 'room:reclaim', { code: r.code, hostPin });
  const WRONG = 'AAAA-AAAA-AAAA';

  before(async () => {
    t = await startTestServer({ clock });
  });
  after(async () => {
    closeAll(sockets);
    await t.stop();
  });

  test('six wrong PINs from six sockets of the address, then the teacher’s right PIN opens the room at once', async () => {
    const r = await room();
    const students = await Promise.all(range(6).map(open));
    for (const s of students) assert.equal(code(await reclaim(s, r, WRONG)), 'room/bad_pin');
    const teacher = await open();
    const back = await reclaim(teacher, r, r.hostPin);
    assert.ok(back.ok, JSON.stringify(back));
  });

  test('a guessing storm from 40 sockets: the room is under attack, yet the teacher is in within a minute', async () => {
    const r = await room();
    const students = await Promise.all(range(40).map(open));
    const first = await Promise.all(students.map((s) => reclaim(s, r, WRONG).then(code)));
    assert.equal(first.filter((c) => c === 'room/bad_pin').length, ROOM_LIMITS.reclaim.points, 'a window of wrong PINs is checked');
    assert.equal(first.filter((c) => c === 'rate/limited').length, 40 - ROOM_LIMITS.reclaim.points);
    // The teacher arrives during the storm, on a new socket: told to wait, at most a minute.
    const teacher = await open();
    const early = await reclaim(teacher, r, r.hostPin);
    assert.equal(code(early), 'rate/limited');
    assert.ok(waitS(early) <= ROOM_LIMITS.reclaim.durationS, JSON.stringify(early));
    // The students keep at it; none of them is checked again within the window.
    const again = await Promise.all(students.map((s) => reclaim(s, r, WRONG).then(code)));
    assert.deepEqual([...new Set(again)], ['rate/limited']);

    clock.advance(ROOM_LIMITS.reclaim.durationS * 1000);
    // A minute later every student socket gets one more try, all wrong, and the storm goes on...
    const later = await Promise.all(students.map((s) => reclaim(s, r, WRONG).then(code)));
    assert.equal(later.filter((c) => c === 'room/bad_pin').length, 40, 'one try per socket per minute');
    // ...but the teacher's right PIN is checked, and opens the room.
    const back = await reclaim(teacher, r, r.hostPin);
    assert.ok(back.ok, JSON.stringify(back));
  });

  test('one socket’s wrong PINs back off: 1 s, 2 s, 4 s … never more than a minute', async () => {
    const r = await room();
    const guesser = await open();
    assert.equal(code(await reclaim(guesser, r, WRONG)), 'room/bad_pin');
    const wait1 = await reclaim(guesser, r, r.hostPin);
    assert.equal(code(wait1), 'rate/limited', 'right after a wrong PIN even the right one waits');
    assert.equal(waitS(wait1), 1);
    clock.advance(1_000);
    assert.equal(code(await reclaim(guesser, r, WRONG)), 'room/bad_pin');
    assert.equal(waitS(await reclaim(guesser, r, WRONG)), 2);
    clock.advance(1_000);
    assert.equal(code(await reclaim(guesser, r, WRONG)), 'rate/limited');
    clock.advance(1_000);
    assert.equal(code(await reclaim(guesser, r, WRONG)), 'room/bad_pin');
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const w = await reclaim(guesser, r, WRONG);
      waits.push(waitS(w));
      clock.advance(waitS(w) * 1000);
      assert.equal(code(await reclaim(guesser, r, WRONG)), 'room/bad_pin');
    }
    assert.deepEqual(waits, [4, 8, 16, 32, 60, 60]);
    clock.advance(60_000);
    const back = await reclaim(guesser, r, r.hostPin);
    assert.ok(back.ok, JSON.stringify(back));
  });
});

describe('finding 8: every event has a rate limit; a clock:sync flood is refused cheaply', () => {
  let t: TestServer;
  const sockets: ClientSocket[] = [];

  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    closeAll(sockets);
    await t.stop();
  });

  test('20,000 clock:sync from one socket: refused past its limit, then cut off; another client is still answered', async () => {
    const flooder = await connect(t.server.url);
    const other = await connect(t.server.url);
    sockets.push(flooder, other);
    const tally = new Map<string, number>();
    const cutOff = new Promise<string>((ok) => flooder.once('disconnect', (reason) => ok(reason)));
    const raw = flooder as unknown as Socket;
    for (let i = 0; i < 20_000; i++) {
      raw.emit('clock:sync', { clientNow: i }, (r: Result<unknown>) => tally.set(code(r), (tally.get(code(r)) ?? 0) + 1));
    }
    const answered = await request<{ serverNow: number }>(other, 'clock:sync', { clientNow: 1 });
    assert.ok(answered.ok && answered.data.serverNow > 0, 'the other client is answered during the flood');
    assert.equal(await cutOff, 'io server disconnect');
    const ok = tally.get('ok') ?? 0;
    const limited = tally.get('rate/limited') ?? 0;
    assert.ok(ok >= 1 && ok <= EVENT_LIMITS.events['clock:sync']!.points, JSON.stringify([...tally]));
    assert.ok(limited >= EVENT_LIMITS.any.points - ok, JSON.stringify([...tally]));
    assert.deepEqual([...tally.keys()].sort(), ['ok', 'rate/limited']);
    assert.ok(ok + limited < 20_000, 'past a window of refusals the flood is no longer answered');
    for (let i = 0; i < 5; i++) assert.equal(code(await request(other, 'clock:sync', { clientNow: i })), 'ok');
  });

  test('what a real page sends on connect (5 clock:sync, 150 ms apart in the app; here at once) is all answered', async () => {
    const page = await connect(t.server.url);
    sockets.push(page);
    const codes = await Promise.all(range(5).map((i) => request(page, 'clock:sync', { clientNow: i }).then(code)));
    assert.deepEqual(codes, ['ok', 'ok', 'ok', 'ok', 'ok']);
  });
});
