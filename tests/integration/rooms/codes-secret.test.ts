/**
 * Join codes are secret (trust issue, finding 1): without the room's host token, PIN or membership,
 * no room event tells a code that opens a room from one that does not. For every event that names a
 * code, a stranger's answer on a real room equals, code and message, the answer on a code with no room.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JOIN_CODE_ALPHABET } from '../../../game/room/code';
import { connect, register, request, startTestServer, type ClientSocket, type TestServer } from '../server/harness';
import { SETTINGS, closeAll, createHostedRoom, joinAs, type Host, type Player } from './helpers';

const FORGED_TOKEN = 'x'.repeat(43);

/** Each event that names a room, with a payload a stranger could send (no valid token, PIN or seat). */
const EVENTS: [string, (code: string) => Record<string, unknown>][] = [
  ['room:host', (code) => ({ code, hostToken: FORGED_TOKEN })],
  ['room:kick', (code) => ({ code, hostToken: FORGED_TOKEN, playerId: 'someone' })],
  ['room:lock', (code) => ({ code, hostToken: FORGED_TOKEN, locked: true })],
  ['room:end', (code) => ({ code, hostToken: FORGED_TOKEN })],
  ['room:export', (code) => ({ code, hostToken: FORGED_TOKEN })],
  ['room:publish', (code) => ({ code, hostToken: FORGED_TOKEN, round: 1, published: true })],
  ['room:reveal', (code) => ({ code, hostToken: FORGED_TOKEN })],
  ['room:leave', (code) => ({ code })],
  ['room:activity', (code) => ({ code, activity: 'building' })],
  ['room:results', (code) => ({ code, round: 1 })],
];

const answer = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? 'ok' : `${r.error?.code}: ${r.error?.message}`);

/** A well-formed code that is not `code` (and, in a test server with one room, opens nothing). */
const otherCode = (code: string) => code.split('').map((c) => JOIN_CODE_ALPHABET[(JOIN_CODE_ALPHABET.indexOf(c) + 1) % JOIN_CODE_ALPHABET.length]).join('');

describe('a stranger learns nothing about a code from the room events', () => {
  let t: TestServer;
  let host: Host;
  let student: Player;
  let stranger: ClientSocket;
  before(async () => {
    t = await startTestServer();
    host = await createHostedRoom(t.server.url);
    student = await joinAs(t.server.url, host.code, 'Ada');
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: { ...SETTINGS, challengeId: 'optimizer-race' } });
    assert.ok(started.ok, JSON.stringify(started));
    stranger = (await register(t.server.url, 'Eve')).socket;
  });
  after(async () => {
    closeAll([host.socket, student.socket, stranger]);
    await t.stop();
  });

  test('every host or member event: the same refusal for a real room and for no room', async () => {
    const missing = otherCode(host.code);
    for (const [event, payload] of EVENTS) {
      const real = await request(stranger, event, payload(host.code));
      const none = await request(stranger, event, payload(missing));
      assert.equal(real.ok, false, `${event} on the real room is refused`);
      assert.equal(answer(real), answer(none), `${event}: real room vs no room`);
    }
  });

  test('room:reclaim: a wrong PIN on a real room and any PIN on no room read the same', async () => {
    // Separate sockets: each wrong PIN makes its socket wait, which must not differ either.
    const a = await connect(t.server.url);
    const b = await connect(t.server.url);
    const real = await request(a, 'room:reclaim', { code: host.code, hostPin: 'AAAA-AAAA-AAAA' });
    const none = await request(b, 'room:reclaim', { code: otherCode(host.code), hostPin: 'AAAA-AAAA-AAAA' });
    assert.equal(answer(real), answer(none));
    assert.match(answer(real), /^room\/bad_pin/);
    const realAgain = await request(a, 'room:reclaim', { code: host.code, hostPin: 'AAAA-AAAA-AAAA' });
    const noneAgain = await request(b, 'room:reclaim', { code: otherCode(host.code), hostPin: 'AAAA-AAAA-AAAA' });
    assert.equal(realAgain.ok ? 'ok' : realAgain.error.code, noneAgain.ok ? 'ok' : noneAgain.error.code, 'both back off alike');
    closeAll([a, b]);
  });

  test('the room itself still answers its host and its student', async () => {
    assert.ok((await request(host.socket, 'room:host', { code: host.code, hostToken: host.hostToken })).ok);
    const activity = await request(student.socket, 'room:activity', { code: host.code, activity: 'building' });
    assert.ok(activity.ok, JSON.stringify(activity));
  });
});
