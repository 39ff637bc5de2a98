/**
 * A whole class period: one host and 30 real socket.io clients play a round from the lobby to the
 * podium; every client ends up holding the same final standings, which match the database; the CSV
 * export has every student; a second round starts in the same room and the first stays readable.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { RoomState } from '../../../game/room/types';
import { CSV_HEADER, myRoundView } from '../../../game/room/views';
import type { FinishedRoundSummary, HostRoomView, RoundStanding, Stamped, SubmissionResult } from '../../../protocol';
import { request, startTestServer, waitFor, type TestServer } from '../server/harness';
import { SMALL_PARAMS, trainSmallModel, weightsWith, type TrainedModel } from '../server/model-fixture';
import { CHALLENGE, SETTINGS, closeAll, createHostedRoom, joinAs, parseCsv, roomRows, until, type Host, type Player } from './helpers';

const PLAYERS = 30;
/** The first ones submit the trained model; the others weights that score near chance. */
const TRAINED = 10;
/** Names that must come through the CSV: Hangul, and one a spreadsheet would run as a formula. */
const nickname = (i: number) => (i === 0 ? '김민수' : i === 1 ? '=HYPERLINK("x")' : `Student ${i}`);

describe('a round with 30 players, lobby to podium', () => {
  let t: TestServer;
  let model: TrainedModel;
  let host: Host;
  let hostView: (HostRoomView & Stamped) | undefined;
  const players: Player[] = [];

  before(async () => {
    [t, model] = await Promise.all([startTestServer(), trainSmallModel()]);
    host = await createHostedRoom(t.server.url);
    host.socket.on('room:host-state', (v) => (hostView = v));
  });
  after(async () => {
    closeAll([host.socket, ...players.map((p) => p.socket)]);
    await t.stop();
  });

  test('30 players join the lobby; everyone sees everyone', async () => {
    for (let i = 0; i < PLAYERS; i++) players.push(await joinAs(t.server.url, host.code, nickname(i)));
    assert.deepEqual(players.map((p) => p.nickname), players.map((_, i) => nickname(i)));
    const all = [host.socket, ...players.map((p) => p.socket)];
    await until(all, () => hostView?.players.length === PLAYERS && players.every((p) => p.latest.state?.players.length === PLAYERS), 'everyone to see 30 players');
    assert.equal(hostView?.phase, 'lobby');
    assert.ok(hostView?.players.every((p) => p.connected && p.activity === 'idle'));
  });

  test('start: every player gets the running round with the same deadline', async () => {
    const running = players.map((p) => waitFor<{ phase: string; round: { endsAt: number; number: number } | null; serverNow: number }>(p.socket, 'room:state', (v) => v.phase === 'running'));
    const started = await request<{ round: number; endsAt: number }>(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: SETTINGS });
    assert.ok(started.ok, JSON.stringify(started));
    assert.equal(started.data.round, 1);
    const views = await Promise.all(running);
    for (const v of views) {
      assert.equal(v.round?.number, 1);
      assert.equal(v.round?.endsAt, started.data.endsAt);
      assert.ok(v.serverNow <= started.data.endsAt - SETTINGS.durationMs + 5_000);
    }
  });

  test('30 submissions are scored and every client holds the same standings, matching the database', async () => {
    const results = players.map((p) => waitFor<SubmissionResult>(p.socket, 'submission:result'));
    const acks = await Promise.all(
      players.map((p, i) =>
        request<{ submissionId: string }>(p.socket, 'submission:submit', {
          challengeId: CHALLENGE,
          spec: model.spec,
          weights: i < TRAINED ? model.weights : weightsWith(SMALL_PARAMS, i, 0.5),
          roomCode: host.code,
        }),
      ),
    );
    for (const a of acks) assert.ok(a.ok, JSON.stringify(a));
    for (const r of await Promise.all(results)) {
      assert.equal(r.status, 'scored', JSON.stringify(r));
      assert.deepEqual(r.room, { code: host.code, round: 1 });
    }
    const all = [host.socket, ...players.map((p) => p.socket)];
    const settled = (s: { standings: unknown[] | null; round: { pending: number } | null } | undefined) => s?.standings?.length === PLAYERS && s.round?.pending === 0;
    await until(all, () => settled(hostView) && players.every((p) => settled(p.latest.state) && p.latest.me?.rank !== null), 'final standings everywhere');

    const standings = hostView?.standings ?? [];
    for (const p of players) assert.deepEqual(p.latest.state?.standings, standings, `${p.nickname} holds the host's standings`);
    const db = new Database(t.dbFile, { readonly: true });
    const rows = db.prepare('select id, player_id, score, room_code, round_number from submissions where room_code = ?').all(host.code) as { id: string; player_id: string; score: number; round_number: number }[];
    db.close();
    assert.equal(rows.length, PLAYERS);
    for (const s of standings) {
      const row = rows.find((r) => r.player_id === s.playerId);
      assert.equal(row?.score, s.score);
      assert.equal(row?.round_number, 1);
    }
    for (const [i, p] of players.entries()) {
      const mine = standings.find((s) => s.playerId === p.playerId);
      assert.equal(p.latest.me?.rank, mine?.rank);
      assert.equal(p.latest.me?.submissions, 1);
      assert.equal(p.latest.me?.best?.score, mine?.score);
      if (i < TRAINED) assert.equal(mine?.score, model.expected.score);
    }
    // What each client holds is exactly game/room/views' myRoundView of the stored state.
    const stored = JSON.parse(roomRows(t.dbFile, host.code).room?.state_json ?? '{}') as RoomState;
    for (const p of players) assert.deepEqual(p.latest.me, myRoundView(stored, p.playerId));
    // The trained model beats the near-chance weights: the top ten are the ten who submitted it, in submission order ties.
    assert.deepEqual(new Set(standings.slice(0, TRAINED).map((s) => s.playerId)), new Set(players.slice(0, TRAINED).map((p) => p.playerId)));
  });

  test('end: podium and final table on every client; CSV export has every student', async () => {
    const ended = players.map((p) => waitFor<{ phase: string; standings: RoundStanding[] }>(p.socket, 'room:state', (v) => v.phase === 'ended'));
    const end = await request(host.socket, 'room:end', { code: host.code, hostToken: host.hostToken });
    assert.ok(end.ok, JSON.stringify(end));
    const finals = await Promise.all(ended);
    const top = finals[0]?.standings.slice(0, 3) ?? [];
    assert.equal(top.length, 3);
    for (const f of finals) assert.deepEqual(f.standings.slice(0, 3), top);

    const exported = await request<{ filename: string; csv: string }>(host.socket, 'room:export', { code: host.code, hostToken: host.hostToken });
    assert.ok(exported.ok, JSON.stringify(exported));
    assert.equal(exported.data.filename, `gradient-arena-${host.code}-round-1.csv`);
    assert.ok(exported.data.csv.startsWith('\ufeff'), 'UTF-8 byte-order mark for Excel');
    const table = parseCsv(exported.data.csv);
    assert.deepEqual(table[0], [...CSV_HEADER]);
    assert.equal(table.length, PLAYERS + 1);
    const byName = new Map(table.slice(1).map((r) => [r[1], r]));
    assert.ok(byName.has('김민수'));
    assert.ok(byName.has(`'=HYPERLINK("x")`), 'a formula-looking nickname is defused');
    assert.equal(table[1]?.[0], '1');
    assert.equal(table[1]?.[2], ((top[0]?.score ?? 0) * 100).toFixed(2));
    assert.equal(table[1]?.[4], String(SMALL_PARAMS));
  });

  test('the finished round is browsable once published; a second round starts and the first stays exportable', async () => {
    const publicId = String(roomRows(t.dbFile, host.code).rounds[0]?.public_id);
    const before = await request<FinishedRoundSummary[]>(players[0]!.socket, 'rooms:finished', {});
    assert.ok(before.ok);
    assert.equal(before.data.some((f) => f.publicId === publicId), false, 'private until the host publishes it');
    const published = await request(host.socket, 'room:publish', { code: host.code, hostToken: host.hostToken, round: 1, published: true });
    assert.ok(published.ok, JSON.stringify(published));
    const finished = await request<FinishedRoundSummary[]>(players[0]!.socket, 'rooms:finished', {});
    assert.ok(finished.ok);
    const mine = finished.data.find((f) => f.publicId === publicId && f.round === 1);
    assert.equal(mine?.players, PLAYERS);
    assert.equal(mine?.top.length, 3);
    assert.equal(JSON.stringify(finished.data).includes(host.code), false, 'no join code in the listing');
    const results = await request<FinishedRoundSummary & { standings: RoundStanding[] }>(players[5]!.socket, 'room:results', { code: host.code, round: 1 });
    assert.ok(results.ok);
    assert.deepEqual(results.data.standings, hostView?.standings);
    const byId = await request<FinishedRoundSummary & { standings: RoundStanding[] }>(players[5]!.socket, 'room:results', { publicId });
    assert.ok(byId.ok, JSON.stringify(byId));
    assert.deepEqual(byId.data.standings, hostView?.standings);

    const reset = players.map((p) => waitFor<{ me: { submissions: number } | null }>(p.socket, 'room:me', (m) => m.me?.submissions === 0));
    const second = await request<{ round: number }>(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: { ...SETTINGS, leaderboardVisible: false } });
    assert.ok(second.ok, JSON.stringify(second));
    assert.equal(second.data.round, 2);
    await Promise.all(reset);
    const hidden = JSON.parse(roomRows(t.dbFile, host.code).room?.state_json ?? '{}') as RoomState;
    for (const p of players) assert.deepEqual(p.latest.me, myRoundView(hidden, p.playerId));
    const again = await request<{ csv: string }>(host.socket, 'room:export', { code: host.code, hostToken: host.hostToken, round: 1 });
    assert.ok(again.ok);
    assert.equal(parseCsv(again.data.csv).length, PLAYERS + 1);
    const notYet = await request(players[0]!.socket, 'room:results', { code: host.code, round: 2 });
    assert.equal(notYet.ok ? 'ok' : notYet.error.code, 'round/not_finished');
  });
});
