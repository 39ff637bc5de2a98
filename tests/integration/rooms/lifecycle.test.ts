/**
 * A room through time, on a test clock: a restart mid-round (same phase, same deadline, a submission
 * accepted just before it scored after it), a reconnect mid-round, a late submission after the
 * deadline, a deadline that passed while the server was down, and idle expiry. Locked
 * hyper-parameters (only on challenges the server retrains): tests/integration/server/verified-stars.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { ROOM_IDLE_MS } from '../../../game/room/types';
import type { FinishedRoundSummary, HostRoomView, MyRoundView, SubmissionResult } from '../../../protocol';
import { ROOM_SWEEP_MS } from '../../../server/rooms/service';
import { connect, register, request, startTestServer, waitFor, type ClientSocket, type TestServer } from '../server/harness';
import { trainSmallModel, type TrainedModel } from '../server/model-fixture';
import { TestClock } from './clock';
import { CHALLENGE, SETTINGS, closeAll, createHostedRoom, roomRows, track, until, type Host, type JoinAnswer, type Player } from './helpers';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

function submissionStatus(dbFile: string, id: string): string | undefined {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('select status from submissions where id = ?').get(id) as { status: string } | undefined)?.status;
  } finally {
    db.close();
  }
}

describe('rooms through restarts, reconnects, deadlines and expiry', () => {
  const clock = new TestClock();
  let t: TestServer;
  let model: TrainedModel;
  let host: Host;
  let endsAt = 0;
  const players = new Map<string, Player>();
  const sockets: ClientSocket[] = [];

  /** A (re)connection with the player's token that re-joins the room, as the client does on connect. */
  async function rejoin(name: string, nickname = name): Promise<JoinAnswer> {
    const p = players.get(name)!;
    p.socket = await connect(t.server.url, p.token);
    sockets.push(p.socket);
    p.latest = track(p.socket);
    const joined = await request<JoinAnswer>(p.socket, 'room:join', { code: host.code, nickname });
    assert.ok(joined.ok, JSON.stringify(joined));
    p.latest.state ??= joined.data.view;
    p.latest.me ??= joined.data.me;
    return joined.data;
  }

  before(async () => {
    [t, model] = await Promise.all([startTestServer({ clock }), trainSmallModel()]);
    host = await createHostedRoom(t.server.url);
    for (const name of ['Ada', 'Bo', 'Cy']) {
      const reg = await register(t.server.url, name);
      sockets.push(reg.socket);
      players.set(name, { ...reg, nickname: name, latest: { kicked: false } });
      await rejoin(name);
    }
    const started = await request<{ endsAt: number }>(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: SETTINGS });
    assert.ok(started.ok, JSON.stringify(started));
    endsAt = started.data.endsAt;
  });
  after(async () => {
    closeAll([host.socket, ...sockets]);
    await t.stop();
  });

  test('restart mid-round: same phase and deadline; a submission accepted just before it is scored after it and counted', async () => {
    const ada = players.get('Ada')!;
    const ack = await request<{ submissionId: string }>(ada.socket, 'submission:submit', { challengeId: CHALLENGE, spec: model.spec, weights: model.weights, roomCode: host.code });
    assert.ok(ack.ok, JSON.stringify(ack));
    await t.server.close();
    assert.equal(submissionStatus(t.dbFile, ack.data.submissionId), 'queued', 'accepted, not yet scored when the server stopped');
    const stored = JSON.parse(roomRows(t.dbFile, host.code).room?.state_json ?? '{}') as { phase: string; round: { endsAt: number; entries: Record<string, { pending: number }> } };
    assert.equal(stored.phase, 'running');
    assert.equal(stored.round.entries[ada.playerId]?.pending, 1);

    await t.restart();
    const back = await rejoin('Ada', 'Someone else');
    assert.equal(back.nickname, 'Ada');
    assert.equal(back.view.phase, 'running');
    assert.equal(back.view.round?.endsAt, endsAt);
    await until([ada.socket], () => ada.latest.me?.best !== null && ada.latest.me?.pending === 0, "Ada's score after the restart");
    assert.equal(ada.latest.me?.best?.submissionId, ack.data.submissionId);
    assert.equal(ada.latest.me?.best?.score, model.expected.score);
    assert.equal(ada.latest.me?.submissions, 1);
    assert.equal(ada.latest.state?.standings?.[0]?.playerId, ada.playerId);
    assert.equal(submissionStatus(t.dbFile, ack.data.submissionId), 'scored');
    for (const name of ['Bo', 'Cy']) await rejoin(name);
    host.socket = await connect(t.server.url);
    sockets.push(host.socket);
    const hostBack = await request<HostRoomView>(host.socket, 'room:host', { code: host.code, hostToken: host.hostToken });
    assert.ok(hostBack.ok);
    assert.deepEqual(hostBack.data.players.map((p) => p.connected), [true, true, true]);
  });

  test('reconnect mid-round: same nickname, submission count and best', async () => {
    const bo = players.get('Bo')!;
    const result = waitFor<SubmissionResult>(bo.socket, 'submission:result');
    assert.equal(code(await request(bo.socket, 'submission:submit', { challengeId: CHALLENGE, spec: model.spec, weights: model.weights, roomCode: host.code })), 'ok');
    const scored = await result;
    assert.equal(scored.status, 'scored');
    assert.deepEqual(scored.room, { code: host.code, round: 1 });
    let hostView: HostRoomView | undefined;
    host.socket.on('room:host-state', (v) => (hostView = v));
    bo.socket.disconnect();
    await until([host.socket], () => hostView?.players.find((p) => p.playerId === bo.playerId)?.connected === false, 'the host to see Bo drop');
    const back = await rejoin('Bo', 'Bob the Second');
    assert.equal(back.nickname, 'Bo');
    const me = back.me as MyRoundView;
    assert.equal(me.submissions, 1);
    assert.equal(me.best?.submissionId, scored.submissionId);
    assert.equal(me.best?.score, scored.score);
    await until([host.socket], () => hostView?.players.find((p) => p.playerId === bo.playerId)?.connected === true, 'the host to see Bo back');
  });

  test('after the deadline (clock moved past it) the round ends on time and a late submission is refused', async () => {
    const cy = players.get('Cy')!;
    const ended = waitFor<{ phase: string }>(cy.socket, 'room:state', (v) => v.phase === 'ended');
    clock.advance(SETTINGS.durationMs);
    await ended;
    const before = roomRows(t.dbFile, host.code);
    const late = await request(cy.socket, 'submission:submit', { challengeId: CHALLENGE, spec: model.spec, weights: model.weights, roomCode: host.code });
    assert.equal(code(late), 'round/ended');
    assert.deepEqual(roomRows(t.dbFile, host.code), before);
    const round = before.rounds[0] as { ended_at: number; ends_at: number; ended_by: string };
    assert.equal(round.ended_by, 'time');
    assert.equal(round.ended_at, endsAt);
  });

  test('a deadline that passed while the server was down ends the round at its deadline', async () => {
    const r2 = await request<{ round: number; endsAt: number }>(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: { ...SETTINGS, durationMs: 60_000 } });
    assert.ok(r2.ok, JSON.stringify(r2));
    await t.server.close();
    clock.advance(5 * 60_000);
    await t.restart();
    const ada = players.get('Ada')!;
    await rejoin('Ada');
    await until([ada.socket], () => ada.latest.state?.phase === 'ended', 'round 2 to end');
    const round = roomRows(t.dbFile, host.code).rounds[1] as { ended_at: number; ended_by: string };
    assert.equal(round.ended_by, 'time');
    assert.equal(round.ended_at, r2.data.endsAt);
  });

  test('an idle room closes: joins are refused, its finished rounds stay readable to the room only', async () => {
    const ada = players.get('Ada')!;
    clock.advance(ROOM_IDLE_MS + ROOM_SWEEP_MS);
    await until([ada.socket], () => ada.latest.state?.phase === 'closed', 'the room to close');
    assert.equal(roomRows(t.dbFile, host.code).room?.phase, 'closed');
    const newcomer = await register(t.server.url, 'Newcomer');
    sockets.push(newcomer.socket);
    assert.equal(code(await request(newcomer.socket, 'room:join', { code: host.code, nickname: 'Newcomer' })), 'room/closed');
    // Nobody published them: an outsider with the code gets nothing, the room's own player and host do.
    assert.equal(code(await request(newcomer.socket, 'room:results', { code: host.code, round: 1 })), 'round/private');
    const results = await request<{ standings: unknown[] }>(ada.socket, 'room:results', { code: host.code, round: 1 });
    assert.ok(results.ok, JSON.stringify(results));
    assert.equal(results.data.standings.length, 2);
    const finished = await request<FinishedRoundSummary[]>(newcomer.socket, 'rooms:finished', { limit: 10 });
    assert.ok(finished.ok);
    const ids = roomRows(t.dbFile, host.code).rounds.map((r) => r.public_id);
    assert.equal(ids.length, 2);
    assert.deepEqual(finished.data.filter((f) => ids.includes(f.publicId)), [], 'unpublished rounds are not listed');
    host.socket = await connect(t.server.url);
    sockets.push(host.socket);
    const mine = await request<{ standings: unknown[] }>(host.socket, 'room:results', { code: host.code, round: 2, hostToken: host.hostToken });
    assert.ok(mine.ok, JSON.stringify(mine));
    // The teacher may still publish a round of the closed room; then anyone finds it by its public id.
    const published = await request(host.socket, 'room:publish', { code: host.code, hostToken: host.hostToken, round: 1, published: true });
    assert.ok(published.ok, JSON.stringify(published));
    const listed = await request<FinishedRoundSummary[]>(newcomer.socket, 'rooms:finished', { limit: 10 });
    assert.ok(listed.ok);
    assert.deepEqual(listed.data.filter((f) => ids.includes(f.publicId)).map((f) => f.round), [1]);
    assert.equal(code(await request(newcomer.socket, 'room:results', { publicId: ids[0] })), 'ok');
    assert.equal(roomRows(t.dbFile, host.code).room?.phase, 'closed', 'publishing does not reopen the room');
    const exported = await request<{ csv: string }>(host.socket, 'room:export', { code: host.code, hostToken: host.hostToken, round: 1 });
    assert.ok(exported.ok);
  });
});
