/**
 * A class of 40 behind one school address still fits, with every limit at its real number: each
 * student registers and joins within the same minute, opens a second tab (a rejoin, not a newcomer)
 * that syncs its clock as the app does, submits once the round starts, and all 40 are scored and on
 * the standings. The limits of issue 13 (findings 2, 6, 8) must leave this untouched.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HostRoomView, Result, Stamped, SubmissionResult } from '../../../protocol';
import { connect, request, startTestServer, waitFor, type ClientSocket, type TestServer } from '../server/harness';
import { SMALL_PARAMS, SMALL_SPEC, weightsWith } from '../server/model-fixture';
import { CHALLENGE, SETTINGS, closeAll, createHostedRoom, joinAs, until, type Host, type Player } from './helpers';

const CLASS = 40;
const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('a class of 40 from one address joins and plays a round at the real limits', () => {
  let t: TestServer;
  let host: Host;
  let hostView: (HostRoomView & Stamped) | undefined;
  const students: Player[] = [];
  const tabs: ClientSocket[] = [];

  before(async () => {
    t = await startTestServer();
    host = await createHostedRoom(t.server.url);
    host.socket.on('room:host-state', (v) => (hostView = v));
  });
  after(async () => {
    closeAll([host.socket, ...students.map((s) => s.socket), ...tabs]);
    await t.stop();
  });

  test('40 join at once, each with a second tab that rejoins and syncs its clock', async () => {
    students.push(...(await Promise.all(Array.from({ length: CLASS }, (_, i) => joinAs(t.server.url, host.code, `Student ${i + 1}`)))));
    assert.equal(new Set(students.map((s) => s.playerId)).size, CLASS);
    tabs.push(...(await Promise.all(students.map((s) => connect(t.server.url, s.token)))));
    const rejoins = await Promise.all(tabs.map((tab, i) => request(tab, 'room:join', { code: host.code, nickname: students[i]!.nickname })));
    assert.deepEqual(rejoins.map(code), rejoins.map(() => 'ok'));
    const syncs = await Promise.all(tabs.flatMap((tab) => Array.from({ length: 5 }, (_, i) => request(tab, 'clock:sync', { clientNow: i }))));
    assert.deepEqual([...new Set(syncs.map(code))], ['ok']);
    await until([host.socket], () => hostView?.players.length === CLASS, 'the host to see the class');
  });

  test('the round starts, all 40 submit at once, all are scored and on the standings', async () => {
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: SETTINGS });
    assert.ok(started.ok, JSON.stringify(started));
    const results = students.map((s) => waitFor<SubmissionResult>(s.socket, 'submission:result'));
    const acks = await Promise.all(
      students.map((s, i) => request(s.socket, 'submission:submit', { challengeId: CHALLENGE, spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, i, 0.5), roomCode: host.code })),
    );
    assert.deepEqual(acks.map(code), acks.map(() => 'ok'));
    for (const r of await Promise.all(results)) assert.equal(r.status, 'scored', JSON.stringify(r));
    await until([host.socket], () => hostView?.standings?.length === CLASS && hostView.round?.pending === 0, 'all 40 on the standings');
    assert.deepEqual(new Set(hostView?.standings?.map((s) => s.playerId)), new Set(students.map((s) => s.playerId)));
  });
});
