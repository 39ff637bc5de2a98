/**
 * Classroom-trust findings 9-11 against the real server: CSV cells a spreadsheet would run as a
 * formula (full-width and after a separator too), request targets that are not a path, and payload
 * keys that could reach a prototype. Each refusal answers clearly and writes nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TUNED_RACE } from './race-fixtures';
import { SETTINGS, closeAll, createHostedRoom, joinAs, parseCsv, until, type Player } from '../rooms/helpers';
import { rawRequest } from './raw-http';
import { XOR_SPEC, XOR_WEIGHTS, bytes } from './gate-fixtures';
import type { Result } from '../../../protocol';
import { register, request, startTestServer, type ClientSocket, type TestServer } from './harness';


/** Nicknames that some spreadsheet runs as a formula, each with what its defused cell must be. */
const FORMULA_NAMES = ['＝1+2', ';=1+2', ',+SUM(A1)', ' @A1', '－1+1', '＋1', '＠A1', '=1+2'];

describe('finding 9: CSV cells that look like formulas are defused', () => {
  let t: TestServer;
  const players: Player[] = [];
  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    closeAll(players.map((p) => p.socket));
    await t.stop();
  });

  test('full-width signs, a leading separator or space: every such nickname comes out as text', async () => {
    const host = await createHostedRoom(t.server.url);
    for (const name of [...FORMULA_NAMES, '김민수']) players.push(await joinAs(t.server.url, host.code, name));
    const settings = { ...SETTINGS, challengeId: 'optimizer-race' as const, maxSubmissions: 1 };
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings });
    assert.ok(started.ok, JSON.stringify(started));
    for (const p of players) {
      const sent = await request(p.socket, 'play:submit', { challengeId: 'optimizer-race', entry: TUNED_RACE, roomCode: host.code });
      assert.ok(sent.ok, JSON.stringify(sent));
    }
    const everyone = () => (players[0]?.latest.state?.standings?.length ?? 0) === players.length;
    await until(players.map((p) => p.socket), everyone, 'every entry scored');
    assert.ok((await request(host.socket, 'room:end', { code: host.code, hostToken: host.hostToken })).ok);
    const exported = await request<{ csv: string }>(host.socket, 'room:export', { code: host.code, hostToken: host.hostToken });
    assert.ok(exported.ok, JSON.stringify(exported));
    const names = parseCsv(exported.data.csv).slice(1).map((row) => row[1]);
    for (const p of players.slice(0, FORMULA_NAMES.length)) assert.ok(names.includes(`'${p.nickname}`), `${JSON.stringify(p.nickname)} defused in ${JSON.stringify(names)}`);
    assert.ok(names.includes('김민수'), 'a plain nickname is left as it is');
  });
});

describe('finding 10: request targets that are not a path', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.stop());

  test('GET *, an absolute URL and a broken escape are 400 with no stack; a real path still answers', async () => {
    for (const target of ['*', 'http://example.test/', '//double', '/%E0%A4%A']) {
      const r = await rawRequest(t.server.port, target);
      assert.equal(r.status, 400, `${target}: ${r.status}`);
      assert.doesNotMatch(r.body, /at .*\(|Error/, `${target}: no stack trace in the answer`);
    }
    const manifest = await rawRequest(t.server.port, '/datasets/sign-digits/manifest.json');
    assert.equal(manifest.status, 200);
  });
});

/**
 * Emits `event` with one binary attachment exactly as written: socket.io-client rebuilds objects that
 * carry binary (dropping an own `__proto__` key on the way), but a hand-made client need not.
 */
function rawBinaryEmit(socket: ClientSocket, event: string, payloadJson: string, attachment: Uint8Array): Promise<Result<unknown>> {
  const s = socket as unknown as { ids: number; acks: Record<number, (r: Result<unknown>) => void>; io: { engine: { write(d: string | Uint8Array): void } } };
  const id = s.ids++;
  return new Promise((ok) => {
    s.acks[id] = ok;
    // socket.io-parser's BINARY_EVENT: type 5, one attachment, ack id, then the JSON and the buffer.
    s.io.engine.write(`51-${id}[${JSON.stringify(event)},${payloadJson}]`);
    s.io.engine.write(attachment);
  });
}

/** `value` with an own `key` first, as JSON.parse makes it (an object literal would set the prototype). */
const withKey = (value: object, key: string): object => JSON.parse(JSON.stringify(value).replace(/^\{/, `{"${key}":{"x":1},`)) as object;

describe('finding 11: __proto__, constructor and prototype keys are refused in every payload', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.stop());

  test('at the top of a spec, in a layer, in a room event: payload/forbidden_key, nothing stored', async () => {
    const { socket } = await register(t.server.url, 'Proto');
    const before = t.counts();
    const topLevel = withKey(XOR_SPEC, '__proto__');
    assert.ok(Object.hasOwn(topLevel, '__proto__'), 'the test really sends an own __proto__ key');
    const inLayer = JSON.parse(JSON.stringify(XOR_SPEC).replace('{"type":"dense"', '{"constructor":{"x":1},"type":"dense"')) as object;
    for (const spec of [topLevel, inLayer]) {
      const json = JSON.stringify({ challengeId: 'logic-gates', spec, weights: { _placeholder: true, num: 0 } });
      const r = await rawBinaryEmit(socket, 'submission:submit', json, bytes(XOR_WEIGHTS));
      assert.equal(r.ok ? 'ok' : r.error.code, 'payload/forbidden_key', JSON.stringify(r));
    }
    const cleanJson = JSON.stringify({ challengeId: 'logic-gates', spec: XOR_SPEC, weights: { _placeholder: true, num: 0 } });
    const payloads: [string, unknown][] = [
      ['play:submit', JSON.parse(`{"challengeId":"optimizer-race","entry":{"kind":"race","prototype":1,"surfaces":{}}}`)],
      ['room:join', JSON.parse('{"code":"ACDEFH","nickname":"x","__proto__":{"admin":true}}')],
    ];
    for (const [event, payload] of payloads) {
      const r = await request(socket, event, payload);
      assert.equal(r.ok, false, event);
      if (!r.ok) {
        assert.equal(r.error.code, 'payload/forbidden_key', `${event}: ${JSON.stringify(r.error)}`);
        assert.match(r.error.message, /__proto__|constructor|prototype/);
      }
    }
    assert.deepEqual(t.counts(), before, 'nothing was written');
    const clean = await rawBinaryEmit(socket, 'submission:submit', cleanJson, bytes(XOR_WEIGHTS));
    assert.ok(clean.ok, `the same raw packet without the key is accepted: ${JSON.stringify(clean)}`);
    socket.disconnect();
  });
});
