/**
 * One ranking definition: game/ranking.ts. The leaderboard keeps SQL for speed (server/store.ts
 * leaderboardView's ORDER BY and playerRank's three range counts); on seeded random boards with ties
 * on score, on time and on both, several submissions per player, and a top-N cut, the SQL order and
 * ranks equal game's rankRows over each player's entry as game's isImprovement keeps it. And the
 * SQL that recomputes a player's entry when a round is published or withdrawn (store.ts
 * bestPublicSubmission, reached through refreshRoundOnBoards) picks what game/ picks: of the
 * submissions onPublicBoard allows, the first best under isImprovement in scoring order.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isImprovement, onPublicBoard, rankRows, type RankableEntry } from '../../../game/ranking';
import { mulberry32 } from '../../../game/random';
import { createRoom } from '../../../game/room/machine';
import { openDb, type Db } from '../../../server/db';
import { insertRoom } from '../../../server/rooms/store';
import {
  createPlayer,
  getSubmission,
  insertSubmission,
  leaderboardView,
  playerRank,
  queuedSubmissionIds,
  recordFailure,
  recordScore,
  refreshRoundOnBoards,
} from '../../../server/store';

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

const ROOM = 'RANK22';
type Place = 'solo' | 1 | 2;
interface Sub { id: string; playerId: string; at: number; score: number; paramCount: number; place: Place; fails: boolean }

/** Players with solo, round-1 and round-2 submissions: equal scores at equal and different times, param counts that must not matter. */
function mixedBoard(seed: number) {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const db = openDb(':memory:');
  insertRoom(db, { state: createRoom(ROOM, 0), hostTokenHash: 'h', hostPinHash: 'p' });
  for (const round of [1, 2]) {
    db.$client
      .prepare("insert into room_rounds (room_code, number, challenge_id, settings_json, started_at, ends_at, ended_at, ended_by, standings_json, public_id) values (?, ?, ?, '{}', 0, 9, 9, 'time', '[]', ?)")
      .run(ROOM, round, C, `pub-${round}`);
  }
  const playerIds = Array.from({ length: 2 + Math.floor(rand() * 10) }, (_, i) => `p${i}`);
  for (const id of playerIds) createPlayer(db, { id, nickname: id, tokenHash: `h-${id}`, now: 0 });
  // Ids in random order, so the id tie-break is not the insertion order.
  const subs: Sub[] = Array.from({ length: playerIds.length * 6 }, (_, i) => ({
    id: `s${(i * 7919 + seed * 31) % 100_003}`,
    playerId: pick(playerIds),
    at: Math.floor(rand() * 3),
    score: pick([0.5, 0.9, 0.9 + 1e-12, 1]),
    paramCount: pick([10, 1_000, 250_000]),
    place: pick<Place>(['solo', 'solo', 1, 2]),
    fails: rand() < 0.1,
  }));
  for (const s of subs) {
    const room = s.place === 'solo' ? undefined : { code: ROOM, round: s.place };
    insertSubmission(db, { id: s.id, challengeId: C, playerId: s.playerId, specJson: '{}', weights: Buffer.alloc(4), paramCount: s.paramCount, now: s.at, room });
  }
  // Scored in the server's own order (the queue is read oldest first, then by id).
  const order = queuedSubmissionIds(db);
  const byId = new Map(subs.map((s) => [s.id, s]));
  for (const id of order) {
    const s = byId.get(id);
    const row = getSubmission(db, id);
    assert.ok(s && row);
    if (s.fails) recordFailure(db, id, { code: 'scoring/failed', message: 'x' }, 9);
    else recordScore(db, row, { score: s.score, correct: 0, total: 1 }, 9);
  }
  return { db, subs: order.map((id) => byId.get(id) as Sub) };
}

/** game/'s choice: each player's first best public submission in scoring order (isImprovement), ranked by rankRows. */
function expectedBoard(subs: readonly Sub[], published: ReadonlySet<Place>) {
  const best = new Map<string, Sub>();
  for (const s of subs) {
    if (s.fails || !onPublicBoard({ inRoom: s.place !== 'solo', roundPublished: published.has(s.place) })) continue;
    if (isImprovement(best.get(s.playerId), s)) best.set(s.playerId, s);
  }
  return rankRows([...best.values()].map((s) => ({ playerId: s.playerId, score: s.score, submittedAt: s.at, submissionId: s.id, paramCount: s.paramCount })));
}

const boardOf = (db: Db) => leaderboardView(db, C, 1000).rows.map((r) => [r.rank, r.playerId, r.submissionId, r.score, r.paramCount]);
const setPublished = (db: Db, round: number, at: number | null) =>
  db.$client.prepare('update room_rounds set published_at = ? where room_code = ? and number = ?').run(at, ROOM, round);

describe('the SQL that recomputes a player\'s public entry equals game/ranking.ts', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    test(`seed ${seed}: publish round 1, then round 2, then withdraw round 1`, () => {
      const { db, subs } = mixedBoard(seed);
      const expect = (published: Place[]) => expectedBoard(subs, new Set(published)).map((e) => [e.rank, e.playerId, e.submissionId, e.score, e.paramCount]);
      assert.deepEqual(boardOf(db), expect([]), 'scored with every round private: solo entries only');
      setPublished(db, 1, 10);
      refreshRoundOnBoards(db, ROOM, 1, C);
      assert.deepEqual(boardOf(db), expect([1]));
      setPublished(db, 2, 11);
      refreshRoundOnBoards(db, ROOM, 2, C);
      assert.deepEqual(boardOf(db), expect([1, 2]));
      setPublished(db, 1, null);
      refreshRoundOnBoards(db, ROOM, 1, C);
      assert.deepEqual(boardOf(db), expect([2]));
      assert.equal(leaderboardView(db, C).totalPlayers, expect([2]).length);
    });
  }

  test('those boards do have the tricky rows: a player\'s equal best scores at equal and at different times, and with different param counts', () => {
    let sameTime = 0;
    let laterTime = 0;
    let otherParams = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const { subs } = mixedBoard(seed);
      const chosen = expectedBoard(subs, new Set<Place>([1, 2]));
      for (const e of chosen) {
        const all = subs.filter((s) => s.playerId === e.playerId && !s.fails && s.score === e.score && s.id !== e.submissionId);
        sameTime += all.filter((s) => s.at === e.submittedAt).length;
        laterTime += all.filter((s) => s.at > e.submittedAt).length;
        otherParams += all.filter((s) => s.paramCount !== e.paramCount).length;
      }
    }
    assert.ok(sameTime > 3 && laterTime > 3 && otherParams > 3, `same time ${sameTime}, later ${laterTime}, other param counts ${otherParams}`);
  });
});
