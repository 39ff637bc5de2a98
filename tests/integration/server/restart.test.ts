import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { LeaderboardView, SubmissionResult } from '../../../protocol';
import { connect, register, request, startTestServer, waitFor, type TestServer } from './harness';
import { SMALL_PARAMS, trainSmallModel, type TrainedModel } from './model-fixture';

const CHALLENGE = 'sign-digits';

async function view(url: string): Promise<LeaderboardView> {
  const s = await connect(url);
  try {
    const r = await request<LeaderboardView>(s, 'leaderboard:subscribe', { challengeId: CHALLENGE });
    assert.ok(r.ok);
    return r.data;
  } finally {
    s.disconnect();
  }
}

/** Polls the database until no submission is queued. */
async function drained(dbFile: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const db = new Database(dbFile, { readonly: true });
    const n = (db.prepare("select count(*) as n from submissions where status = 'queued'").get() as { n: number }).n;
    db.close();
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} submissions still queued after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('persistence across restarts', () => {
  let t: TestServer;
  let model: TrainedModel;
  before(async () => {
    [t, model] = await Promise.all([startTestServer(), trainSmallModel()]);
  });
  after(() => t.stop());

  test('the leaderboard and the player token survive a restart on the same database file', async () => {
    const ada = await register(t.server.url, 'Ada');
    const result = waitFor<SubmissionResult>(ada.socket, 'submission:result');
    const ack = await request(ada.socket, 'submission:submit', { challengeId: CHALLENGE, spec: model.spec, weights: model.weights });
    assert.ok(ack.ok);
    assert.equal((await result).status, 'scored');
    ada.socket.disconnect();
    const beforeView = await view(t.server.url);
    assert.equal(beforeView.rows.length, 1);

    await t.restart();
    assert.deepEqual(await view(t.server.url), beforeView);
    const again = await connect(t.server.url, ada.token);
    const me = await request<{ playerId: string }>(again, 'player:whoami', {});
    again.disconnect();
    assert.ok(me.ok);
    assert.equal(me.data.playerId, ada.playerId);
  });

  test('submissions left queued by a crash are scored (or failed, if broken) at the next start', async () => {
    await t.server.close();
    const db = new Database(t.dbFile);
    const playerId = randomUUID();
    const good = randomUUID();
    const broken = randomUUID();
    const now = Date.now();
    db.prepare('insert into players (id, nickname, token_hash, created_at) values (?, ?, ?, ?)').run(playerId, 'Crash', 'x'.repeat(64), now);
    const insert = db.prepare(
      `insert into submissions (id, challenge_id, player_id, spec_json, weights, param_count, status, created_at)
       values (?, ?, ?, ?, ?, ?, 'queued', ?)`,
    );
    insert.run(good, CHALLENGE, playerId, JSON.stringify(model.spec), Buffer.from(model.weights), SMALL_PARAMS, now);
    // Stored weights one float short: the worker refuses them, the submission ends 'failed'.
    insert.run(broken, CHALLENGE, playerId, JSON.stringify(model.spec), Buffer.from(model.weights.subarray(4)), SMALL_PARAMS, now + 1);
    db.close();

    await t.restart();
    await drained(t.dbFile);
    const check = new Database(t.dbFile, { readonly: true });
    const row = (id: string) =>
      check.prepare('select status, score, correct, total, error from submissions where id = ?').get(id) as {
        status: string;
        score: number | null;
        correct: number | null;
        total: number | null;
        error: string | null;
      };
    const g = row(good);
    const b = row(broken);
    const entry = check.prepare('select submission_id from leaderboard_entries where player_id = ?').get(playerId) as
      | { submission_id: string }
      | undefined;
    check.close();
    assert.equal(g.status, 'scored');
    assert.equal(g.score, model.expected.score);
    assert.equal(g.correct, model.expected.correct);
    assert.equal(b.status, 'failed');
    assert.equal((JSON.parse(b.error ?? '{}') as { code?: string }).code, 'weights/invalid');
    assert.equal(entry?.submission_id, good);
  });
});
