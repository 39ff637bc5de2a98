/**
 * Records against the real server (issue 16, findings 6-8): the CSV has a row for every player who
 * took part (0 submissions and an empty best for those who never submitted), times in UTC and in
 * the teacher's zone (validated); a solo boss level still locked on the player's path cannot be
 * faced, and the boss's own numbers put a guessing model in the near-chance band.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { nearChance } from '../../../game/boss/face';
import { CSV_HEADER } from '../../../game/room/views';
import { TUNED_RACE } from '../server/race-fixtures';
import { localDateTime } from '../../../game/time-zone';
import type { BossMine, RoundStanding, SubmissionResult } from '../../../protocol';
import { register, request, startTestServer, type TestServer } from '../server/harness';
import { memorizer, pooledTest } from './memorizer';
import { SETTINGS, closeAll, createHostedRoom, grantStar, joinAs, parseCsv, until, type Host, type Player } from './helpers';

const ROUND = { ...SETTINGS, challengeId: 'optimizer-race' as const, maxSubmissions: 1 };
const ZONE = 'America/New_York';

describe('the results CSV lists every player who took part', () => {
  let t: TestServer;
  let host: Host;
  const players: Player[] = [];
  before(async () => {
    t = await startTestServer();
    host = await createHostedRoom(t.server.url);
    for (const name of ['Ada', 'Bo', 'Cy', 'Dee']) players.push(await joinAs(t.server.url, host.code, name));
  });
  after(async () => {
    closeAll([host.socket, ...players.map((p) => p.socket)]);
    await t.stop();
  });

  const exportCsv = async (extra: Record<string, unknown> = {}) => {
    const r = await request<{ csv: string }>(host.socket, 'room:export', { code: host.code, hostToken: host.hostToken, ...extra });
    assert.ok(r.ok, JSON.stringify(r));
    return parseCsv(r.data.csv);
  };

  test('four in the lobby, three submit: four rows, the fourth with 0 submissions and an empty best; times in UTC and New York', async () => {
    assert.ok((await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: ROUND })).ok);
    for (const p of players.slice(0, 3)) assert.ok((await request(p.socket, 'play:submit', { challengeId: 'optimizer-race', entry: TUNED_RACE, roomCode: host.code })).ok);
    await until(players.map((p) => p.socket), () => (players[0]?.latest.state?.standings?.length ?? 0) === 3, 'three scored');
    assert.ok((await request(host.socket, 'room:end', { code: host.code, hostToken: host.hostToken })).ok);
    const standings = players[0]?.latest.state?.standings as RoundStanding[];
    const table = await exportCsv({ timeZone: ZONE });
    assert.deepEqual(table[0], [...CSV_HEADER]);
    assert.equal(table.length, 1 + 4, 'a header and four players');
    assert.deepEqual(table.slice(1, 4).map((r) => r[0]), ['1', '2', '3']);
    assert.deepEqual(table[4], ['', 'Dee', '', '0', '', '', '', '']);
    const first = standings[0]!;
    assert.deepEqual(table[1]?.slice(5), [new Date(first.bestAt).toISOString(), localDateTime(first.bestAt, ZONE), ZONE]);
    assert.notEqual(table[1]?.[6], table[1]?.[5]?.replace('T', ' ').slice(0, 19), 'New York is not UTC');
    assert.deepEqual((await exportCsv())[1]?.slice(6), [new Date(first.bestAt).toISOString().replace('T', ' ').slice(0, 19), 'UTC'], 'no zone sent: UTC');
  });

  test('a zone Intl does not know is refused with a clear error, not exported in UTC', async () => {
    for (const timeZone of ['Mars/Olympus', '+09:00', 'x'.repeat(80), 42]) {
      const r = await request(host.socket, 'room:export', { code: host.code, hostToken: host.hostToken, timeZone });
      assert.equal(r.ok ? 'ok' : r.error.code, 'payload/invalid', String(timeZone));
    }
  });

  test('a round nobody submitted in lists everyone; the earlier round keeps its players, not a later newcomer', async () => {
    const late = await joinAs(t.server.url, host.code, 'Eve');
    players.push(late);
    assert.ok((await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: ROUND })).ok);
    assert.ok((await request(host.socket, 'room:end', { code: host.code, hostToken: host.hostToken })).ok);
    const second = await exportCsv({ timeZone: ZONE });
    assert.deepEqual(second.slice(1).map((r) => [r[1], r[3], r[2]]), [['Ada', '0', ''], ['Bo', '0', ''], ['Cy', '0', ''], ['Dee', '0', ''], ['Eve', '0', '']]);
    const first = await exportCsv({ round: 1, timeZone: ZONE });
    assert.deepEqual(first.slice(1).map((r) => [r[1], r[3]]), [...first.slice(1, 4).map((r) => [r[1], '1']), ['Dee', '0']], 'Eve joined after round 1 ended');
  });

  test('a kicked player who scored keeps the row; one kicked before submitting has none', async () => {
    const ada = players[0]!;
    const dee = players[3]!;
    for (const p of [ada, dee]) assert.ok((await request(host.socket, 'room:kick', { code: host.code, hostToken: host.hostToken, playerId: p.playerId })).ok);
    const first = await exportCsv({ round: 1 });
    const names = first.slice(1).map((r) => r[1]);
    assert.ok(names.includes('Ada'), JSON.stringify(names));
    assert.equal(names.includes('Dee'), false);
    assert.equal(first.length, 1 + 3);
  });
});

describe('a solo boss level still locked on the path', () => {
  let t: TestServer;
  before(async () => {
    await tf.setBackend('cpu');
    t = await startTestServer();
  });
  after(() => t.stop());

  test('cannot be faced: boss/locked, and boss:mine says locked; a star on Sign Digits 0 vs 1 opens it', async () => {
    const me = await register(t.server.url, 'Locked');
    try {
      const { rows, labels } = pooledTest();
      // Templates of one digit only: it answers that digit for every photo, a tenth of the public part.
      const ones = [...labels.keys()].filter((i) => labels[i] === 1).slice(0, 3);
      const m = memorizer(ones.map((i) => rows[i]!), ones.map((i) => labels[i]!));
      const scored = new Promise<SubmissionResult>((ok) => me.socket.once('submission:result', ok));
      assert.ok((await request(me.socket, 'submission:submit', { challengeId: 'boss-1', spec: m.spec, weights: m.weights })).ok);
      assert.equal((await scored).status, 'scored');
      const mine = await request<BossMine>(me.socket, 'boss:mine', { challengeId: 'boss-1' });
      assert.ok(mine.ok, JSON.stringify(mine));
      assert.equal(mine.data.locked, true);
      const sub = mine.data.submissions[0]!;
      assert.ok(sub.publicTotal >= 100, `public part of ${sub.publicTotal} images`);
      assert.equal(nearChance(sub.public, 10, sub.publicTotal), true, `one digit for every photo scores ${sub.public}: near chance`);
      const refused = await request(me.socket, 'boss:reveal', { challengeId: 'boss-1' });
      assert.equal(refused.ok ? 'ok' : refused.error.code, 'boss/locked');
      const still = await request<BossMine>(me.socket, 'boss:mine', { challengeId: 'boss-1' });
      assert.ok(still.ok);
      assert.equal(still.data.reveal, null, 'nothing was spent');
      const boss2 = await request(me.socket, 'boss:reveal', { challengeId: 'boss-2' });
      assert.equal(boss2.ok ? 'ok' : boss2.error.code, 'boss/locked');

      grantStar(t.dbFile, me.playerId, 'sign-01');
      const open = await request<BossMine>(me.socket, 'boss:mine', { challengeId: 'boss-1' });
      assert.ok(open.ok);
      assert.equal(open.data.locked, false);
      const faced = await request(me.socket, 'boss:reveal', { challengeId: 'boss-1' });
      assert.ok(faced.ok, JSON.stringify(faced));
    } finally {
      me.socket.disconnect();
    }
  });
});
