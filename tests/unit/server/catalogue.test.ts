/**
 * The event catalogue (protocol/) against the server that serves it: every catalogued client event
 * has exactly one handler and the server handles nothing else; the ack schemas the integration
 * harness checks every answer with reject what they should (issue 14).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientEvents, resultSchema, serverEvents, SERVER_ERROR_CODES_BY_DOMAIN } from '../../../protocol';
import type { ArenaSocket, HandlerContext } from '../../../server/socket/context';
import { onBoss } from '../../../server/socket/boss';
import { onLeaderboard } from '../../../server/socket/leaderboard';
import { onProgress } from '../../../server/socket/progress';
import { onRegister } from '../../../server/socket/register';
import { onRoomEvents } from '../../../server/socket/rooms/index';
import { onSubmit } from '../../../server/socket/submit';
import { onWhoami } from '../../../server/socket/whoami';
import { EVENT_LIMITS } from '../../../server/socket/event-gate';

/** The event names a socket gets listeners for, counted (socket.io's own 'disconnect' left out). */
function registered(): Map<string, number> {
  const seen = new Map<string, number>();
  const socket = { on: (event: string) => seen.set(event, (seen.get(event) ?? 0) + 1) } as unknown as ArenaSocket;
  const ctx = {} as HandlerContext;
  for (const attach of [onRegister, onWhoami, onLeaderboard, onProgress, onBoss, onSubmit, onRoomEvents]) attach(ctx, socket);
  seen.delete('disconnect');
  return seen;
}

