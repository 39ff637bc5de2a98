/**
 * The sequence challenges' presets, trained in Node on WASM with the app's loop and scored on the
 * server's test sequences (harness.ts): the default earns no star, and
 * attention without positional encoding cannot tell the places apart. Seeded, so every run is the
 * same; figures and other seeds: bench/challenges.ts --lessons memory attention.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { defaultSpec } from '../../../models/presets';
import { runChallenge, useBackend } from './harness';
import { SEQUENCE_LESSONS } from './sequence-lessons';

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

before(async () => {
  await useBackend('wasm');
});

// The known-good specs' three stars are proven in Chromium (tests/e2e/sequence.test.ts): the same
// builder and loop, trained in the page and scored by the server.
describe('sequence challenges, trained', () => {
  test('memory: the default trains to no star; its scores are read per length, the plain RNN no better at 20 steps than at 5', async () => {
    const r = await runChallenge('memory', defaultSpec('memory'));
    const by = r.scoresByLength ?? {};
    assert.equal(r.stars, 0, `${pct(r.accuracy)} ${JSON.stringify(by)}`);
    assert.deepEqual(Object.keys(by).map(Number), [5, 10, 20]);
    assert.ok((by[20] ?? 1) <= (by[5] ?? 0) + 0.05, JSON.stringify(by));
  });

  test('attention: the default trains to no star', async () => {
    const r = await runChallenge('attention', defaultSpec('attention'));
    assert.equal(r.stars, 0, pct(r.accuracy));
  });

  test('attention: positional encoding off, the places look alike (no star)', async () => {
    const lesson = SEQUENCE_LESSONS.attention?.find((l) => l.name.includes('positional'));
    assert.ok(lesson);
    const r = await runChallenge('attention', lesson.spec());
    assert.equal(r.stars, 0, pct(r.accuracy));
    assert.ok(r.accuracy < 0.5, pct(r.accuracy));
  });
});
