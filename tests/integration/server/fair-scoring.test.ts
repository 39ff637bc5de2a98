/**
 * Classroom-trust finding 6 against the real server (one scoring worker, every client from one
 * address): a backlog from several players of one address does not hold back another player's first
 * submission by more than one job per other waiting player; a player's queue is capped; submissions
 * per address are bounded. The order is the order the results reach the clients.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSubmission } from '../../../game/submission';
import { defaultSpec } from '../../../models/presets';
import type { Result, SubmissionResult } from '../../../protocol';
import { SCORING_QUEUE_PER_PLAYER } from '../../../server/socket/limits';
import { register, request, startTestServer, type ClientSocket, type TestServer } from './harness';
import { SMALL_PARAMS, SMALL_SPEC, weightsWith } from './model-fixture';

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
const CHALLENGE = 'sign-digits';
/** The default CNN (~0.45 s to score on one worker): slow enough that a backlog really waits. */
const SPEC = defaultSpec(CHALLENGE);
const FLOODERS = 4;

function cnnWeights(): Uint8Array {
  const checked = validateSubmission(CHALLENGE, SPEC);
  if (!checked.ok) throw new Error(checked.error.message);
  return new Uint8Array(new Float32Array(checked.shapes.totalParams).fill(0.01).buffer);
}

describe('finding 6: one address’s backlog cannot hold back another player’s first submission', () => {
  let t: TestServer;
  const sockets: ClientSocket[] = [];

  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await t.stop();
  });

  test(`${FLOODERS} flooders × ${SCORING_QUEUE_PER_PLAYER} queued: a 4th is refused; the victim is scored after at most one job per flooder (plus the one running)`, async (tc) => {
    const payload = { challengeId: CHALLENGE, spec: SPEC, weights: cnnWeights() };
    const flooders = await Promise.all(Array.from({ length: FLOODERS }, (_, i) => register(t.server.url, `Flood ${i}`)));
    const victim = await register(t.server.url, 'Victim');
    sockets.push(...flooders.map((f) => f.socket), victim.socket);
    /** Every result, in the order it reached the clients. */
    const results: { who: string; r: SubmissionResult }[] = [];
    for (const [i, f] of flooders.entries()) f.socket.on('submission:result', (r) => results.push({ who: `flood ${i}`, r }));
    victim.socket.on('submission:result', (r) => results.push({ who: 'victim', r }));

    const acks = await Promise.all(flooders.flatMap((f) => Array.from({ length: SCORING_QUEUE_PER_PLAYER }, () => request(f.socket, 'submission:submit', payload))));
    assert.deepEqual(acks.map(code), acks.map(() => 'ok'));
    // Each flooder's next one is refused while its three wait, and nothing is stored for it.
    const stored = t.counts().submissions;
    const fourth = await Promise.all(flooders.map((f) => request(f.socket, 'submission:submit', payload)));
    assert.deepEqual(fourth.map(code), flooders.map(() => 'submission/queue_full'));
    assert.match(fourth[0]!.ok ? '' : fourth[0]!.error.message, /waiting to be scored/);
    assert.equal(t.counts().submissions, stored);

    const mine = await request<{ submissionId: string }>(victim.socket, 'submission:submit', payload);
    assert.ok(mine.ok, JSON.stringify(mine));
    const seenBefore = results.length;
    const total = FLOODERS * SCORING_QUEUE_PER_PLAYER + 1;
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`only ${results.length} of ${total} results`)), 120_000);
      const check = () => (results.length === total ? (clearTimeout(timer), ok()) : setTimeout(check, 50));
      check();
    });
    assert.ok(results.every((x) => x.r.status === 'scored'), JSON.stringify(results.map((x) => x.r.status)));
    const at = results.findIndex((x) => x.who === 'victim');
    assert.equal(results[at]?.r.submissionId, mine.data.submissionId);
    const between = at - seenBefore;
    tc.diagnostic(`results in order: ${results.map((x) => x.who).join(', ')}; the victim's came ${between} after its ack`);
    assert.ok(between <= FLOODERS + 1, `the victim waited for ${between} flooder jobs: ${results.map((x) => x.who).join(', ')}`);
    assert.ok(results.length - 1 - at >= FLOODERS, 'the backlog was still there when the victim was scored');
    // Round-robin: no flooder's jobs ran back to back while the others waited. Flood 0's first job
    // starts the moment it arrives, before the other flooders' jobs are queued; the round after it
    // is the one the queue orders.
    const firstRound = results.slice(1, 1 + FLOODERS).map((x) => x.who);
    assert.equal(new Set(firstRound).size, FLOODERS, firstRound.join(', '));
  });
});

describe('finding 6: submissions per address are bounded', () => {
  let t: TestServer;
  const sockets: ClientSocket[] = [];
  const LIMIT = 4;

  before(async () => {
    t = await startTestServer({ submitAddressLimit: { points: LIMIT, durationS: 60 } });
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await t.stop();
  });

  test('past the address’s limit another player of the same address is refused with rate/limited', async () => {
    const players = await Promise.all(Array.from({ length: LIMIT + 1 }, (_, i) => register(t.server.url, `Student ${i}`)));
    sockets.push(...players.map((p) => p.socket));
    const payload = { challengeId: CHALLENGE, spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, 0, 1) };
    const codes: string[] = [];
    for (const p of players) codes.push(code(await request(p.socket, 'submission:submit', payload)));
    assert.deepEqual(codes, [...Array.from({ length: LIMIT }, () => 'ok'), 'rate/limited']);
    const last = await request(players[LIMIT]!.socket, 'submission:submit', payload);
    assert.match(last.ok ? '' : last.error.message, /from this address/);
  });
});
