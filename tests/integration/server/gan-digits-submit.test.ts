/**
 * The digit GAN (gan-digits) through a real server: a generator's photos are asked for by the
 * server from its own noise, read by the shipped judge, and scored exactly as this process
 * computes with the same noise and judge; the score lands on the leaderboard. Malformed
 * conditional specs, weights of the wrong size and client-made photos or scores are refused with a
 * clear error, and nothing is stored. A room round on gan-digits scores into the standings.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { modelChallenge } from '../../../game/challenges';
import { ganIO } from '../../../game/gan-challenges';
import { buildGan, disposeGan, ganWeights, trainGan } from '../../../models/gan';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';
import type { LeaderboardView, SubmissionResult } from '../../../protocol';
import { digitTrainingPhotos, scoreDigitGenerator } from '../../unit/challenges/gan-digits-harness';
import { useBackend } from '../../unit/challenges/harness';
import { SETTINGS, closeAll, createHostedRoom, joinAs, until } from '../rooms/helpers';
import { register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from './harness';

const c = modelChallenge('gan-digits');

/** The spec's weights (after `epochs` epochs on the public photos, 0 for the initial ones) and the outcome computed here. */
async function weightsOf(spec: ModelSpec, epochs: number) {
  const models = buildGan(spec, ganIO(c));
  try {
    if (epochs > 0) await trainGan(models, { ...spec, training: { ...spec.training, epochs } }, digitTrainingPhotos());
    const expected = await scoreDigitGenerator(models);
    return { bytes: new Uint8Array(ganWeights(models)), expected };
  } finally {
    disposeGan(models);
  }
}

async function submit(socket: ClientSocket, spec: unknown, weights: Uint8Array, roomCode?: string): Promise<SubmissionResult> {
  const ack = await request<{ submissionId: string }>(socket, 'submission:submit', { challengeId: 'gan-digits', spec, weights, ...(roomCode ? { roomCode } : {}) });
  assert.ok(ack.ok, JSON.stringify(ack));
  return waitFor<SubmissionResult>(socket, 'submission:result', (r) => r.submissionId === ack.data.submissionId);
}

describe('digit GAN generators through the real server', () => {
  let t: TestServer;
  let socket: ClientSocket;
  const sockets: ClientSocket[] = [];

  before(async () => {
    // The app's WASM backend with the gradient kernels its training needs (conv backprop included).
    await useBackend('wasm');
    t = await startTestServer({ submitLimit: { points: 100, durationS: 60 } });
    socket = (await register(t.server.url, 'Painter')).socket;
  });
  after(async () => {
    socket?.disconnect();
    closeAll(sockets);
    await t?.stop();
  });

  test("a briefly trained generator is scored exactly as computed here with the server's noise and judge, onto the leaderboard", async () => {
    const spec = knownGoodSpec('gan-digits');
    const { bytes, expected } = await weightsOf(spec, 2);
    const r = await submit(socket, spec, bytes);
    assert.equal(r.status, 'scored', JSON.stringify(r.error));
    assert.ok(Math.abs((r.score ?? NaN) - expected.score.score) < 1e-6, `server ${r.score} vs local ${expected.score.score}`);
    assert.deepEqual([r.correct, r.total, r.stars], [expected.measure.digitsCovered, 10, expected.stars]);
    const board = await request<LeaderboardView>(socket, 'leaderboard:subscribe', { challengeId: 'gan-digits' });
    assert.ok(board.ok, JSON.stringify(board));
    assert.ok(board.data.rows.some((e) => e.nickname === 'Painter' && e.score === r.score), JSON.stringify(board.data.rows));
  });

  test('the untrained default earns no star', async () => {
    const { bytes, expected } = await weightsOf(defaultSpec('gan-digits'), 0);
    const r = await submit(socket, defaultSpec('gan-digits'), bytes);
    assert.equal(r.status, 'scored', JSON.stringify(r.error));
    assert.equal(r.stars, 0, `untrained default: ${r.score}`);
    assert.ok(Math.abs((r.score ?? NaN) - expected.score.score) < 1e-6);
  });

  test('malformed conditional specs, wrong-size weights and client photos are refused with a clear error; nothing is stored', async () => {
    const spec = knownGoodSpec('gan-digits');
    const { bytes } = await weightsOf(spec, 0);
    const d = spec.gan!.discriminator;
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['a generator that draws points', { spec: { ...spec, layers: [{ type: 'dense', units: 2, activation: 'linear' }] }, weights: bytes }, 'spec/invalid', /layers\.0: .*16x16x1|layers\.0: .*\[16, 16, 1\]/],
      ['a discriminator that ends in 10 classes', { spec: { ...spec, gan: { ...spec.gan, discriminator: { ...d, layers: [...d.layers.slice(0, -1), { type: 'dense', units: 10, activation: 'softmax' }] } } }, weights: bytes }, 'spec/invalid', /gan\.discriminator\.layers\.4/],
      ['an LSTM layer in the generator', { spec: { ...spec, layers: [{ type: 'lstm', units: 8, returnSequences: false }, ...spec.layers] }, weights: bytes }, 'spec/invalid', /layers\.0/],
      ['weights of the generator only', { spec, weights: bytes.subarray(0, 4 * 1000) }, 'weights/wrong_length', /parameters/],
      ['photos made by the client', { spec, weights: bytes, photos: [0, 1] }, 'payload/invalid', /photos/],
      ['a score from the client', { spec, weights: bytes, score: 1 }, 'payload/invalid', /score/],
    ];
    const before = t.counts();
    for (const [name, payload, code, says] of cases) {
      const r = await request(socket, 'submission:submit', { challengeId: 'gan-digits', ...payload });
      assert.equal(r.ok, false, name);
      if (!r.ok) {
        assert.equal(r.error.code, code, `${name}: ${r.error.message}`);
        assert.match(`${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`, says, name);
      }
    }
    assert.deepEqual(t.counts(), before);
  });

  test("a room round on gan-digits: the generator is scored into the round's standings", async () => {
    const host = await createHostedRoom(t.server.url);
    const ann = await joinAs(t.server.url, host.code, 'Ann');
    sockets.push(host.socket, ann.socket);
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: { ...SETTINGS, challengeId: 'gan-digits', maxSubmissions: 2 } });
    assert.ok(started.ok, JSON.stringify(started));
    const spec = knownGoodSpec('gan-digits');
    const { bytes, expected } = await weightsOf(spec, 1);
    const r = await submit(ann.socket, spec, bytes, host.code);
    assert.equal(r.status, 'scored', JSON.stringify(r.error));
    assert.equal(r.room?.code, host.code);
    assert.ok(Math.abs((r.score ?? NaN) - expected.score.score) < 1e-6);
    await until([ann.socket], () => (ann.latest.state?.standings?.length ?? 0) === 1, 'Ann in the standings');
    assert.equal(ann.latest.state?.standings?.[0]?.score, r.score);
  });
});
