/** Limiter.peek: whether one more hit would pass, without spending it (rooms/lookup.ts relies on it). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Limiter } from '../../../server/socket/limits';

test('peek reports the next hit and counts nothing; a new window starts clean', () => {
  let now = 1_000;
  const l = new Limiter({ points: 2, durationS: 10 }, () => now);
  assert.deepEqual(l.peek('a'), { allowed: true, over: 0, waitMs: 0 });
  assert.ok(l.take('a').allowed);
  assert.ok(l.peek('a').allowed);
  assert.ok(l.peek('a').allowed, 'peeking twice spends nothing');
  assert.ok(l.take('a').allowed);
  const full = l.peek('a');
  assert.equal(full.allowed, false);
  assert.equal(full.waitMs, 10_000);
  assert.ok(l.peek('b').allowed, 'per key');
  now += 10_000;
  assert.ok(l.peek('a').allowed);
  assert.ok(l.take('a').allowed);
});
