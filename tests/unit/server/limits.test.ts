/**
 * The pure parts of issue 13's flood limits: the round-robin order of scoring jobs, the fixed-window
 * limiters on an injected clock, and the PIN guard's backoff and attack mode.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FairQueue } from '../../../server/scoring/fair-queue';
import { DistinctLimiter, Limiter } from '../../../server/socket/limits';
import { createPinGuard } from '../../../server/socket/rooms/pin-guard';

describe('FairQueue', () => {
  test('round-robin by owner: a newcomer waits for one job of each owner already waiting', () => {
    const q = new FairQueue<string>();
    for (let i = 0; i < 5; i++) q.push('flood', `f${i}`);
    q.push('other', 'o0');
    q.push('other', 'o1');
    assert.equal(q.shift()?.job, 'f0');
    q.push('victim', 'v0');
    const order: string[] = [];
    for (let next = q.shift(); next; next = q.shift()) order.push(next.job);
    assert.deepEqual(order, ['o0', 'f1', 'v0', 'o1', 'f2', 'f3', 'f4']);
    assert.equal(q.size, 0);
  });

  test('waiting counts per owner', () => {
    const q = new FairQueue<number>();
    q.push('a', 1);
    q.push('a', 2);
    q.push('b', 3);
    assert.equal(q.waiting('a'), 2);
    q.shift();
    assert.equal(q.waiting('a'), 1);
    assert.equal(q.waiting('c'), 0);
  });
});

describe('limiters on an injected clock', () => {
  test('a window of points, then refusals with the time left, then a fresh window', () => {
    let now = 0;
    const l = new Limiter({ points: 2, durationS: 10 }, () => now);
    assert.equal(l.take('k').allowed, true);
    assert.equal(l.take('k').allowed, true);
    now = 4_000;
    assert.deepEqual(l.take('k'), { allowed: false, over: 1, waitMs: 6_000 });
    assert.equal(l.take('other').allowed, true);
    now = 10_000;
    assert.equal(l.take('k').allowed, true);
  });

  test('a distinct limiter counts each member once per window', () => {
    let now = 0;
    const l = new DistinctLimiter({ points: 2, durationS: 60 }, () => now);
    for (let i = 0; i < 5; i++) assert.equal(l.take('school', 'ada').allowed, true);
    assert.equal(l.take('school', 'bo').allowed, true);
    assert.equal(l.take('school', 'cy').allowed, false);
    assert.equal(l.take('school', 'ada').allowed, true, 'a member counted already passes');
    now = 60_000;
    assert.equal(l.take('school', 'cy').allowed, true);
  });
});

describe('the PIN guard', () => {
  test('per-socket backoff doubles up to the window', () => {
    let now = 0;
    const g = createPinGuard({ points: 30, durationS: 60 }, () => now);
    g.connected('s');
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      assert.equal(g.waitMs('s', 'ROOM'), 0);
      g.failed('s', 'ROOM');
      waits.push(g.waitMs('s', 'ROOM'));
      now += g.waitMs('s', 'ROOM');
    }
    assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 60, 60].map((s) => s * 1000));
  });

  test('under attack a young or recently failed socket waits; an old clean one is checked; never more than the window', () => {
    let now = 0;
    const g = createPinGuard({ points: 3, durationS: 60 }, () => now);
    g.connected('old');
    now = 100_000;
    for (const s of ['a', 'b', 'c']) {
      g.connected(s);
      g.failed(s, 'ROOM');
    }
    g.connected('teacher');
    assert.equal(g.waitMs('teacher', 'ROOM'), 60_000, 'a socket younger than the window waits it out');
    assert.equal(g.waitMs('old', 'ROOM'), 0, 'a socket connected a window ago is checked');
    assert.equal(g.waitMs('a', 'ROOM'), 60_000);
    assert.equal(g.waitMs('teacher', 'OTHER'), 0, 'another room is not under attack');
    now += 60_000;
    assert.equal(g.waitMs('teacher', 'ROOM'), 0);
  });
});
