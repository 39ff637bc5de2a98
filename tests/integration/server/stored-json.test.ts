/**
 * Stored JSON read back through zod (server/stored/): real SQLite (:memory: after migrations) with a
 * corrupted row gives a StoredRowError naming the row, never a value of the wrong shape; and a real
 * server with a corrupted row logs it and keeps serving (start-up skips the room, a request fails alone).
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { describe, test } from 'node:test';
import type { BossReveal } from '../../../game/boss/reveal';
import { createRoom } from '../../../game/room/machine';
import { allPicks, readPicks, readReveal, writePicks, writeReveal } from '../../../server/boss/store';
import { openDb, type Db } from '../../../server/db';
import type { Logger } from '../../../server/log';
import { readProgress, recordStars } from '../../../server/progress';
import { insertRoom, loadOpenRooms, loadRoom } from '../../../server/rooms/store';
import { StoredRowError, tryParseStored } from '../../../server/stored/parse';
import { storedPicksSchema } from '../../../server/stored/boss';
import type { RunView, SubmissionResult } from '../../../protocol';
import { register, request, startTestServer, waitFor } from './harness';
import { TUNED_RACE } from './race-fixtures';

const corrupt = (db: Db, sql: string, ...args: unknown[]) => db.$client.prepare(sql).run(...args);
const reveal: BossReveal = { challengeId: 'boss-1', rows: [], bossHealth: 70, revealedAt: 9 };

function twoRooms() {
  const db = openDb(':memory:');
  for (const code of ['GOOD22', 'BAD333', 'TRUNC4']) insertRoom(db, { state: createRoom(code, 1_000), hostTokenHash: `h-${code}`, hostPinHash: 'p' });
  // Valid JSON of the wrong shape, and a truncated write.
  corrupt(db, 'update rooms set state_json = ? where code = ?', JSON.stringify({ ...createRoom('BAD333', 1), players: 'everyone' }), 'BAD333');
  corrupt(db, 'update rooms set state_json = ? where code = ?', '{"code":"TRUNC4","pha', 'TRUNC4');
  return db;
}

describe('stored rows parsed with zod (real SQLite in memory)', () => {
  test('a valid room survives the round trip unchanged', () => {
    const db = twoRooms();
    assert.deepEqual(loadRoom(db, 'GOOD22')?.state, createRoom('GOOD22', 1_000));
  });

  test('start-up loading skips malformed rooms and reports each, naming the row and the field', () => {
    const db = twoRooms();
    const skipped: StoredRowError[] = [];
    const rooms = loadOpenRooms(db, (e) => skipped.push(e));
    assert.deepEqual(rooms.map((r) => r.state.code), ['GOOD22']);
    assert.deepEqual(skipped.map((e) => e.where).sort(), ['rooms[BAD333].state_json', 'rooms[TRUNC4].state_json']);
    assert.match(skipped.find((e) => e.where.includes('BAD333'))?.message ?? '', /malformed: players: /);
    assert.match(skipped.find((e) => e.where.includes('TRUNC4'))?.message ?? '', /not JSON/);
  });

  test('loading one malformed room throws a StoredRowError (the request fails, not the process)', () => {
    const db = twoRooms();
    assert.throws(() => loadRoom(db, 'BAD333'), (e: unknown) => e instanceof StoredRowError && e.where === 'rooms[BAD333].state_json');
  });

  test('boss picks and reveals: valid rows read back, corrupted ones are errors that name the row', () => {
    const db = openDb(':memory:');
    db.$client.prepare("insert into players (id, nickname, token_hash, created_at) values ('p1', 'P1', 'h', 0)").run();
    writePicks(db, 'solo:boss-1', 'p1', ['s1', 's2'], 5);
    writeReveal(db, 'solo:boss-1:p1', reveal);
    assert.deepEqual(readPicks(db, 'solo:boss-1', 'p1'), ['s1', 's2']);
    assert.deepEqual(readReveal(db, 'solo:boss-1:p1'), reveal);
    corrupt(db, 'update boss_picks set submission_ids_json = ?', '[1, 2]');
    corrupt(db, 'update boss_reveals set reveal_json = ?', JSON.stringify({ ...reveal, rows: [{ playerId: 'p1' }] }));
    assert.throws(() => readPicks(db, 'solo:boss-1', 'p1'), /boss_picks\[solo:boss-1:p1\]\.submission_ids_json is malformed: 0: /);
    assert.throws(() => allPicks(db, 'solo:boss-1'), StoredRowError);
    assert.throws(() => readReveal(db, 'solo:boss-1:p1'), /boss_reveals\[solo:boss-1:p1\]\.reveal_json is malformed: rows\.0\./);
  });

  test('progress rows: stars go up only (recordStars), and a count outside 0..3 or an unknown challenge is not progress', () => {
    const db = openDb(':memory:');
    db.$client.prepare("insert into players (id, nickname, token_hash, created_at) values ('p1', 'P1', 'h', 0)").run();
    recordStars(db, 'p1', 'losses', 2, 1);
    recordStars(db, 'p1', 'losses', 1, 2);
    recordStars(db, 'p1', 'sign-01', 0, 3);
    assert.deepEqual(readProgress(db, 'p1'), { losses: 2 });
    corrupt(db, "insert into progress (player_id, challenge_id, stars, updated_at) values ('p1', 'activations', 7, 4), ('p1', 'gone-level', 3, 4)");
    assert.deepEqual(readProgress(db, 'p1'), { losses: 2 });
  });

  test('tryParseStored reports instead of throwing', () => {
    assert.deepEqual(tryParseStored(storedPicksSchema, '["a"]', 'x'), { ok: true, value: ['a'] });
    const bad = tryParseStored(storedPicksSchema, '"a"', 'boss_picks[x].submission_ids_json');
    assert.equal(bad.ok, false);
    assert.ok(!bad.ok && bad.error.message.startsWith('stored row boss_picks[x].submission_ids_json is malformed'));
  });
});

describe('a real server with corrupted rows', () => {
  test('run:get parses a stored play entry: read back as submitted, and a corrupted one answers server/internal naming the row', async () => {
    const errors: string[] = [];
    const log: Logger = { info() {}, warn() {}, error: (msg, fields) => errors.push(`${msg} ${JSON.stringify(fields ?? {})}`) };
    const t = await startTestServer({ log });
    try {
      const { socket } = await register(t.server.url, 'Mina');
      // Listening before the submit: a replayed race can be scored before its ack arrives.
      const scored = waitFor<SubmissionResult>(socket, 'submission:result', (r) => r.status === 'scored');
      const queued = await request<{ submissionId: string }>(socket, 'play:submit', { challengeId: 'optimizer-race', entry: TUNED_RACE });
      assert.ok(queued.ok, JSON.stringify(queued));
      const id = queued.data.submissionId;
      assert.equal((await scored).submissionId, id);
      const run = await request<RunView>(socket, 'run:get', { submissionId: id });
      assert.ok(run.ok, JSON.stringify(run));
      assert.deepEqual(run.data.entry, TUNED_RACE);

      // Valid JSON, but not an entry (an unknown surface), written behind the server's back (WAL).
      const raw = new Database(t.dbFile);
      raw.prepare('update submissions set spec_json = ? where id = ?').run(JSON.stringify({ ...TUNED_RACE, surfaces: { lake: {} } }), id);
      raw.close();
      const bad = await request(socket, 'run:get', { submissionId: id });
      assert.equal(!bad.ok && bad.error.code, 'server/internal');
      assert.ok(errors.some((e) => e.includes('handler crashed') && e.includes(`submissions[${id}].spec_json is malformed`)), errors.join('\n'));
      socket.close();
    } finally {
      await t.stop();
    }
  });

  test('starts with a malformed room (logged), answers a request on a corrupted reveal with server/internal, and keeps serving', async () => {
    const errors: string[] = [];
    const log: Logger = { info() {}, warn() {}, error: (msg, fields) => errors.push(`${msg} ${JSON.stringify(fields ?? {})}`) };
    const t = await startTestServer({ log });
    try {
      const { socket, playerId } = await register(t.server.url, 'Mina');
      // Corrupt rows through a second connection while the server runs (WAL).
      const raw = new Database(t.dbFile);
      raw.prepare("insert into boss_reveals (scope, reveal_json, revealed_at) values (?, '{\"rows\": 5}', 1)").run(`solo:boss-1:${playerId}`);
      raw.prepare("insert into rooms (code, host_token_hash, host_pin_hash, phase, state_json, created_at, last_activity_at) values ('BAD333', 'h', 'p', 'lobby', 'not json', 1, 1)").run();
      raw.close();

      const mine = await request(socket, 'boss:mine', { challengeId: 'boss-1' });
      assert.equal(!mine.ok && mine.error.code, 'server/internal');
      assert.ok(errors.some((e) => e.includes('handler crashed') && e.includes(`boss_reveals[solo:boss-1:${playerId}].reveal_json is malformed`)), errors.join('\n'));
      // The same socket, another level: unaffected.
      const other = await request(socket, 'boss:mine', { challengeId: 'boss-2' });
      assert.ok(other.ok);
      socket.close();

      await t.restart({ log });
      assert.ok(errors.some((e) => e.includes('stored room skipped at start-up') && e.includes('rooms[BAD333].state_json')), errors.join('\n'));
      const again = await register(t.server.url, 'Jun');
      const ok = await request(again.socket, 'boss:mine', { challengeId: 'boss-2' });
      assert.ok(ok.ok);
      again.socket.close();
    } finally {
      await t.stop();
    }
  });
});
