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
