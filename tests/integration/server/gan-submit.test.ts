/**
 * The GAN challenge through a real server: a generator with seeded weights is scored with exactly
 * the score this process computes from the server's own noise and hidden sample (the worker
 * rebuilds both models from the spec, loads the weights generator first, and returns only points);
 * the known-good spec, trained here with the app's two-model loop on the public points, earns three
 * stars and its leaderboard row, the untrained default none. Malformed two-model specs, weights of
 * the wrong size and client-made points are refused with a clear error, and nothing is stored. A
 * room round on the GAN scores its submission into the standings.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { modelChallenge } from '../../../game/challenges';
import { ganOutcome } from '../../../game/gan';
import { ganTrainingPoints } from '../../../game/gan-data';
import { buildGan, disposeGan, ganWeights, generatePoints, trainGan } from '../../../models/gan';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import { ganSpec } from '../../../models/presets-gan';
import type { ModelSpec } from '../../../models/spec';
import type { LeaderboardView, SubmissionResult } from '../../../protocol';
import { ganScoringNoise, ganTargetSample } from '../../../server/scoring/test-split';
import { SETTINGS, closeAll, createHostedRoom, joinAs, until } from '../rooms/helpers';
import { register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from './harness';

const gan = modelChallenge('gan');

/** The spec's weights as submission bytes: trained on the public points, or seeded random ones. */
async function weightsOf(spec: ModelSpec, how: 'train' | 'random' | 'init'): Promise<{ bytes: Uint8Array; expected: ReturnType<typeof ganOutcome> }> {
  const models = buildGan(spec);
  try {
    if (how === 'train') await trainGan(models, spec, ganTrainingPoints(gan.data as Parameters<typeof ganTrainingPoints>[0]));
    for (const m of how === 'random' ? [models.generator, models.discriminator] : []) {
      m.setWeights(m.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.8, 0.8, 'float32', spec.training.seed * 100 + i)));
    }
    // What the server should find: the generator on its noise, against its hidden sample.
    const points = await generatePoints(models, ganScoringNoise(gan, models.noiseDim));
    const expected = ganOutcome(gan, points, ganTargetSample(gan) ?? undefined, models.generatorParams + models.discriminatorParams);
    return { bytes: new Uint8Array(ganWeights(models)), expected };
  } finally {
    disposeGan(models);
  }
}

async function submit(socket: ClientSocket, spec: unknown, weights: Uint8Array, roomCode?: string): Promise<SubmissionResult> {
  const ack = await request<{ submissionId: string }>(socket, 'submission:submit', { challengeId: 'gan', spec, weights, ...(roomCode ? { roomCode } : {}) });
  assert.ok(ack.ok, JSON.stringify(ack));
  return waitFor<SubmissionResult>(socket, 'submission:result', (r) => r.submissionId === ack.data.submissionId);
}

