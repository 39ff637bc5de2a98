/**
 * Issue 13, findings 1, 3 and 4, as an outsider tries them: real server, real SQLite, real socket.io
 * clients. A class (host, Ada, Bo) plays a round with the leaderboard hidden; Eve, a registered
 * stranger, and an anonymous socket watch the public board, list finished rounds, ask for results and
 * runs. Nothing of the class reaches them until the teacher publishes the round; unpublishing takes it
 * back. A database from before migration 0005 keeps its rounds private and its boards solo-only.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRoom } from '../../../game/room/machine';
import type { FinishedRoundSummary, HostRoomView, LeaderboardView, RoundResults, RunView, Stamped, SubmissionResult } from '../../../protocol';
import { connect, register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from '../server/harness';
import { SMALL_PARAMS, SMALL_SPEC, weightsWith } from '../server/model-fixture';
import { CHALLENGE, SETTINGS, closeAll, createHostedRoom, joinAs, roomRows, until, type Host, type Player } from './helpers';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
const HIDDEN = { ...SETTINGS, leaderboardVisible: false };

async function submit(who: { socket: ClientSocket }, weights: Uint8Array, roomCode?: string): Promise<SubmissionResult> {
  const ack = await request<{ submissionId: string }>(who.socket, 'submission:submit', { challengeId: CHALLENGE, spec: SMALL_SPEC, weights, ...(roomCode ? { roomCode } : {}) });
  assert.ok(ack.ok, JSON.stringify(ack));
  const result = await waitFor<SubmissionResult>(who.socket, 'submission:result', (r) => r.submissionId === ack.data.submissionId);
  assert.equal(result.status, 'scored', JSON.stringify(result));
  return result;
}

describe('class results stay in the class until the teacher publishes them', () => {
  let t: TestServer;
  let host: Host;
  let hostView: (HostRoomView & Stamped) | undefined;
  let ada: Player;
  let bo: Player;
  let eve: { socket: ClientSocket; playerId: string; token: string };
  let anon: ClientSocket;
  let adaRun: SubmissionResult;
  let boSolo: SubmissionResult;
  let publicId = '';
  /** Every leaderboard:update Eve receives for the challenge. */
  const seenByEve: LeaderboardView[] = [];

  const board = async (socket: ClientSocket) => {
    const view = await request<LeaderboardView>(socket, 'leaderboard:subscribe', { challengeId: CHALLENGE });
    assert.ok(view.ok, JSON.stringify(view));
    return view.data;
  };
  const listed = async (socket: ClientSocket) => {
    const finished = await request<FinishedRoundSummary[]>(socket, 'rooms:finished', {});
    assert.ok(finished.ok, JSON.stringify(finished));
    return finished.data;
  };
  const publish = (published: boolean, round = 1, token = host.hostToken, socket = host.socket) =>
    request<{ round: number; publicId: string; publishedAt: number | null }>(socket, 'room:publish', { code: host.code, hostToken: token, round, published });

  before(async () => {
    t = await startTestServer();
    host = await createHostedRoom(t.server.url);
    host.socket.on('room:host-state', (v) => (hostView = v));
    ada = await joinAs(t.server.url, host.code, 'Ada Lovelace');
    bo = await joinAs(t.server.url, host.code, 'Bo');
    eve = await register(t.server.url, 'Eve');
    anon = await connect(t.server.url);
    eve.socket.on('leaderboard:update', (v) => seenByEve.push(v));
    assert.deepEqual((await board(eve.socket)).rows, []);
    // Bo's solo run is public: it proves Eve's channel delivers, and is Bo's entry to fall back to.
    boSolo = await submit(bo, weightsWith(SMALL_PARAMS, 3, 0.2));
    await until([eve.socket], () => seenByEve.some((v) => v.rows.some((r) => r.submissionId === boSolo.submissionId)), "Bo's solo row on Eve's board");
  });
  after(async () => {
    closeAll([host.socket, ada.socket, bo.socket, eve.socket, anon]);
    await t.stop();
  });

  test('finding 3: in a hidden-board round an outsider gets no row of a student and no run', async () => {
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: HIDDEN });
    assert.ok(started.ok, JSON.stringify(started));
    adaRun = await submit(ada, weightsWith(SMALL_PARAMS, 7, 0.5), host.code);
    await submit(bo, weightsWith(SMALL_PARAMS, 11, 0.5), host.code);
    // Any update the scores caused was sent before Eve's next answer (one socket keeps its order).
    const now = await board(eve.socket);
    assert.equal(now.rows.some((r) => r.playerId === ada.playerId), false, "Ada's room score is not on the public board");
    assert.equal(now.rows.find((r) => r.playerId === bo.playerId)?.submissionId, boSolo.submissionId, "Bo's row is still his solo run");
    assert.equal(now.totalPlayers, 1);
    assert.equal(JSON.stringify(seenByEve).includes(ada.playerId), false, 'no update ever carried Ada');
    assert.equal(JSON.stringify(seenByEve).includes(adaRun.submissionId), false);
    for (const socket of [eve.socket, anon]) {
      const run = await request<RunView>(socket, 'run:get', { submissionId: adaRun.submissionId });
      assert.equal(code(run), 'run/private');
      for (const secret of ['Ada', String(adaRun.score), CHALLENGE, host.code]) assert.equal(JSON.stringify(run).includes(secret), false, `the refusal names ${secret}`);
      assert.equal(code(await request(socket, 'run:get', { submissionId: adaRun.submissionId, hostToken: eve.token })), 'run/private', 'a made-up host token');
    }
    // The room's own people may: Ada, her classmate Bo, the host with its token.
    for (const [who, socket, extra] of [['Ada', ada.socket, {}], ['Bo', bo.socket, {}], ['host', host.socket, { hostToken: host.hostToken }]] as const) {
      const run = await request<RunView>(socket, 'run:get', { submissionId: adaRun.submissionId, ...extra });
      assert.ok(run.ok, `${who}: ${JSON.stringify(run)}`);
      assert.equal(run.data.score, adaRun.score);
    }
    assert.equal(code(await request(eve.socket, 'room:results', { code: host.code, round: 1 })), 'round/private');
  });

  test('publishing is the host\'s, and only for a round that ended', async () => {
    assert.equal(code(await publish(true)), 'round/not_ended', 'the running round');
    assert.equal(code(await publish(true, 1, ada.token, ada.socket)), 'room/not_host', 'a student');
    assert.equal(code(await publish(true, 1, 'x'.repeat(40), eve.socket)), 'room/not_host', 'a stranger');
    const ended = await request(host.socket, 'room:end', { code: host.code, hostToken: host.hostToken });
    assert.ok(ended.ok, JSON.stringify(ended));
    assert.equal(code(await publish(true, 2)), 'round/not_found');
    assert.equal(code(await publish(true, 1, ada.token, ada.socket)), 'room/not_host', 'a student, after the end');
    assert.equal(code(await request(eve.socket, 'room:publish', { code: host.code, hostToken: host.hostToken, round: 1, published: 'yes' })), 'payload/invalid');
    const row = roomRows(t.dbFile, host.code).rounds[0];
    assert.equal(row?.published_at, null, 'nothing was published by the refused attempts');
    publicId = String(row?.public_id);
    assert.match(publicId, /^[A-Za-z0-9_-]{22}$/, 'an opaque 128-bit id');
  });

  test('finding 4: a finished, unpublished round is listed nowhere and its scores are on no board', async () => {
    for (const socket of [anon, eve.socket, ada.socket]) {
      const rows = await listed(socket);
      assert.equal(rows.some((r) => r.publicId === publicId), false);
      assert.equal(JSON.stringify(rows).includes(host.code), false);
    }
    assert.equal((await board(anon)).rows.some((r) => r.playerId === ada.playerId), false);
    assert.equal(code(await request(eve.socket, 'room:results', { code: host.code, round: 1 })), 'round/private');
    assert.equal(code(await request(anon, 'room:results', { code: host.code, round: 1, hostToken: 'guess' })), 'round/private');
    assert.equal(code(await request(anon, 'room:results', { publicId })), 'round/not_found', 'the id alone does not open it');
    // Rooms that do not exist answer the same as this one: the answer says nothing about the code.
    assert.equal(code(await request(eve.socket, 'room:results', { code: 'XXXXXX', round: 1 })), 'round/private');
    const mine = await request<RoundResults>(ada.socket, 'room:results', { code: host.code, round: 1 });
    assert.ok(mine.ok, JSON.stringify(mine));
    assert.equal(mine.data.publishedAt, null);
    assert.deepEqual(mine.data.standings.map((s) => s.nickname).sort(), ['Ada Lovelace', 'Bo']);
  });

  test('finding 1 + publish: listed with nicknames and no code, on the board, readable by its id; nothing in it joins the room', async () => {
    const adaOnBoard = until([eve.socket], () => seenByEve.some((v) => v.rows.some((r) => r.submissionId === adaRun.submissionId)), "Ada's row on Eve's board");
    const published = await publish(true);
    assert.ok(published.ok, JSON.stringify(published));
    assert.equal(published.data.publicId, publicId);
    assert.equal(typeof published.data.publishedAt, 'number');
    await adaOnBoard;
    await until([host.socket], () => typeof hostView?.round?.publishedAt === 'number', 'the host view to show it published');
    const rows = await listed(anon);
    const mine = rows.find((r) => r.publicId === publicId);
    assert.ok(mine, JSON.stringify(rows));
    assert.equal(mine.players, 2);
    assert.deepEqual(mine.top.map((s) => s.nickname).sort(), ['Ada Lovelace', 'Bo']);
    assert.ok(rows.every((r) => !('code' in r)), 'no listing row has a code field');
    assert.equal(JSON.stringify(rows).includes(host.code), false, 'the join code is nowhere in the listing');
    // An outsider trying every value of the round's row as a join code gets in nowhere.
    const values = [mine.publicId, mine.challengeId, ...mine.top.flatMap((s) => [s.nickname, s.playerId])];
    for (const v of values) assert.equal(code(await request(eve.socket, 'room:join', { code: v.slice(0, 40), nickname: 'Eve' })), 'room/not_found', `joining with ${v}`);
    assert.equal(roomRows(t.dbFile, host.code).room?.state_json.includes(eve.playerId), false, 'Eve is not in the room');
    const results = await request<RoundResults>(anon, 'room:results', { publicId });
    assert.ok(results.ok, JSON.stringify(results));
    assert.deepEqual(results.data.standings.map((s) => s.nickname).sort(), ['Ada Lovelace', 'Bo']);
    assert.equal(JSON.stringify(results.data).includes(host.code), false);
    const run = await request<RunView>(eve.socket, 'run:get', { submissionId: adaRun.submissionId });
    assert.ok(run.ok, JSON.stringify(run));
    const view = await board(anon);
    assert.equal(view.rows.find((r) => r.playerId === ada.playerId)?.submissionId, adaRun.submissionId);
    assert.equal(view.totalPlayers, 2);
  });

  test('unpublish takes it back: off the list, off the board (Bo falls back to his solo run), no run', async () => {
    const adaGone = until([eve.socket], () => seenByEve.at(-1)?.rows.some((r) => r.playerId === ada.playerId) === false, "Ada's row to leave Eve's board");
    const withdrawn = await publish(false);
    assert.ok(withdrawn.ok, JSON.stringify(withdrawn));
    assert.equal(withdrawn.data.publishedAt, null);
    await adaGone;
    assert.equal((await listed(anon)).some((r) => r.publicId === publicId), false);
    assert.equal(code(await request(anon, 'room:results', { publicId })), 'round/not_found');
    assert.equal(code(await request(eve.socket, 'run:get', { submissionId: adaRun.submissionId })), 'run/private');
    const view = await board(anon);
    assert.deepEqual(view.rows.map((r) => r.submissionId), [boSolo.submissionId]);
    assert.equal(view.totalPlayers, 1);
    await until([host.socket], () => hostView?.round?.publishedAt === null, 'the host view to show it private');
  });

  test('an earlier round can be published while the next one runs; the running one cannot', async () => {
    const second = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: SETTINGS });
    assert.ok(second.ok, JSON.stringify(second));
    const late = await submit(ada, weightsWith(SMALL_PARAMS, 19, 0.5), host.code);
    assert.equal(code(await publish(true, 2)), 'round/not_ended');
    const first = await publish(true, 1);
    assert.ok(first.ok, JSON.stringify(first));
    assert.ok((await listed(anon)).some((r) => r.publicId === publicId && r.round === 1));
    const view = await board(anon);
    assert.equal(view.rows.some((r) => r.submissionId === late.submissionId), false, 'the running round stays off the board');
    assert.equal(code(await request(eve.socket, 'run:get', { submissionId: late.submissionId })), 'run/private');
  });
});

