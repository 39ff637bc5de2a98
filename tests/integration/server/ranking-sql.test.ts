/**
 * One ranking definition: game/ranking.ts. The leaderboard keeps SQL for speed (server/store.ts
 * leaderboardView's ORDER BY and playerRank's three range counts); on seeded random boards with ties
 * on score, on time and on both, several submissions per player, and a top-N cut, the SQL order and
 * ranks equal game's rankRows over each player's entry as game's isImprovement keeps it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isImprovement, rankRows, type RankableEntry } from '../../../game/ranking';
import { mulberry32 } from '../../../game/random';
import { openDb } from '../../../server/db';
import { createPlayer, getSubmission, insertSubmission, leaderboardView, playerRank, recordScore } from '../../../server/store';

const C = 'sign-digits';

function randomBoard(seed: number) {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const db = openDb(':memory:');
  const players = 1 + Math.floor(rand() * 70);
  // Few distinct scores and times: many ties. Some boards also get unrounded scores and wide times.
  const scores = [0, 0.5, 0.75, 0.9, 0.9 + 1e-12, 1];
  const wide = rand() < 0.5;
  const ids = Array.from({ length: players }, (_, i) => `${pick(['p', 'P', 'q', 'a'])}${(i * 7919) % 1000}`);
  const unique = [...new Set(ids)];
  for (const id of unique) createPlayer(db, { id, nickname: id, tokenHash: `h-${id}`, now: 0 });
  const entries = new Map<string, RankableEntry>();
  let n = 0;
  // Submissions are scored in the order they were accepted, as the server does per player.
  const subs = Array.from({ length: unique.length * 3 }, () => ({
    playerId: pick(unique),
    at: wide ? Math.floor(rand() * 1e9) : Math.floor(rand() * 4),
    score: wide && rand() < 0.5 ? rand() : pick(scores),
  })).sort((a, b) => a.at - b.at);
  for (const s of subs) {
    const id = `s${++n}`;
    insertSubmission(db, { id, challengeId: C, playerId: s.playerId, specJson: '{}', weights: Buffer.alloc(4), paramCount: 1, now: s.at });
    const row = getSubmission(db, id);
    assert.ok(row);
    recordScore(db, row, { score: s.score, correct: 0, total: 1 }, s.at);
    const prev = entries.get(s.playerId);
    if (isImprovement(prev, s)) entries.set(s.playerId, { playerId: s.playerId, score: s.score, submittedAt: s.at });
  }
  return { db, expected: rankRows([...entries.values()]) };
}

describe('SQL ranking equals game/ranking.ts on seeded random boards', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    test(`seed ${seed}`, () => {
      const { db, expected } = randomBoard(seed);
      const view = leaderboardView(db, C, 1000);
      assert.deepEqual(
        view.rows.map((r) => [r.rank, r.playerId, r.score, Date.parse(r.submittedAt)]),
        expected.map((e) => [e.rank, e.playerId, e.score, e.submittedAt]),
      );
      for (const e of expected) assert.equal(playerRank(db, C, e.playerId), e.rank, e.playerId);
      const top = Math.max(1, Math.floor(expected.length / 3));
      assert.deepEqual(leaderboardView(db, C, top).rows.map((r) => r.playerId), expected.slice(0, top).map((e) => e.playerId));
      assert.equal(view.totalPlayers, expected.length);
    });
  }

  test('the boards above do have ties on score, on time, and on both (so every tie-break was compared)', () => {
    let score = 0;
    let both = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const { expected } = randomBoard(seed);
      expected.forEach((e, i) => {
        const prev = expected[i - 1];
        if (prev?.score === e.score) score++;
        if (prev?.score === e.score && prev.submittedAt === e.submittedAt) both++;
      });
    }
    assert.ok(score > 20 && both > 5, `ties on score ${score}, on score and time ${both}`);
  });
});
