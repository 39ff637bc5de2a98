/**
 * The solo path on the real server: play entries replayed and scored by the server, stars from the
 * challenge rules, progress kept per player (only raised), 2-D model challenges scored on the
 * server's hidden points, refusals that write nothing, and the public run view.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { modelChallenge } from '../../../game/challenges';
import { scoreRaceEntry, type RaceEntry } from '../../../game/solo/play';
import { TUNED_RACE } from './race-fixtures';
import { stepProblem } from '../../../game/solo/steps-quiz';
import { modelStars } from '../../../game/stars';
import type { LeaderboardView, RunView, SubmissionResult } from '../../../protocol';
import type { ModelSpec } from '../../../models/spec';
import type { Progress } from '../../../game/solo/path';
import { GATE_TRAINING as training, LINE_SPEC, LINE_WEIGHTS, XOR_SPEC, XOR_WEIGHTS, bytes } from './gate-fixtures';
import { connect, register, request, startTestServer, type ClientSocket, type TestServer } from './harness';

type Ack = { submissionId: string; status: string; paramCount: number };

const PLAIN_GD: RaceEntry = {
  kind: 'race',
  surfaces: {
    bowl: { optimizer: 'gd', learningRate: 0.01, momentum: 0 },
    ravine: { optimizer: 'gd', learningRate: 0.01, momentum: 0 },
    saddle: { optimizer: 'gd', learningRate: 0.01, momentum: 0 },
    rosenbrock: { optimizer: 'gd', learningRate: 0.001, momentum: 0 },
  },
};


/**
 * Every submission:result a socket receives, by id. A play entry is scored at once, so its result can
 * arrive in the same network read as the ack, before a listener added after the ack would see it.
 */
function resultsOf(socket: ClientSocket): (id: string) => Promise<SubmissionResult> {
  const seen = new Map<string, SubmissionResult>();
  const waiting = new Map<string, (r: SubmissionResult) => void>();
  socket.on('submission:result', (r) => {
    seen.set(r.submissionId, r);
    waiting.get(r.submissionId)?.(r);
  });
  return (id) => {
    const known = seen.get(id);
    return known ? Promise.resolve(known) : new Promise((ok) => waiting.set(id, ok));
  };
}
const results = new WeakMap<ClientSocket, (id: string) => Promise<SubmissionResult>>();
function track(socket: ClientSocket): ClientSocket {
  results.set(socket, resultsOf(socket));
  return socket;
}
const resultFor = (socket: ClientSocket, id: string) => {
  const get = results.get(socket);
  if (!get) throw new Error('socket not tracked');
  return get(id);
};

