/**
 * The GAN challenge's presets, trained in Node on WASM with the app's two-model loop and scored as
 * the server does (gan-harness.ts): the default earns no star, and mode collapse is reproducible:
 * the known-good spec with one discriminator step per round instead of two (seed 1) puts its points
 * on one mode of the eight. The known-good itself earns three stars through the real server
 * (tests/integration/server/gan-submit.test.ts). Every run is seeded; figures: bench/gan.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';
import { runGan } from './gan-harness';
import { useBackend } from './harness';

before(async () => {
  await useBackend('wasm');
});

describe('GAN presets, trained', () => {
  test('the default trains to no star', async () => {
    const r = await runGan(defaultSpec('gan'));
    assert.equal(r.rounds, 32 * defaultSpec('gan').training.epochs);
    assert.equal(r.stars, 0, JSON.stringify(r.measure));
  });

  test('mode collapse: the known-good with one discriminator step per round covers one mode', async () => {
    const good = knownGoodSpec('gan');
    const collapse: ModelSpec = { ...good, gan: { ...good.gan!, dSteps: 1 } };
    const r = await runGan(collapse);
    assert.ok(r.measure.modesCovered <= 2, `${r.measure.modesCovered} modes: ${r.counts.join(', ')}`);
    assert.equal(r.stars, 0);
  });
});
