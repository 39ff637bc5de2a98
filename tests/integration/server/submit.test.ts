import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type LeaderboardView, MAX_SOCKET_PAYLOAD_BYTES, MAX_WEIGHTS_BYTES, type SubmissionResult } from '../../../protocol';
import { connect, register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from './harness';
import { SMALL_PARAMS, SMALL_SPEC, trainSmallModel, weightsWith, type TrainedModel } from './model-fixture';

const CHALLENGE = 'sign-digits';

describe('submission flow', () => {
  let t: TestServer;
  let model: TrainedModel;
  const sockets: ClientSocket[] = [];
  const track = <T extends { socket: ClientSocket }>(x: T) => (sockets.push(x.socket), x);

  before(async () => {
    [t, model] = await Promise.all([startTestServer({ submitLimit: { points: 3, durationS: 60 } }), trainSmallModel()]);
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await t.stop();
  });

  test('a real model is scored by the server exactly as computed locally, and the leaderboard updates', async () => {
    const ada = track(await register(t.server.url, 'Ada'));
    const watcher = await connect(t.server.url);
    sockets.push(watcher);
    const initial = await request<LeaderboardView>(watcher, 'leaderboard:subscribe', { challengeId: CHALLENGE });
    assert.ok(initial.ok);
    assert.equal(initial.data.rows.length, 0);

    const result = waitFor<SubmissionResult>(ada.socket, 'submission:result');
    const update = waitFor<LeaderboardView>(watcher, 'leaderboard:update', (v) => v.rows.some((r) => r.playerId === ada.playerId));
    const before = t.counts();
    const started = performance.now();
    const ack = await request<{ submissionId: string; status: string; paramCount: number }>(ada.socket, 'submission:submit', {
      challengeId: CHALLENGE,
      spec: model.spec,
      weights: model.weights,
    });
    assert.ok(ack.ok, JSON.stringify(ack));
    assert.equal(ack.data.status, 'queued');
    assert.equal(ack.data.paramCount, SMALL_PARAMS);
    // Persisted before the ack: a crash after this point loses nothing.
    assert.equal(t.counts().submissions, before.submissions + 1);

    const r = await result;
    const elapsedMs = performance.now() - started;
    console.log(`# submit→result round trip: ${elapsedMs.toFixed(0)} ms (local score ${model.expected.score.toFixed(4)})`);
    assert.equal(r.submissionId, ack.data.submissionId);
    assert.equal(r.status, 'scored', JSON.stringify(r.error));
    assert.equal(r.score, model.expected.score);
    assert.equal(r.correct, model.expected.correct);
    assert.equal(r.total, model.expected.total);
    assert.ok((r.score ?? 0) > 0.3, `a quick dense model should beat chance by far, got ${r.score}`);
    assert.equal(r.improved, true);
    assert.equal(r.rank, 1);

    const view = await update;
    const row = view.rows.find((x) => x.playerId === ada.playerId);
    assert.equal(row?.nickname, 'Ada');
    assert.equal(row?.score, model.expected.score);
    assert.equal(row?.rank, 1);
    assert.equal(row?.submissionId, ack.data.submissionId);
    assert.equal(view.totalPlayers, 1);

    // The same weights again: scored, but an equal score is not an improvement.
    const again = waitFor<SubmissionResult>(ada.socket, 'submission:result');
    const ack2 = await request(ada.socket, 'submission:submit', { challengeId: CHALLENGE, spec: model.spec, weights: model.weights });
    assert.ok(ack2.ok);
    const r2 = await again;
    assert.equal(r2.status, 'scored');
    assert.equal(r2.improved, false);
    const after2 = await request<LeaderboardView>(watcher, 'leaderboard:subscribe', { challengeId: CHALLENGE });
    assert.ok(after2.ok);
    assert.equal(after2.data.rows[0]?.submissionId, ack.data.submissionId, 'the earlier entry keeps its place');
  });

  test('the handshake token identifies the player on a new connection', async () => {
    const bob = track(await register(t.server.url, '  Bob \u0000 ')); // normalised to "Bob"
    const again = await connect(t.server.url, bob.token);
    sockets.push(again);
    const me = await request<{ playerId: string; nickname: string }>(again, 'player:whoami', {});
    assert.deepEqual(me, { ok: true, data: { playerId: bob.playerId, nickname: 'Bob' } });
    const stranger = await connect(t.server.url, 'not-a-real-token');
    sockets.push(stranger);
    const anon = await request(stranger, 'player:whoami', {});
    assert.equal(anon.ok, false);
    if (!anon.ok) assert.equal(anon.error.code, 'auth/required');
  });

  test('malformed submissions get an error and change nothing', async () => {
    const eve = track(await register(t.server.url, 'Eve'));
    const anon = await connect(t.server.url);
    sockets.push(anon);
    const good = { challengeId: CHALLENGE, spec: model.spec, weights: model.weights };
    const nan = weightsWith(SMALL_PARAMS, 1234, Number.NaN);
    const cases: [string, ClientSocket, unknown[], string][] = [
      ['no token / not registered', anon, [good], 'auth/required'],
      ['no payload at all', eve.socket, [], 'payload/invalid'],
      ['missing weights', eve.socket, [{ challengeId: CHALLENGE, spec: model.spec }], 'payload/invalid'],
      ['missing challengeId', eve.socket, [{ spec: model.spec, weights: model.weights }], 'payload/invalid'],
      ['challengeId of the wrong type', eve.socket, [{ ...good, challengeId: 5 }], 'payload/invalid'],
      ['weights as a number array', eve.socket, [{ ...good, weights: [1, 2, 3] }], 'payload/invalid'],
      ['weights as a string', eve.socket, [{ ...good, weights: 'AAAA' }], 'payload/invalid'],
      ['a client-computed score', eve.socket, [{ ...good, score: 1 }], 'payload/invalid'],
      ['a score inside the spec', eve.socket, [{ ...good, spec: { ...model.spec, score: 1 } }], 'spec/invalid'],
      ['unknown challenge', eve.socket, [{ ...good, challengeId: 'mnist' }], 'challenge/unknown'],
      ['spec outside the vocabulary', eve.socket, [{ ...good, spec: { ...SMALL_SPEC, layers: [{ type: 'lstm', units: 3 }] } }], 'spec/invalid'],
      ['spec is a string', eve.socket, [{ ...good, spec: 'dense please' }], 'spec/invalid'],
      ['weights one float short', eve.socket, [{ ...good, weights: model.weights.subarray(0, model.weights.length - 4) }], 'weights/wrong_length'],
      ['weights not a multiple of 4', eve.socket, [{ ...good, weights: model.weights.subarray(0, model.weights.length - 1) }], 'weights/wrong_length'],
      ['NaN weights', eve.socket, [{ ...good, weights: nan }], 'weights/not_finite'],
      ['weights over MAX_WEIGHTS_BYTES', eve.socket, [{ ...good, weights: new Uint8Array(MAX_WEIGHTS_BYTES + 4) }], 'weights/too_large'],
    ];
    const before = t.counts();
    for (const [name, socket, args, code] of cases) {
      const r = await request(socket, 'submission:submit', ...args);
      assert.equal(r.ok, false, name);
      if (!r.ok) {
        assert.equal(r.error.code, code, `${name}: ${r.error.message}`);
        assert.ok(r.error.message.length > 0);
      }
    }
    assert.deepEqual(t.counts(), before);
  });

  test('malformed register / subscribe / emits without an ack change nothing and the server keeps serving', async () => {
    const s = await connect(t.server.url);
    sockets.push(s);
    const before = t.counts();
    const cases: [string, unknown[], string][] = [
      ['player:register', [{ nickname: '' }], 'nickname/invalid'],
      ['player:register', [{ nickname: 'x'.repeat(21) }], 'nickname/invalid'],
      ['player:register', [{ nickname: 5 }], 'payload/invalid'],
      ['player:register', [{}], 'payload/invalid'],
      ['player:register', ['Mallory'], 'payload/invalid'],
      ['player:register', [{ nickname: 'M', admin: true }], 'payload/invalid'],
      ['leaderboard:subscribe', [{ challengeId: 'nope' }], 'challenge/unknown'],
      ['leaderboard:subscribe', [{}], 'payload/invalid'],
      ['player:whoami', [{ sneaky: 1 }], 'payload/invalid'],
    ];
    for (const [event, args, code] of cases) {
      const r = await request(s, event, ...args);
      assert.equal(r.ok, false, `${event} ${JSON.stringify(args)}`);
      if (!r.ok) assert.equal(r.error.code, code, `${event} ${JSON.stringify(args)}`);
    }
    // No ack function: nothing to answer, nothing may throw.
    const raw = s as unknown as { emit(e: string, ...args: unknown[]): void };
    raw.emit('submission:submit', { junk: true });
    raw.emit('player:register', 42);
    raw.emit('no:such:event');
    const ok = await request(s, 'leaderboard:subscribe', { challengeId: CHALLENGE });
    assert.equal(ok.ok, true);
    assert.deepEqual(t.counts(), before);
  });

  test('a frame over the socket limit is dropped by the transport and changes nothing', async () => {
    const mal = track(await register(t.server.url, 'Mallory'));
    const before = t.counts();
    const closed = new Promise<string>((ok) => mal.socket.once('disconnect', (reason) => ok(reason)));
    mal.socket.emit('submission:submit', {
      challengeId: CHALLENGE,
      spec: model.spec,
      weights: new Uint8Array(MAX_SOCKET_PAYLOAD_BYTES + 1024),
    }, () => assert.fail('no ack expected for an oversized frame'));
    assert.ok(await closed);
    assert.deepEqual(t.counts(), before);
    const other = await connect(t.server.url);
    sockets.push(other);
    assert.equal((await request(other, 'leaderboard:subscribe', { challengeId: CHALLENGE })).ok, true);
  });

  test('submissions are rate limited per player', async () => {
    const zed = track(await register(t.server.url, 'Zed'));
    const payload = { challengeId: CHALLENGE, spec: model.spec, weights: model.weights };
    for (let i = 0; i < 3; i++) assert.equal((await request(zed.socket, 'submission:submit', payload)).ok, true);
    const before = t.counts();
    const r = await request(zed.socket, 'submission:submit', payload);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.code, 'rate/limited');
    assert.equal(t.counts().submissions, before.submissions);
  });
});
