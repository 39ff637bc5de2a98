/**
 * The digit GAN's default, trained in Node on WASM with the app's two-model loop and scored as the
 * server does (gan-digits-harness.ts: its noise, the shipped judge), earns no star. The known-good
 * is trained whole in Chromium (tests/e2e/gan-digits.test.ts) and scored through a real server in
 * tests/integration/server/gan-digits-submit.test.ts. Figures: bench/gan-digits-level.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { defaultSpec } from '../../../models/presets';
import { runDigitGan } from './gan-digits-harness';
import { useBackend } from './harness';

before(async () => {
  await useBackend('wasm');
});

describe('digit GAN presets, trained', () => {
  test('the default trains to no star', async () => {
    const r = await runDigitGan(defaultSpec('gan-digits'));
    assert.equal(r.rounds, 23 * defaultSpec('gan-digits').training.epochs);
    assert.equal(r.stars, 0, JSON.stringify(r.measure));
  });
});