describe('the event catalogue', () => {
  test('every client event has exactly one handler, and the server listens for nothing else', () => {
    const on = registered();
    const names = Object.keys(clientEvents).sort();
    assert.ok(names.length >= 30, `${names.length} client events`);
    assert.deepEqual([...on.keys()].sort(), names);
    assert.deepEqual([...on].filter(([, n]) => n !== 1), [], 'an event registered twice');
  });

  test('event names are <area>:<action>, and every per-event rate limit names a catalogued event', () => {
    for (const name of [...Object.keys(clientEvents), ...Object.keys(serverEvents)]) assert.match(name, /^[a-z]+:[a-z-]+$/, name);
    for (const name of Object.keys(EVENT_LIMITS.events)) assert.ok(name in clientEvents, name);
  });

  test('an ack of the wrong shape, or a refusal with a code the catalogue lacks, does not pass', () => {
    const check = resultSchema(clientEvents['room:check'].ack);
    assert.ok(check.safeParse({ ok: true, data: { joinable: true } }).success);
    assert.ok(!check.safeParse({ ok: true, data: { joinable: false } }).success);
    assert.ok(check.safeParse({ ok: false, error: { code: 'room/not_found', message: 'no room' } }).success);
    assert.ok(!check.safeParse({ ok: false, error: { code: 'room/lost', message: 'no room' } }).success);
    const start = resultSchema(clientEvents['room:start'].ack);
    assert.ok(!start.safeParse({ ok: true, data: { round: 1 } }).success, 'endsAt missing');
    assert.ok(start.safeParse({ ok: true, data: { round: 1, endsAt: 2 } }).success);
    const result = serverEvents['submission:result'];
    assert.ok(!result.safeParse({ submissionId: 's', challengeId: 'c', status: 'done', paramCount: 1 }).success, 'status outside the enum');
  });

  test('no ack or server message passes anything through: each rejects a value of another shape', () => {
    // A schema written as a passthrough (z.custom(() => true), z.unknown()) would accept these.
    const others = [{ unexpected: true }, 'text', 7, [{ unexpected: true }]];
    for (const [event, { ack }] of Object.entries(clientEvents)) {
      if (ack === null) continue;
      for (const v of others) assert.ok(!ack.safeParse(v).success, `${event}'s ack accepts ${JSON.stringify(v)}`);
    }
    for (const [event, schema] of Object.entries(serverEvents)) {
      for (const v of others) assert.ok(!schema.safeParse(v).success, `${event} accepts ${JSON.stringify(v)}`);
    }
  });

  test('the views game/ computes are checked field by field (a host view, a reveal, progress, a run)', () => {
    const settings = { challengeId: 'sign-digits', durationMs: 60_000, maxSubmissions: 3, leaderboardVisible: true, locked: {} };
    const round = { number: 1, settings, startedAt: 1, endsAt: 2, endedAt: null, pending: 0, settled: 0, revealedAt: null, publishedAt: null };
    const player = { playerId: 'p', nickname: 'P', connected: true, activity: 'training', backend: 'wasm', joinedAt: 1, submissions: 0, best: null };
    const host = { code: 'ABCD', phase: 'running', locked: false, round, players: [player], standings: [], kickedCount: 0, admission: 'open', waiting: [], serverNow: 3 };
    const hostAck = clientEvents['room:host'].ack;
    assert.ok(hostAck.safeParse(host).success, JSON.stringify(hostAck.safeParse(host).error?.issues));
    assert.ok(!hostAck.safeParse({ ...host, serverNow: undefined }).success, 'no clock stamp');
    assert.ok(!hostAck.safeParse({ ...host, phase: 'paused' }).success, 'a phase outside the enum');
    assert.ok(!hostAck.safeParse({ ...host, players: [{ ...player, activity: 'sleeping' }] }).success, 'an activity outside the enum');
    assert.ok(!hostAck.safeParse({ ...host, round: { ...round, settings: { ...settings, challengeId: 'nope' } } }).success, 'an unknown challenge in the settings');
    const hit = { damage: 10, heal: 2, health: 88, line: 'scratched' };
    const row = { playerId: 'p', nickname: 'P', publicRank: 1, privateRank: 1, moved: 0, public: 0.9, private: 0.8, train: 1, gap: 0.2, submissionId: 's', hit, stars: 1 };
    const reveal = { challengeId: 'boss-1', rows: [row], bossHealth: 88, revealedAt: 5 };
    const revealAck = clientEvents['boss:reveal'].ack;
    assert.ok(revealAck.safeParse(reveal).success);
    assert.ok(!revealAck.safeParse({ ...reveal, rows: [{ ...row, stars: 4 }] }).success, 'four stars');
    assert.ok(!revealAck.safeParse({ ...reveal, rows: [{ ...row, hit: { ...hit, line: 'won' } }] }).success, 'a line outside the enum');
    const progress = clientEvents['progress:get'].ack;
    assert.ok(progress.safeParse({ progress: { 'sign-01': 2 } }).success);
    assert.ok(!progress.safeParse({ progress: { 'sign-01': 5 } }).success, 'five stars');
    assert.ok(!progress.safeParse({ progress: { 'no-such-level': 1 } }).success, 'an unknown challenge');
    const run = clientEvents['run:get'].ack;
    const view = { submissionId: 's', challengeId: 'backprop-steps', nickname: 'P', spec: null, entry: { kind: 'steps', seed: 7, answers: [0.5] }, score: 1, submittedAt: '2026-01-01T00:00:00.000Z' };
    assert.ok(run.safeParse(view).success);
    assert.ok(!run.safeParse({ ...view, entry: { kind: 'steps', seed: 7 } }).success, 'an entry playEntrySchema refuses');
    assert.ok(!run.safeParse({ ...view, challengeId: 'nope' }).success, 'an unknown challenge');
    assert.ok(!run.safeParse({ ...view, spec: { layers: 'many' } }).success, 'a spec the spec schema refuses');
  });

  test("the room:activity payload's backend is the enum, as its type says", () => {
    const activity = clientEvents['room:activity'].payload;
    assert.ok(activity.safeParse({ code: 'ABCD', activity: 'training', backend: 'wasm' }).success);
    assert.ok(!activity.safeParse({ code: 'ABCD', activity: 'training', backend: 'metal' }).success);
  });

  test('error codes: per domain, each starting with its domain, none twice', () => {
    const all = Object.entries(SERVER_ERROR_CODES_BY_DOMAIN).flatMap(([domain, codes]) => codes.map((c) => [domain, c] as const));
    assert.ok(all.length >= 60, `${all.length} codes`);
    for (const [domain, c] of all) assert.ok(c.startsWith(`${domain}/`), c);
    assert.equal(new Set(all.map(([, c]) => c)).size, all.length);
  });
});
