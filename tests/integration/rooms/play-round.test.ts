/**
 * Every kind of path challenge in a teacher's room: the optimizer race (replayed by the server), the
 * step-through (graded by the server) and a model challenge on logic gates (the server's own rows).
 * Entries go through the room (limits, wrong challenge refused) and the standings follow.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChallengeId } from '../../../game/challenges';
import type { RaceEntry } from '../../../game/solo/play';
import { stepProblem } from '../../../game/solo/steps-quiz';
import type { SubmissionResult } from '../../../protocol';
import { LINE_SPEC, LINE_WEIGHTS, XOR_SPEC, XOR_WEIGHTS, bytes } from '../server/gate-fixtures';
import { request, startTestServer, type TestServer } from '../server/harness';
import { SETTINGS, closeAll, createHostedRoom, joinAs, until, type Host, type Player } from './helpers';

const entry = (lr: number): RaceEntry => ({
  kind: 'race',
  surfaces: {
    bowl: { optimizer: 'gd', learningRate: lr, momentum: 0.5 },
    ravine: { optimizer: 'adagrad', learningRate: 2, momentum: 0.5 },
    saddle: { optimizer: 'rmsprop', learningRate: 0.3, momentum: 0.5 },
    rosenbrock: { optimizer: 'adam', learningRate: 1, momentum: 0.9 },
  },
});

/** A started room with Ann and Ben, whose submission results are collected. */
function roomRound(challengeId: ChallengeId) {
  const ctx = { t: undefined as unknown as TestServer, host: undefined as unknown as Host, players: [] as Player[], results: [] as SubmissionResult[] };
  before(async () => {
    ctx.t = await startTestServer();
    ctx.host = await createHostedRoom(ctx.t.server.url);
    for (const name of ['Ann', 'Ben']) ctx.players.push(await joinAs(ctx.t.server.url, ctx.host.code, name));
    for (const p of ctx.players) p.socket.on('submission:result', (r) => ctx.results.push(r));
    const settings = { ...SETTINGS, challengeId, maxSubmissions: 1 };
    const started = await request(ctx.host.socket, 'room:start', { code: ctx.host.code, hostToken: ctx.host.hostToken, settings });
    assert.ok(started.ok, JSON.stringify(started));
  });
  after(async () => {
    closeAll([ctx.host.socket, ...ctx.players.map((p) => p.socket)]);
    await ctx.t.stop();
  });
  return ctx;
}

async function bothRanked(ctx: ReturnType<typeof roomRound>) {
  const { players, results } = ctx;
  await until(players.map((p) => p.socket), () => results.length === 2 && players.every((p) => (p.latest.state?.standings?.length ?? 0) === 2), 'both entries in the standings');
  return players[0]?.latest.state?.standings ?? [];
}

describe('a room round on the optimizer race', () => {
  const ctx = roomRound('optimizer-race');

  test('entries are scored through the room and ranked; the limit and the challenge hold', async () => {
    const [ann, ben] = ctx.players as [Player, Player];
    const code = ctx.host.code;
    const wrong = await request(ann.socket, 'play:submit', { challengeId: 'backprop-steps', entry: { kind: 'steps', seed: 1, answers: [] }, roomCode: code });
    assert.equal(wrong.ok, false);
    if (!wrong.ok) assert.equal(wrong.error.code, 'round/wrong_challenge');
    const a = await request<{ submissionId: string }>(ann.socket, 'play:submit', { challengeId: 'optimizer-race', entry: entry(0.5), roomCode: code });
    const b = await request<{ submissionId: string }>(ben.socket, 'play:submit', { challengeId: 'optimizer-race', entry: entry(0.01), roomCode: code });
    assert.ok(a.ok && b.ok, JSON.stringify([a, b]));
    const standings = await bothRanked(ctx);
    assert.deepEqual(standings.map((s) => s.nickname), ['Ann', 'Ben']);
    const annResult = ctx.results.find((r) => r.submissionId === a.data.submissionId);
    assert.equal(annResult?.room?.code, code);
    assert.equal(annResult?.stars, 3);
    const again = await request(ann.socket, 'play:submit', { challengeId: 'optimizer-race', entry: entry(0.5), roomCode: code });
    assert.equal(again.ok, false);
    if (!again.ok) assert.match(again.error.code, /limit/);
  });
});

describe('a room round on the step-through', () => {
  const ctx = roomRound('backprop-steps');

  test('the server grades the answers: all right ranks above half right', async () => {
    const [ann, ben] = ctx.players as [Player, Player];
    const seed = 11;
    const answers = stepProblem(seed).questions.map((q) => Number(q.answer.toFixed(4)));
    const half = answers.map((a, i) => (i % 2 === 0 ? a : a + 1));
    const a = await request(ann.socket, 'play:submit', { challengeId: 'backprop-steps', entry: { kind: 'steps', seed, answers: half }, roomCode: ctx.host.code });
    const b = await request(ben.socket, 'play:submit', { challengeId: 'backprop-steps', entry: { kind: 'steps', seed, answers }, roomCode: ctx.host.code });
    assert.ok(a.ok && b.ok, JSON.stringify([a, b]));
    const standings = await bothRanked(ctx);
    assert.deepEqual(standings.map((s) => s.nickname), ['Ben', 'Ann']);
    assert.equal(standings[0]?.score, 1);
    const halfScore = Math.ceil(answers.length / 2) / answers.length;
    assert.ok(Math.abs((standings[1]?.score ?? 0) - halfScore) < 1e-9, `Ann ${standings[1]?.score} vs ${halfScore}`);
  });
});

describe('a room round on logic gates (a model challenge)', () => {
  const ctx = roomRound('logic-gates');

  test('the server scores each model on the gate rows: a hidden layer solves XOR, one neuron does not', async () => {
    const [ann, ben] = ctx.players as [Player, Player];
    const code = ctx.host.code;
    const a = await request(ann.socket, 'submission:submit', { challengeId: 'logic-gates', spec: LINE_SPEC, weights: bytes(LINE_WEIGHTS), roomCode: code });
    const b = await request(ben.socket, 'submission:submit', { challengeId: 'logic-gates', spec: XOR_SPEC, weights: bytes(XOR_WEIGHTS), roomCode: code });
    assert.ok(a.ok && b.ok, JSON.stringify([a, b]));
    const standings = await bothRanked(ctx);
    assert.deepEqual(standings.map((s) => [s.nickname, s.score, s.paramCount]), [['Ben', 1, 12], ['Ann', standings[1]?.score, 6]]);
    assert.ok((standings[1]?.score ?? 1) <= 0.75, `one neuron scored ${standings[1]?.score}`);
    const annResult = ctx.results.find((r) => r.room?.code === code && r.score === standings[1]?.score);
    assert.equal(annResult?.stars, 0);
  });
});