describe('solo path on the server', () => {
  let t: TestServer;
  let ada: { socket: ClientSocket; playerId: string };
  const sockets: ClientSocket[] = [];

  before(async () => {
    t = await startTestServer({ submitLimit: { points: 100, durationS: 60 } });
    ada = await register(t.server.url, 'Ada');
    sockets.push(track(ada.socket));
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await t.stop();
  });

  async function submitPlay(socket: ClientSocket, challengeId: string, entry: unknown): Promise<SubmissionResult> {
    const ack = await request<Ack>(socket, 'play:submit', { challengeId, entry });
    assert.ok(ack.ok, JSON.stringify(ack));
    assert.equal(ack.data.paramCount, 0);
    return resultFor(socket, ack.data.submissionId);
  }

  async function submitModel(socket: ClientSocket, challengeId: string, spec: ModelSpec, w: Float32Array): Promise<SubmissionResult> {
    const ack = await request<Ack>(socket, 'submission:submit', { challengeId, spec, weights: bytes(w) });
    assert.ok(ack.ok, JSON.stringify(ack));
    return resultFor(socket, ack.data.submissionId);
  }

  const progressOf = async (socket: ClientSocket) => {
    const r = await request<{ progress: Progress }>(socket, 'progress:get', {});
    assert.ok(r.ok, JSON.stringify(r));
    return r.data.progress;
  };

  test('a tuned race is replayed by the server: three stars, a leaderboard row, progress', async () => {
    const r = await submitPlay(ada.socket, 'optimizer-race', TUNED_RACE);
    assert.equal(r.status, 'scored', JSON.stringify(r.error));
    assert.equal(r.stars, 3);
    assert.equal(r.score, scoreRaceEntry(TUNED_RACE).score.score);
    assert.equal(r.correct, 4);
    assert.deepEqual(await progressOf(ada.socket), { 'optimizer-race': 3 });
    const board = await request<LeaderboardView>(ada.socket, 'leaderboard:subscribe', { challengeId: 'optimizer-race' });
    assert.ok(board.ok);
    assert.equal(board.data.rows[0]?.playerId, ada.playerId);
  });

  test('a worse race later scores lower and leaves the stars where they were', async () => {
    const r = await submitPlay(ada.socket, 'optimizer-race', PLAIN_GD);
    assert.equal(r.status, 'scored');
    assert.ok((r.stars ?? 3) < 3, `plain GD with a small step should not win three stars, got ${r.stars}`);
    assert.ok((r.score ?? 1) < scoreRaceEntry(TUNED_RACE).score.score);
    assert.equal(r.improved, false);
    assert.equal((await progressOf(ada.socket))['optimizer-race'], 3);
  });

  test('the step-through: exact answers score 1 and three stars; wrong ones score less', async () => {
    const seed = 1234;
    const answers = stepProblem(seed).questions.map((q) => Number(q.answer.toFixed(4)));
    const bob = await register(t.server.url, 'Bob');
    sockets.push(track(bob.socket));
    const wrong = await submitPlay(bob.socket, 'backprop-steps', { kind: 'steps', seed, answers: answers.map((a) => a + 1) });
    assert.equal(wrong.score, 0);
    assert.equal(wrong.stars, 0);
    assert.deepEqual(await progressOf(bob.socket), {});
    const right = await submitPlay(bob.socket, 'backprop-steps', { kind: 'steps', seed, answers });
    assert.equal(right.score, 1);
    assert.equal(right.stars, 3);
    assert.deepEqual(await progressOf(bob.socket), { 'backprop-steps': 3 });
  });

  test('XOR by a hidden layer is scored on the server and earns the stars its rules give', async () => {
    const c = modelChallenge('logic-gates');
    const r = await submitModel(ada.socket, 'logic-gates', XOR_SPEC, XOR_WEIGHTS);
    assert.equal(r.status, 'scored', JSON.stringify(r.error));
    assert.equal(r.score, 1);
    assert.equal(r.paramCount, 12);
    const expected = modelStars(c, { score: 1, paramCount: 12, spec: XOR_SPEC });
    assert.ok(expected >= 1);
    assert.equal(r.stars, expected);
    assert.equal((await progressOf(ada.socket))['logic-gates'], expected);
  });

  test('one neuron cannot solve XOR: at most three rows right, no star', async () => {
    const cy = await register(t.server.url, 'Cy');
    sockets.push(track(cy.socket));
    const r = await submitModel(cy.socket, 'logic-gates', LINE_SPEC, LINE_WEIGHTS);
    assert.equal(r.status, 'scored');
    assert.ok((r.score ?? 1) <= 0.75, `got ${r.score}`);
    assert.equal(r.stars, 0);
    assert.deepEqual(await progressOf(cy.socket), {});
  });

  test('a 2-D points challenge is scored on the server’s own test points', async () => {
    const c = modelChallenge('depth-width');
    assert.equal(c.data.type, 'points');
    // A model that always says class 1: half of a balanced test set.
    const r = await submitModel(ada.socket, 'depth-width', LINE_SPEC, Float32Array.from([0, 0, 0, 0, -1, 1]));
    assert.equal(r.status, 'scored', JSON.stringify(r.error));
    assert.equal(r.total, c.data.type === 'points' ? c.data.test : -1);
    assert.ok(Math.abs((r.score ?? 0) - 0.5) < 0.01, `got ${r.score}`);
    assert.equal(r.stars, 0);
  });

  test('refusals write nothing: bad entries, wrong kinds, over the samples budget', async () => {
    const before = t.counts();
    const cases: [string, unknown, string][] = [
      ['play:submit', { challengeId: 'optimizer-race', entry: { kind: 'race', surfaces: {} } }, 'play/invalid'],
      ['play:submit', { challengeId: 'optimizer-race', entry: { kind: 'steps', seed: 1, answers: [] } }, 'play/invalid'],
      ['play:submit', { challengeId: 'backprop-steps', entry: { kind: 'steps', seed: -1, answers: [] } }, 'play/invalid'],
      ['play:submit', { challengeId: 'backprop-steps', entry: { kind: 'steps', seed: 1, answers: Array(100).fill(0) } }, 'play/invalid'],
      ['play:submit', { challengeId: 'optimizer-race', entry: { ...TUNED_RACE, score: 1 } }, 'play/invalid'],
      ['play:submit', { challengeId: 'logic-gates', entry: TUNED_RACE }, 'play/not_play'],
      ['play:submit', { challengeId: 'nope', entry: TUNED_RACE }, 'challenge/unknown'],
      ['play:submit', { challengeId: 'optimizer-race', entry: TUNED_RACE, score: 1 }, 'payload/invalid'],
      ['submission:submit', { challengeId: 'optimizer-race', spec: XOR_SPEC, weights: bytes(XOR_WEIGHTS) }, 'challenge/unknown'],
    ];
    for (const [event, payload, code] of cases) {
      const r = await request(ada.socket, event, payload);
      assert.equal(r.ok, false, `${event} ${JSON.stringify(payload).slice(0, 80)} was accepted`);
      if (!r.ok) assert.equal(r.error.code, code, `${JSON.stringify(payload).slice(0, 80)}: ${r.error.message}`);
    }
    const c = modelChallenge('batch-epochs');
    const tooMany = { ...XOR_SPEC, training: { ...training, epochs: 200 } };
    const r = await request(ada.socket, 'submission:submit', { challengeId: c.id, spec: tooMany, weights: bytes(XOR_WEIGHTS) });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.code, 'submission/over_samples');
      assert.equal(r.error.issues?.[0]?.path, 'training.epochs');
    }
    assert.deepEqual(t.counts(), before);
  });

  test('anyone can read a scored run (spec and seed) to train it again; unknown ids are refused', async () => {
    const r = await submitModel(ada.socket, 'logic-gates', XOR_SPEC, XOR_WEIGHTS);
    const stranger = await register(t.server.url, 'Dee');
    sockets.push(track(stranger.socket));
    const run = await request<RunView>(stranger.socket, 'run:get', { submissionId: r.submissionId });
    assert.ok(run.ok, JSON.stringify(run));
    assert.deepEqual(run.data.spec, XOR_SPEC);
    assert.equal(run.data.nickname, 'Ada');
    assert.equal(run.data.score, 1);
    const race = await submitPlay(ada.socket, 'optimizer-race', TUNED_RACE);
    const raceRun = await request<RunView>(stranger.socket, 'run:get', { submissionId: race.submissionId });
    assert.ok(raceRun.ok);
    assert.equal(raceRun.data.spec, null);
    assert.deepEqual(raceRun.data.entry, TUNED_RACE);
    const missing = await request(stranger.socket, 'run:get', { submissionId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(missing.ok, false);
    if (!missing.ok) assert.equal(missing.error.code, 'run/not_found');
    const junk = await request(stranger.socket, 'run:get', { submissionId: 'x' });
    assert.equal(junk.ok, false);
  });

  test('progress needs a player', async () => {
    const anon = await connect(t.server.url);
    sockets.push(anon);
    const r = await request(anon, 'progress:get', {});
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.code, 'auth/required');
  });
});
