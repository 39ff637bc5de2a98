/**
 * The sequence challenges' stars through a real server: the known-good specs, trained here with the
 * app's loop on the public seeds, earn three stars on the server's hidden sequences (memory: one
 * star line per length), an untrained default none; the leaderboard lists them; and a teacher's
 * room round on each challenge scores its submissions into the standings.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { generatedSplits } from '../../../game/challenge-data';
import { modelChallenge } from '../../../game/challenges';
import type { Progress } from '../../../game/solo/path';
import { buildModel } from '../../../models/build';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { trainModel } from '../../../models/train';
import { serializeWeights } from '../../../models/weights';
import type { LeaderboardView, SubmissionResult } from '../../../protocol';
import { SETTINGS, closeAll, createHostedRoom, joinAs, until } from '../rooms/helpers';
import { register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from './harness';

type SeqId = 'memory' | 'attention';

/** The spec trained as the browser would (public train seed), as submission bytes. */
async function trained(id: SeqId, spec: ModelSpec, train = true): Promise<Uint8Array> {
  const c = modelChallenge(id);
  const model = buildModel(spec, { inputShape: c.inputShape, numClasses: c.numClasses });
  try {
    if (train) {
      const splits = generatedSplits(c);
      assert.ok(splits);
      const xy = splitToTensors(splits.train, c.numClasses);
      await trainModel(model, spec, xy, undefined);
      tf.dispose([xy.xs, xy.ys]);
    }
    return new Uint8Array(serializeWeights(model));
  } finally {
    model.dispose();
  }
}

async function submit(socket: ClientSocket, challengeId: string, spec: ModelSpec, weights: Uint8Array, roomCode?: string): Promise<SubmissionResult> {
  const ack = await request<{ submissionId: string }>(socket, 'submission:submit', { challengeId, spec, weights, ...(roomCode ? { roomCode } : {}) });
  assert.ok(ack.ok, JSON.stringify(ack));
  return waitFor<SubmissionResult>(socket, 'submission:result', (r) => r.submissionId === ack.data.submissionId);
}

describe('sequence challenges: stars, leaderboard and a room round', () => {
  let t: TestServer;
  const sockets: ClientSocket[] = [];
  const weights = new Map<SeqId, Uint8Array>();

  before(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    for (const id of ['memory', 'attention'] as const) weights.set(id, await trained(id, knownGoodSpec(id)));
    t = await startTestServer({ submitLimit: { points: 50, durationS: 60 } });
  });
  after(async () => {
    closeAll(sockets);
    await t?.stop();
  });

  for (const id of ['memory', 'attention'] as const) {
    test(`${id}: the known-good spec earns three stars and its row on the leaderboard; an untrained default none`, async () => {
      const p = await register(t.server.url, `Seq ${id}`);
      sockets.push(p.socket);
      const good = await submit(p.socket, id, knownGoodSpec(id), weights.get(id) ?? new Uint8Array());
      assert.equal(good.status, 'scored', JSON.stringify(good.error));
      assert.equal(good.stars, 3, `score ${good.score}`);
      assert.equal(good.total, id === 'memory' ? 900 : 1000);
      const progress = await request<{ progress: Progress }>(p.socket, 'progress:get', {});
      assert.ok(progress.ok);
      assert.equal(progress.data.progress[id], 3);
      const board = await request<LeaderboardView>(p.socket, 'leaderboard:subscribe', { challengeId: id });
      assert.ok(board.ok, JSON.stringify(board));
      assert.ok(board.data.rows.some((e) => e.nickname === `Seq ${id}` && e.score === good.score), JSON.stringify(board.data.rows));
      const plain = await submit(p.socket, id, defaultSpec(id), await trained(id, defaultSpec(id), false));
      assert.equal(plain.status, 'scored', JSON.stringify(plain.error));
      assert.equal(plain.stars, 0, `untrained default: ${plain.score}`);
    });
  }

  test('memory: a spec with a layer the challenge does not take is refused before it is stored', async () => {
    const p = await register(t.server.url, 'Flat');
    sockets.push(p.socket);
    const before = t.counts();
    const spec: ModelSpec = { ...defaultSpec('memory'), layers: [{ type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }] };
    const r = await request(p.socket, 'submission:submit', { challengeId: 'memory', spec, weights: new Uint8Array(4 * (240 * 10 + 10)) });
    assert.equal(r.ok ? 'ok' : r.error.code, 'spec/invalid');
    if (!r.ok) assert.match(JSON.stringify(r.error), /does not take flatten/);
    assert.deepEqual(t.counts(), before);
  });

  for (const id of ['memory', 'attention'] as const) {
    test(`a room round on ${id}: the submission is scored into the round's standings`, async () => {
      const host = await createHostedRoom(t.server.url);
      const ann = await joinAs(t.server.url, host.code, 'Ann');
      sockets.push(host.socket, ann.socket);
      const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: { ...SETTINGS, challengeId: id, maxSubmissions: 2 } });
      assert.ok(started.ok, JSON.stringify(started));
      const r = await submit(ann.socket, id, knownGoodSpec(id), weights.get(id) ?? new Uint8Array(), host.code);
      assert.equal(r.status, 'scored', JSON.stringify(r.error));
      assert.equal(r.room?.code, host.code);
      await until([ann.socket], () => (ann.latest.state?.standings?.length ?? 0) === 1, 'Ann in the standings');
      const row = ann.latest.state?.standings?.[0];
      assert.equal(row?.playerId, ann.playerId);
      assert.equal(row?.score, r.score);
    });
  }
});