const MIGRATIONS = resolve(import.meta.dirname, '../../../drizzle/migrations');

describe('migration 0005 keeps what was stored private', () => {
  test('rounds from before stay unpublished with a public id; room scores leave the boards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-mig5-'));
    try {
      const before = join(dir, 'before');
      cpSync(MIGRATIONS, before, { recursive: true });
      const journalFile = join(before, 'meta/_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.tag < '0005');
      writeFileSync(journalFile, JSON.stringify(journal));
      const sqlite = new Database(join(dir, 'arena.db'));
      migrate(drizzle(sqlite), { migrationsFolder: before });
      const state = JSON.stringify({ ...createRoom('ACDEFH', 0), phase: 'closed' });
      sqlite.prepare('insert into rooms (code, host_token_hash, host_pin_hash, phase, state_json, created_at, last_activity_at) values (?, ?, ?, ?, ?, 0, 0)').run('ACDEFH', 'h', 'p', 'closed', state);
      const standings = JSON.stringify([{ rank: 1, playerId: 'a', nickname: 'Real Name', score: 0.9, paramCount: 1, bestAt: 5, submissions: 1 }]);
      sqlite.exec(`insert into room_rounds (room_code, number, challenge_id, settings_json, started_at, ends_at, ended_at, ended_by, standings_json)
          values ('ACDEFH', 1, 'x', '{}', 0, 10, 10, 'time', '${standings}'), ('ACDEFH', 2, 'x', '{}', 20, 30, 30, 'host', '[]');
        insert into players (id, nickname, token_hash, created_at) values ('a','A','ha',0), ('b','B','hb',0);
        insert into submissions (id, challenge_id, player_id, spec_json, weights, param_count, status, score, created_at, room_code, round_number)
          values ('solo-a', 'x', 'a', '{}', x'00', 1, 'scored', 0.4, 1, null, null),
                 ('solo-a2', 'x', 'a', '{}', x'00', 1, 'scored', 0.6, 2, null, null),
                 ('room-a', 'x', 'a', '{}', x'00', 1, 'scored', 0.9, 5, 'ACDEFH', 1),
                 ('room-b', 'x', 'b', '{}', x'00', 1, 'scored', 0.8, 6, 'ACDEFH', 1);
        insert into leaderboard_entries (challenge_id, player_id, submission_id, score, param_count, submitted_at)
          values ('x', 'a', 'room-a', 0.9, 1, 5), ('x', 'b', 'room-b', 0.8, 1, 6);
        insert into leaderboard_totals (challenge_id, players) values ('x', 2);`);
      sqlite.close();

      const t = await startTestServer({}, dir);
      try {
        const db = new Database(t.dbFile, { readonly: true });
        const rounds = db.prepare('select number, public_id, published_at, standings_json from room_rounds order by number').all() as { number: number; public_id: string; published_at: number | null; standings_json: string }[];
        const entries = db.prepare('select player_id, submission_id, score from leaderboard_entries order by player_id').all();
        const totals = db.prepare('select challenge_id, players from leaderboard_totals').all();
        db.close();
        assert.deepEqual(rounds.map((r) => [r.number, r.published_at, r.standings_json.includes('Real Name')]), [[1, null, true], [2, null, false]], 'both rounds kept, neither published');
        for (const r of rounds) assert.match(r.public_id, /^[0-9a-f]{24}$/);
        assert.notEqual(rounds[0]?.public_id, rounds[1]?.public_id);
        assert.deepEqual(entries, [{ player_id: 'a', submission_id: 'solo-a2', score: 0.6 }], "a's best solo run replaces the room one; b had none");
        assert.deepEqual(totals, [{ challenge_id: 'x', players: 1 }]);
        const anon = await connect(t.server.url);
        try {
          const finished = await request<FinishedRoundSummary[]>(anon, 'rooms:finished', {});
          assert.ok(finished.ok);
          assert.deepEqual(finished.data, []);
          assert.equal(code(await request(anon, 'room:results', { publicId: rounds[0]?.public_id })), 'round/not_found');
          assert.equal(code(await request(anon, 'room:results', { code: 'ACDEFH', round: 1 })), 'round/private');
        } finally {
          anon.disconnect();
        }
      } finally {
        await t.server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
