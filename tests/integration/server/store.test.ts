import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb } from '../../../server/db';
import {
  createPlayer,
  getSubmission,
  insertSubmission,
  leaderboardView,
  playerRank,
  queuedSubmissionIds,
  recordFailure,
  recordScore,
  tableCounts,
} from '../../../server/store';
import { readEnv } from '../../../server/env';
import { rankRows } from '../../../game/ranking';
import { mulberry32 } from '../../../game/random';

const C = 'sign-digits';

function setup() {
  const db = openDb(':memory:');
  let n = 0;
  const player = (id: string) => createPlayer(db, { id, nickname: id.toUpperCase(), tokenHash: `h-${id}`, now: 0 });
  const submit = (playerId: string, at: number) => {
    const id = `s${++n}`;
    insertSubmission(db, { id, challengeId: C, playerId, specJson: '{}', weights: Buffer.alloc(4), paramCount: 1, now: at });
    return id;
  };
  const score = (id: string, s: number) => {
    const sub = getSubmission(db, id);
    assert.ok(sub);
    return recordScore(db, sub, { score: s, correct: Math.round(s * 100), total: 100 }, 999);
  };
  return { db, player, submit, score };
}

describe('store (real SQLite, in memory)', () => {
  test('migrations create the schema; foreign keys are enforced', () => {
    const { db, submit } = setup();
    assert.deepEqual(tableCounts(db), { players: 0, submissions: 0, leaderboard: 0 });
    assert.throws(() => submit('ghost', 1), /FOREIGN KEY/);
  });

  test('only a strictly better score replaces the entry; ties rank the earlier submission first', () => {
    const { db, player, submit, score } = setup();
    for (const p of ['a', 'b', 'c']) player(p);
    const a1 = submit('a', 10);
    const b1 = submit('b', 5);
    const c1 = submit('c', 20);
    assert.deepEqual(queuedSubmissionIds(db), [b1, a1, c1]);
    assert.deepEqual(score(a1, 0.5), { improved: true, rank: 1 });
    assert.deepEqual(score(b1, 0.5), { improved: true, rank: 1 }); // same score, submitted earlier
    assert.equal(playerRank(db, C, 'a'), 2);
    assert.deepEqual(score(c1, 0.4), { improved: true, rank: 3 });

    const a2 = submit('a', 30);
    assert.deepEqual(score(a2, 0.5), { improved: false, rank: 2 });
    const a3 = submit('a', 40);
    assert.deepEqual(score(a3, 0.9), { improved: true, rank: 1 });

    const view = leaderboardView(db, C);
    assert.equal(view.totalPlayers, 3);
    assert.deepEqual(
      view.rows.map((r) => [r.rank, r.playerId, r.nickname, r.score, r.submissionId]),
      [
        [1, 'a', 'A', 0.9, a3],
        [2, 'b', 'B', 0.5, b1],
        [3, 'c', 'C', 0.4, c1],
      ],
    );
    assert.equal(view.rows[0]?.submittedAt, new Date(40).toISOString());
    assert.equal(getSubmission(db, a2)?.status, 'scored');
    assert.deepEqual(queuedSubmissionIds(db), []);
  });

  test('a scored or failed submission is never re-applied', () => {
    const { db, player, submit, score } = setup();
    player('a');
    const s = submit('a', 1);
    score(s, 0.7);
    recordFailure(db, s, { code: 'scoring/timeout', message: 'late failure' }, 2);
    assert.equal(getSubmission(db, s)?.status, 'scored');
    const f = submit('a', 3);
    recordFailure(db, f, { code: 'weights/invalid', message: 'bad' }, 4);
    assert.equal(getSubmission(db, f)?.status, 'failed');
    assert.equal(JSON.parse(getSubmission(db, f)?.error ?? '{}').code, 'weights/invalid');
  });

  test('the leaderboard view is capped at the limit but counts every player', () => {
    const { db, player, submit, score } = setup();
    for (let i = 0; i < 7; i++) {
      player(`p${i}`);
      score(submit(`p${i}`, i), i / 10);
    }
    const view = leaderboardView(db, C, 5);
    assert.equal(view.rows.length, 5);
    assert.equal(view.totalPlayers, 7);
    assert.equal(view.rows[0]?.playerId, 'p6');
  });
});

describe('ranks and totals at scale (three range counts, maintained totals)', () => {
  test('playerRank equals game/ranking order for every player, with ties on score, time and both', () => {
    const { db, player, submit, score } = setup();
    const rand = mulberry32(11);
    const entries: { playerId: string; score: number; submittedAt: number }[] = [];
    // 3 scores and 4 times for 60 players: many ties on score, on time and on both, so every range counts.
    const ids = Array.from({ length: 60 }, (_, i) => `p${(i * 37) % 60}`);
    for (const id of ids) {
      player(id);
      const at = Math.floor(rand() * 4);
      const s = [0.5, 0.75, 0.9][Math.floor(rand() * 3)] as number;
      score(submit(id, at), s);
      entries.push({ playerId: id, score: s, submittedAt: at });
    }
    const expected = rankRows(entries);
    for (const e of expected) assert.equal(playerRank(db, C, e.playerId), e.rank, e.playerId);
    assert.ok(expected.some((e, i) => i > 0 && expected[i - 1]?.score === e.score && expected[i - 1]?.submittedAt === e.submittedAt));
    const view = leaderboardView(db, C, 100);
    assert.deepEqual(view.rows.map((r) => r.playerId), expected.map((e) => e.playerId));
    assert.equal(view.totalPlayers, 60);
    assert.equal(playerRank(db, C, 'nobody'), undefined);
  });

  test('the total counts each player once per challenge, however often they improve', () => {
    const { db, player, submit, score } = setup();
    for (const p of ['a', 'b']) player(p);
    score(submit('a', 1), 0.1);
    score(submit('a', 2), 0.2);
    score(submit('a', 3), 0.15);
    score(submit('b', 4), 0.3);
    assert.equal(leaderboardView(db, C).totalPlayers, 2);
    assert.equal(leaderboardView(db, 'other-challenge').totalPlayers, 0);
    const counted = db.$client.prepare('select count(*) as n from leaderboard_entries where challenge_id = ?').get(C) as { n: number };
    assert.equal(counted.n, 2);
  });
});

describe('readEnv', () => {
  test('defaults', () => {
    const env = readEnv({});
    assert.equal(env.PORT, 3000);
    assert.equal(env.HOST, '0.0.0.0');
    assert.equal(env.DATABASE_FILE, 'data/arena.db');
    assert.ok(env.SCORING_WORKERS >= 1 && env.SCORING_WORKERS <= 2);
  });
  test('overrides and refusals', () => {
    assert.equal(readEnv({ PORT: '8080', SCORING_WORKERS: '3' }).SCORING_WORKERS, 3);
    assert.throws(() => readEnv({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => readEnv({ NODE_ENV: 'staging' }), /NODE_ENV/);
    assert.equal(readEnv({}).PUBLIC_URL, undefined);
    assert.equal(readEnv({ PUBLIC_URL: 'https://arena.school.kr' }).PUBLIC_URL, 'https://arena.school.kr');
    assert.throws(() => readEnv({ PUBLIC_URL: 'arena dot kr' }), /PUBLIC_URL/);
    assert.equal(readEnv({}).ROOM_MAX_PLAYERS, 100);
    assert.equal(readEnv({ ROOM_MAX_PLAYERS: '2000' }).ROOM_MAX_PLAYERS, 2000);
    assert.throws(() => readEnv({ ROOM_MAX_PLAYERS: '0' }), /ROOM_MAX_PLAYERS/);
  });
});
