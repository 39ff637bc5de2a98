/**
 * The autoencoder challenges' starting models train to no star and their known-good specs earn
 * three: trained in Node on WASM with the app's loop, scored on the server's hidden test photos
 * (and noise) with the server's rules (autoencoder-harness.ts). Seeded, so the same every run.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { modelChallenge } from '../../../game/challenges';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import { runAutoencoder } from './autoencoder-harness';
import { useBackend } from './harness';

before(async () => {
  await useBackend('wasm');
});

describe('autoencoder presets, trained', () => {
  for (const id of ['autoencoder', 'denoise'] as const) {
    test(`${id}: the default trains to no star`, async () => {
      const r = await runAutoencoder(modelChallenge(id), defaultSpec(id));
      assert.equal(r.stars, 0, `score ${r.score}, code ${r.code}`);
    });
    test(`${id}: the known-good spec earns three stars`, async () => {
      const r = await runAutoencoder(modelChallenge(id), knownGoodSpec(id));
      assert.equal(r.stars, 3, `score ${r.score}, code ${r.code}, ${r.paramCount} parameters`);
    });
  }
});
