/**
 * A boss round on the real server. Two hand-built "memorizer" models (nearest template, the
 * templates being test photos) make the lesson deterministic: Pub memorized the public part of the
 * hidden test set and leads the live board, Priv memorized the private part. At the reveal Pub falls.
 * Before the reveal no message to any client carries a private or training accuracy.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import type { BossReveal } from '../../../game/boss/reveal';
import { modelChallenge } from '../../../game/challenges';
import { bossSplit } from '../../../server/boss/scoring';
import type { BossMine, RoundResults, SubmissionResult } from '../../../protocol';
import { request, startTestServer, type ClientSocket, type TestServer } from '../server/harness';
import { memorizer, pooledTest, splitMemorizers } from './memorizer';
import { SETTINGS, closeAll, createHostedRoom, grantStar, joinAs, until, type Host, type Player } from './helpers';

const LEVEL = 'boss-3';
describe('a boss round: public board, picks, the reveal', () => {
  let t: TestServer;
  let host: Host;
  let pub: Player;
  let priv: Player;
  let pubResult: SubmissionResult;
  let privResult: SubmissionResult;
  /** Everything every client received, in order, until the reveal. */
  const seen: { who: string; event: string; payload: unknown }[] = [];
  const results: SubmissionResult[] = [];

  const record = (who: string, socket: ClientSocket) =>
    socket.onAny((event: string, payload: unknown) => {
      seen.push({ who, event, payload });
      if (event === 'submission:result') results.push(payload as SubmissionResult);
    });

  before(async () => {
    await tf.setBackend('cpu');
    t = await startTestServer();
    host = await createHostedRoom(t.server.url);
    pub = await joinAs(t.server.url, host.code, 'Pub');
    priv = await joinAs(t.server.url, host.code, 'Priv');
    record('host', host.socket);
    record('pub', pub.socket);
    record('priv', priv.socket);
    const settings = { ...SETTINGS, challengeId: LEVEL, maxSubmissions: 3 };
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings });
    assert.ok(started.ok, JSON.stringify(started));
  });
  after(async () => {
    closeAll([host.socket, pub.socket, priv.socket]);
    await t.stop();
  });

  test('the public memorizer leads the live board; results carry the public score only', async () => {
    const { split, pub: a, priv: b } = splitMemorizers(`room:${host.code}:1`, LEVEL);
    const ackA = await request<{ submissionId: string }>(pub.socket, 'submission:submit', { challengeId: LEVEL, spec: a.spec, weights: a.weights, roomCode: host.code });
    const ackB = await request<{ submissionId: string }>(priv.socket, 'submission:submit', { challengeId: LEVEL, spec: b.spec, weights: b.weights, roomCode: host.code });
    assert.ok(ackA.ok && ackB.ok, JSON.stringify([ackA, ackB]));
    await until([pub.socket, priv.socket], () => results.length === 2 && (pub.latest.state?.standings?.length ?? 0) === 2, 'both scored and ranked');
    pubResult = results.find((r) => r.submissionId === ackA.data.submissionId)!;
    privResult = results.find((r) => r.submissionId === ackB.data.submissionId)!;
    assert.equal(pubResult.score, 1, 'the public part memorized');
    assert.equal(pubResult.total, split.publicIdx.length);
    assert.ok((privResult.score ?? 1) < 0.9, `the private memorizer on the public part: ${privResult.score}`);
    assert.equal(pubResult.stars, 0, 'boss stars come from the reveal');
    assert.deepEqual(pub.latest.state?.standings?.map((s) => s.nickname), ['Pub', 'Priv']);
  });

  test('picks: two at most, one’s own only; Priv picks theirs', async () => {
    const mine = await request<BossMine>(priv.socket, 'boss:mine', { challengeId: LEVEL, roomCode: host.code });
    assert.ok(mine.ok);
    assert.deepEqual(mine.data.submissions.map((s) => s.submissionId), [privResult.submissionId]);
    assert.equal(mine.data.reveal, null);
    assert.equal(JSON.stringify(mine.data).includes('private'), false);
    const theirs = await request(priv.socket, 'boss:pick', { challengeId: LEVEL, roomCode: host.code, submissionIds: [pubResult.submissionId] });
    assert.equal(theirs.ok, false);
    if (!theirs.ok) assert.equal(theirs.error.code, 'boss/not_yours');
    const ok = await request<{ picks: string[] }>(priv.socket, 'boss:pick', { challengeId: LEVEL, roomCode: host.code, submissionIds: [privResult.submissionId] });
    assert.ok(ok.ok);
  });

  test('no reveal while the round runs, nor by a student', async () => {
    const early = await request(host.socket, 'room:reveal', { code: host.code, hostToken: host.hostToken });
    assert.equal(early.ok, false);
    if (!early.ok) assert.equal(early.error.code, 'round/not_ended');
    const ended = await request(host.socket, 'room:end', { code: host.code, hostToken: host.hostToken });
    assert.ok(ended.ok);
    const student = await request(pub.socket, 'room:reveal', { code: host.code, hostToken: pub.token });
    assert.equal(student.ok, false);
    if (!student.ok) assert.equal(student.error.code, 'room/not_host');
    // The public results page of the ended round: the public board, and no reveal yet.
    const results = await request<RoundResults>(pub.socket, 'room:results', { code: host.code, round: 1 });
    assert.ok(results.ok, JSON.stringify(results));
    assert.equal(results.data.reveal, null);
    assert.deepEqual(results.data.standings.map((s) => s.nickname), ['Pub', 'Priv']);
    for (const word of ['private', 'train', 'gap']) assert.equal(JSON.stringify(results.data).includes(`"${word}"`), false, `room:results sent "${word}" before the reveal`);
  });

  test('nothing sent before the reveal leaks a private or training accuracy', () => {
    const text = JSON.stringify(seen);
    for (const word of ['private', 'trainScore', 'publicIdx', 'gap']) assert.equal(text.includes(word), false, `"${word}" was sent before the reveal`);
    assert.ok(seen.length > 5, `recorded ${seen.length} messages`);
  });

  test('the reveal reaches every screen at once: Pub falls, Priv climbs, gaps and hits', async () => {
    const got = [host, pub, priv].map(
      (c) => new Promise<BossReveal & { code: string; round: number }>((ok) => c.socket.once('room:revealed', ok)),
    );
    const ack = await request<BossReveal>(host.socket, 'room:reveal', { code: host.code, hostToken: host.hostToken });
    assert.ok(ack.ok, JSON.stringify(ack));
    const reveals = await Promise.all(got);
    for (const r of reveals) assert.deepEqual(r.rows, ack.data.rows);
    const [first, second] = ack.data.rows;
    assert.equal(first?.nickname, 'Priv');
    assert.equal(first?.private, 1);
    assert.equal(first?.moved, 1);
    assert.equal(second?.nickname, 'Pub');
    assert.equal(second?.publicRank, 1);
    assert.equal(second?.privateRank, 2);
    assert.ok((second?.private ?? 1) < 0.9, `Pub on the private part: ${second?.private}`);
    assert.ok(Math.abs((second?.gap ?? 0) - ((second?.train ?? 0) - (second?.private ?? 0))) < 1e-9);
    console.log(`# boss round: Pub public ${pubResult.score} private ${second?.private?.toFixed(3)} train ${second?.train?.toFixed(3)}; Priv public ${privResult.score?.toFixed(3)} private ${first?.private}`);
    assert.ok(ack.data.bossHealth < 100);
    assert.equal(first?.hit.damage, Math.max(0, (1 - modelChallenge(LEVEL).boss!.tuning.baseline) * 100));
  });

  test('after the reveal: picks are final, the host asking again gets the same reveal, a reload gets it', async () => {
    const late = await request(priv.socket, 'boss:pick', { challengeId: LEVEL, roomCode: host.code, submissionIds: [] });
    assert.equal(late.ok, false);
    if (!late.ok) assert.equal(late.error.code, 'boss/revealed');
    let replayed = 0;
    pub.socket.on('room:revealed', () => replayed++);
    const again = await request<BossReveal>(host.socket, 'room:reveal', { code: host.code, hostToken: host.hostToken });
    assert.ok(again.ok, JSON.stringify(again));
    assert.deepEqual(again.data.rows.map((r) => r.nickname), ['Priv', 'Pub']);
    const student = await request(pub.socket, 'room:reveal', { code: host.code, hostToken: pub.token });
    assert.equal(student.ok, false);
    assert.equal(typeof pub.latest.state?.round?.revealedAt, 'number', 'the room view says the round was revealed');
    const mine = await request<BossMine>(pub.socket, 'boss:mine', { challengeId: LEVEL, roomCode: host.code });
    assert.ok(mine.ok);
    assert.equal(mine.data.reveal?.rows.length, 2);
    const results = await request<RoundResults>(pub.socket, 'room:results', { code: host.code, round: 1 });
    assert.ok(results.ok);
    assert.deepEqual(results.data.reveal, again.data, 'the results page shows the stored reveal');
    assert.equal(replayed, 0, 'asking again plays it on nobody else’s screen');
  });
});

