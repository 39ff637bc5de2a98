/**
 * room:check, the first step of joining (issue 16, finding 3): a typed code is answered yes, or with
 * the refusal a join would get, before the student picks a nickname. Codes stay secret (issue 13): the
 * answer says nothing else about the room, and codes with no room are counted per address together
 * with room:join's, past which every lookup from the address is refused alike. Every client is on
 * 127.0.0.1, one school address; limits at their real numbers, the test clock moves time forward.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../../protocol';
import { JOIN_CODE_ALPHABET } from '../../../game/room/code';
import { ROOM_LIMITS } from '../../../server/socket/limits';
import { connect, register, request, startTestServer, type ClientSocket, type TestServer } from '../server/harness';
import { TestClock } from './clock';
import { closeAll, createHostedRoom, joinAs, type Host } from './helpers';

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
/** Well-formed codes that are not `real` (n of them, all different). */
function wrongCodes(real: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const a = JOIN_CODE_ALPHABET[i % JOIN_CODE_ALPHABET.length] as string;
    const b = JOIN_CODE_ALPHABET[Math.floor(i / JOIN_CODE_ALPHABET.length) % JOIN_CODE_ALPHABET.length] as string;
    const c = `AAAA${b}${a}`;
    if (c !== real) out.push(c);
  }
  return out;
}

describe('room:check answers the first step of joining', () => {
  const clock = new TestClock();
  let t: TestServer;
  let host: Host;
  const sockets: ClientSocket[] = [];

  before(async () => {
    t = await startTestServer({ clock, roomMaxPlayers: 2 });
    host = await createHostedRoom(t.server.url);
    sockets.push(host.socket);
  });
  after(async () => {
    closeAll(sockets);
    await t.stop();
  });

  test('a real code is joinable, and the answer is that alone; a well-formed code with no room is room/not_found', async () => {
    const anon = await connect(t.server.url);
    sockets.push(anon);
    const yes = await request(anon, 'room:check', { code: host.code.toLowerCase().replace(/(...)/, '$1 ') });
    assert.deepEqual(yes, { ok: true, data: { joinable: true } }, 'typed with a space and in lower case');
    const [wrong] = wrongCodes(host.code, 1);
    const no = await request(anon, 'room:check', { code: wrong });
    assert.equal(code(no), 'room/not_found');
    assert.equal(code(await request(anon, 'room:check', { code: 'not a code' })), 'room/not_found');
    assert.equal(code(await request(anon, 'room:check', { code: host.code, nickname: 'x' })), 'payload/invalid', 'unknown fields refused');
  });

  test('locked or full: said at the first step to a newcomer; a member comes back; a removed player is told', async () => {
    const ada = await joinAs(t.server.url, host.code, 'Ada');
    const bo = await joinAs(t.server.url, host.code, 'Bo');
    sockets.push(ada.socket, bo.socket);
    const newcomer = await register(t.server.url, 'Cy');
    sockets.push(newcomer.socket);
    assert.equal(code(await request(newcomer.socket, 'room:check', { code: host.code })), 'room/full', 'two players in a room of two');
    assert.equal(code(await request(ada.socket, 'room:check', { code: host.code })), 'ok');
    const kicked = await request(host.socket, 'room:kick', { code: host.code, hostToken: host.hostToken, playerId: bo.playerId });
    assert.ok(kicked.ok, JSON.stringify(kicked));
    assert.equal(code(await request(bo.socket, 'room:check', { code: host.code })), 'room/kicked');
    assert.equal(code(await request(newcomer.socket, 'room:check', { code: host.code })), 'ok', 'a place is free again');
    const locked = await request(host.socket, 'room:lock', { code: host.code, hostToken: host.hostToken, locked: true });
    assert.ok(locked.ok, JSON.stringify(locked));
    assert.equal(code(await request(newcomer.socket, 'room:check', { code: host.code })), 'room/locked');
    assert.equal(code(await request(ada.socket, 'room:check', { code: host.code })), 'ok', 'a member rejoins a locked room');
    assert.ok((await request(host.socket, 'room:lock', { code: host.code, hostToken: host.hostToken, locked: false })).ok);
  });

  test('one socket checking codes in a burst is cut short', async () => {
    const s = await connect(t.server.url);
    sockets.push(s);
    const answers = await Promise.all(Array.from({ length: ROOM_LIMITS.check.points + 5 }, () => request(s, 'room:check', { code: host.code }).then(code)));
    assert.equal(answers.filter((c) => c === 'ok').length, ROOM_LIMITS.check.points);
    assert.equal(answers.filter((c) => c === 'rate/limited').length, 5);
  });

  test('codes with no room, by room:check and room:join together, are limited per address; then a real code is refused alike, but not a member', async () => {
    clock.advance(ROOM_LIMITS.lookups.durationS * 1000);
    // A room of its own: the first is full by now (two players at most in this server).
    const room = await createHostedRoom(t.server.url);
    sockets.push(room.socket);
    const member = await joinAs(t.server.url, room.code, 'Di');
    sockets.push(member.socket);
    const budget = ROOM_LIMITS.lookups.points;
    const wrong = wrongCodes(room.code, budget + 2);
    const guessers = await Promise.all(Array.from({ length: Math.ceil(budget / 10) }, (_, i) => register(t.server.url, `Guess ${i}`)));
    sockets.push(...guessers.map((g) => g.socket));
    // Ten misses a socket, half checks and half joins: within each socket's own limits.
    const misses = await Promise.all(
      wrong.slice(0, budget).map((c, i) => {
        const g = guessers[Math.floor(i / 10)]!.socket;
        return (i % 2 === 0 ? request(g, 'room:check', { code: c }) : request(g, 'room:join', { code: c, nickname: 'G' })).then(code);
      }),
    );
    assert.deepEqual([...new Set(misses)], ['room/not_found'], 'the whole budget is answered');
    const fresh = await register(t.server.url, 'Late');
    sockets.push(fresh.socket);
    assert.equal(code(await request(fresh.socket, 'room:check', { code: wrong[budget] })), 'rate/limited');
    const real = await request(fresh.socket, 'room:check', { code: room.code });
    assert.equal(code(real), 'rate/limited', 'the room is not told apart from no room');
    assert.equal(code(await request(fresh.socket, 'room:join', { code: room.code, nickname: 'Late' })), 'rate/limited');
    assert.match(real.ok ? '' : real.error.message, /try again in \d+ s/);
    assert.equal(code(await request(member.socket, 'room:join', { code: room.code, nickname: 'Di' })), 'ok', "a member's rejoin is not a lookup");

    clock.advance(ROOM_LIMITS.lookups.durationS * 1000);
    assert.equal(code(await request(fresh.socket, 'room:check', { code: room.code })), 'ok', 'a window later');
    assert.equal(code(await request(fresh.socket, 'room:join', { code: room.code, nickname: 'Late' })), 'ok');
  });
});
