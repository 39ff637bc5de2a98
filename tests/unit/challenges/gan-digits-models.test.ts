/**
 * The digit GAN's presets, trained in Node on WASM with the app's two-model loop and scored as the
 * server does (gan-digits-harness.ts: its noise, the shipped judge): the default earns no star, and
 * tfjs's default Adam (beta1 0.9) in the known-good's models collapses early: after 5 epochs its
 * photos of a digit hardly differ (variety under 0.2), where beta1 0.5 keeps them as varied as real
 * ones. The known-good itself is trained whole in Chromium (tests/e2e/gan-digits.test.ts).
 * Figures: bench/gan-digits-level.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';
import { runDigitGan } from './gan-digits-harness';
import { useBackend } from './harness';

before(async () => {
  await useBackend('wasm');
});

const epochs = (spec: ModelSpec, n: number): ModelSpec => ({ ...spec, training: { ...spec.training, epochs: n } });

describe('digit GAN presets, trained', () => {
  test('the default trains to no star', async () => {
    const r = await runDigitGan(defaultSpec('gan-digits'));
    assert.equal(r.rounds, 23 * defaultSpec('gan-digits').training.epochs);
    assert.equal(r.stars, 0, JSON.stringify(r.measure));
  });

  test("beta1: the known-good with tfjs's default Adam collapses inside each digit; with 0.5 it does not", async () => {
    const good = epochs(knownGoodSpec('gan-digits'), 5);
    const { beta1: _g, ...g } = good.training.optimizer;
    const { beta1: _d, ...d } = good.gan!.discriminator.optimizer;
    const plain: ModelSpec = { ...good, training: { ...good.training, optimizer: g }, gan: { ...good.gan!, discriminator: { ...good.gan!.discriminator, optimizer: d } } };
    const collapsed = await runDigitGan(plain);
    const kept = await runDigitGan(good);
    assert.ok(collapsed.measure.variety < 0.2, `beta1 0.9: variety ${collapsed.measure.variety.toFixed(2)}`);
    assert.ok(kept.measure.variety > 0.8, `beta1 0.5: variety ${kept.measure.variety.toFixed(2)}`);
    assert.ok(kept.measure.score > collapsed.measure.score);
  });
});