describe('a solo boss level', () => {
  test('face the boss once: the reveal is final and earns the stars of the hit', async () => {
    const t = await startTestServer();
    const { register } = await import('../server/harness');
    const me = await register(t.server.url, 'Solo');
    try {
      // boss-1 opens with a star on Sign Digits 0 vs 1 (a locked level is refused: records.test.ts).
      grantStar(t.dbFile, me.playerId, 'sign-01');
      const none = await request(me.socket, 'boss:reveal', { challengeId: 'boss-1' });
      assert.equal(none.ok, false);
      if (!none.ok) assert.equal(none.error.code, 'boss/nothing_to_reveal');
      const { rows, labels } = pooledTest();
      const split = bossSplit('solo:boss-1', labels, modelChallenge('boss-1').boss!);
      const m = memorizer(split.privateIdx.slice(0, 200).map((i) => rows[i]!), split.privateIdx.slice(0, 200).map((i) => labels[i]!));
      const scored = new Promise<SubmissionResult>((ok) => me.socket.once('submission:result', ok));
      const ack = await request(me.socket, 'submission:submit', { challengeId: 'boss-1', spec: m.spec, weights: m.weights });
      assert.ok(ack.ok, JSON.stringify(ack));
      assert.equal((await scored).status, 'scored');
      const first = await request<BossReveal>(me.socket, 'boss:reveal', { challengeId: 'boss-1' });
      assert.ok(first.ok, JSON.stringify(first));
      const row = first.data.rows[0];
      assert.equal(first.data.rows.length, 1);
      assert.ok((row?.private ?? 0) > 0.69, `memorized 200 of the private photos: ${row?.private}`);
      const again = await request<BossReveal>(me.socket, 'boss:reveal', { challengeId: 'boss-1' });
      assert.ok(again.ok);
      assert.deepEqual(again.data, first.data);
      const progress = await request<{ progress: Record<string, number> }>(me.socket, 'progress:get', {});
      assert.ok(progress.ok);
      assert.equal(progress.data.progress['boss-1'] ?? 0, row?.stars);
    } finally {
      me.socket.disconnect();
      await t.stop();
    }
  });
});
