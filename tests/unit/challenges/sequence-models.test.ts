/**
 * The sequence challenges' presets, trained in Node on WASM with the app's loop and scored on the
 * server's test sequences (harness.ts): the default earns no star, the known-good three, and
 * attention without positional encoding cannot tell the places apart. Seeded, so every run is the
 * same; figures and other seeds: bench/challenges.ts --lessons memory attention.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import { runChallenge, useBackend } from './harness';
import { SEQUENCE_LESSONS } from './sequence-lessons';

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

before(async () => {
  await useBackend('wasm');
});

describe('sequence challenges, trained', () => {
  for (const id of ['memory', 'attention'] as const) {
    test(`${id}: the default trains to no star, the known-good spec to three`, async () => {
      const base = await runChallenge(id, defaultSpec(id));
      assert.equal(base.stars, 0, `${pct(base.accuracy)} ${JSON.stringify(base.scoresByLength ?? {})}`);
      const good = await runChallenge(id, knownGoodSpec(id));
      assert.equal(good.stars, 3, `${pct(good.accuracy)} ${JSON.stringify(good.scoresByLength ?? {})}`);
    });
  }

  test('memory: the scores are read per length, the plain RNN no better at 20 steps than at 5', async () => {
    const r = await runChallenge('memory', defaultSpec('memory'));
    const by = r.scoresByLength ?? {};
    assert.deepEqual(Object.keys(by).map(Number), [5, 10, 20]);
    assert.ok((by[20] ?? 1) <= (by[5] ?? 0) + 0.05, JSON.stringify(by));
  });

  test('attention: positional encoding off, the places look alike (no star)', async () => {
    const lesson = SEQUENCE_LESSONS.attention?.find((l) => l.name.includes('positional'));
    assert.ok(lesson);
    const r = await runChallenge('attention', lesson.spec());
    assert.equal(r.stars, 0, pct(r.accuracy));
    assert.ok(r.accuracy < 0.5, pct(r.accuracy));
  });
});