describe('GAN generators through the real server', () => {
  let t: TestServer;
  let socket: ClientSocket;
  const sockets: ClientSocket[] = [];

  before(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    t = await startTestServer({ submitLimit: { points: 100, durationS: 60 } });
    socket = (await register(t.server.url, 'Gan')).socket;
  });
  after(async () => {
    socket?.disconnect();
    closeAll(sockets);
    await t?.stop();
  });

  test('a generator with seeded weights is scored exactly as computed here', async () => {
    for (const [i, noiseDim] of [2, 5].entries()) {
      const spec = ganSpec({ generator: [16, 16], discriminator: [8], noiseDim, gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 32, epochs: 1, seed: 21 + i });
      const { bytes, expected } = await weightsOf(spec, 'random');
      assert.ok(expected.ok);
      const r = await submit(socket, spec, bytes);
      assert.equal(r.status, 'scored', JSON.stringify(r.error));
      assert.ok(Math.abs((r.score ?? NaN) - expected.score.score) < 1e-9, `server ${r.score} vs local ${expected.score.score}`);
      assert.deepEqual([r.correct, r.total, r.stars], [expected.score.correct, 8, expected.stars]);
    }
  });

  test('the known-good spec, trained here, earns three stars and a leaderboard row; the untrained default none', async () => {
    const good = await weightsOf(knownGoodSpec('gan'), 'train');
    assert.ok(good.expected.ok && good.expected.stars === 3, JSON.stringify(good.expected.ok && good.expected.measure));
    const r = await submit(socket, knownGoodSpec('gan'), good.bytes);
    assert.equal(r.status, 'scored', JSON.stringify(r.error));
    assert.equal(r.stars, 3, `score ${r.score}, modes ${r.correct}`);
    const board = await request<LeaderboardView>(socket, 'leaderboard:subscribe', { challengeId: 'gan' });
    assert.ok(board.ok, JSON.stringify(board));
    assert.ok(board.data.rows.some((e) => e.nickname === 'Gan' && e.score === r.score), JSON.stringify(board.data.rows));
    const plain = await weightsOf(defaultSpec('gan'), 'init');
    const p = await submit(socket, defaultSpec('gan'), plain.bytes);
    assert.equal(p.status, 'scored', JSON.stringify(p.error));
    assert.equal(p.stars, 0, `untrained default: ${p.score}`);
  });

  test('malformed two-model specs, wrong-size weights and client points are refused with a clear error; nothing is stored', async () => {
    const spec = knownGoodSpec('gan');
    const { bytes } = await weightsOf(spec, 'init');
    const { gan: _, ...single } = spec;
    const d = spec.gan!.discriminator;
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['no gan block', { spec: single, weights: bytes }, 'spec/invalid', /gan: required/],
      ['a generator with 3 outputs', { spec: { ...spec, layers: [{ type: 'dense', units: 3, activation: 'linear' }] }, weights: bytes }, 'spec/invalid', /layers\.0: .*an x, y point/],
      ['a discriminator without its sigmoid', { spec: { ...spec, gan: { ...spec.gan, discriminator: { ...d, layers: [{ type: 'dense', units: 1, activation: 'relu' }] } } }, weights: bytes }, 'spec/invalid', /gan\.discriminator\.layers\.0: .*sigmoid/],
      ['no discriminator optimizer', { spec: { ...spec, gan: { ...spec.gan, discriminator: { layers: d.layers } } }, weights: bytes }, 'spec/invalid', /gan\.discriminator\.optimizer/],
      ['noiseDim past the limit', { spec: { ...spec, gan: { ...spec.gan, noiseDim: 99 } }, weights: bytes }, 'spec/invalid', /gan\.noiseDim/],
      ['weights of the generator only', { spec, weights: bytes.subarray(0, (192 + 4160 + 130) * 4) }, 'weights/wrong_length', /8899 parameters/],
      ['weights one float too many', { spec, weights: new Uint8Array(bytes.length + 4) }, 'weights/wrong_length', /bytes/],
      ['points made by the client', { spec, weights: bytes, points: [0, 1, 1, 0] }, 'payload/invalid', /points/],
    ];
    const before = t.counts();
    for (const [name, payload, code, says] of cases) {
      const r = await request(socket, 'submission:submit', { challengeId: 'gan', ...payload });
      assert.equal(r.ok, false, name);
      if (!r.ok) {
        assert.equal(r.error.code, code, `${name}: ${r.error.message}`);
        assert.match(`${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`, says, name);
      }
    }
    assert.deepEqual(t.counts(), before);
  });

  test('a gan block on another challenge is refused', async () => {
    const r = await request(socket, 'submission:submit', { challengeId: 'depth-width', spec: { ...defaultSpec('depth-width'), gan: knownGoodSpec('gan').gan }, weights: new Uint8Array(4) });
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual([r.error.code, r.error.issues?.[0]?.path], ['spec/invalid', 'gan']);
  });

  test("a room round on the GAN: the generator is scored into the round's standings", async () => {
    const host = await createHostedRoom(t.server.url);
    const ann = await joinAs(t.server.url, host.code, 'Ann');
    sockets.push(host.socket, ann.socket);
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: { ...SETTINGS, challengeId: 'gan', maxSubmissions: 2 } });
    assert.ok(started.ok, JSON.stringify(started));
    const spec = ganSpec({ generator: [16], discriminator: [8], gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 32, epochs: 1, seed: 31 });
    const { bytes, expected } = await weightsOf(spec, 'random');
    const r = await submit(ann.socket, spec, bytes, host.code);
    assert.equal(r.status, 'scored', JSON.stringify(r.error));
    assert.equal(r.room?.code, host.code);
    assert.ok(expected.ok && Math.abs((r.score ?? NaN) - expected.score.score) < 1e-9);
    await until([ann.socket], () => (ann.latest.state?.standings?.length ?? 0) === 1, 'Ann in the standings');
    assert.equal(ann.latest.state?.standings?.[0]?.score, r.score);
  });
});
