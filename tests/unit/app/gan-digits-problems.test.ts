/**
 * The GAN studio's problems on the digit GAN (gan-problems.ts with gan-digits' ganIO): both presets
 * are valid; a generator that does not end in one 16×16×1 photo is told so under its last layer
 * (the GAN's own words, not the class-count or autoencoder ones); Conv2D on the noise is told it
 * needs an image, not that the input is a point; a discriminator problem stays under the
 * discriminator.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelChallenge } from '../../../game/challenges';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { GanSpec, LayerSpec, ModelSpec } from '../../../models/spec';
import { collectGanProblems } from '../../../app/components/studio/gan/gan-problems';

const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ''}`;
const tg = (key: string, values?: Record<string, string | number>) => `gan:${t(key, values)}`;
const digits = modelChallenge('gan-digits');
const check = (spec: ModelSpec) => collectGanProblems(digits, spec, spec.gan as GanSpec, t, tg);
const all = (p: ReturnType<typeof check>) => JSON.stringify([...p.generator, ...p.discriminator, ...p.byField, p.other]);

describe('GAN studio problems on the digit GAN', () => {
  test('the default and the known-good pair are valid', () => {
    for (const spec of [defaultSpec('gan-digits'), knownGoodSpec('gan-digits')]) {
      const p = check(spec);
      assert.ok(p.valid, all(p));
      assert.equal(p.generator.size + p.discriminator.size + p.byField.size + p.other.length, 0, all(p));
    }
  });

  test('a generator ending in two channels: the photo it must make, under its last layer', () => {
    const base = knownGoodSpec('gan-digits');
    const last = base.layers.length - 1;
    const layers = base.layers.map((l, i): LayerSpec => (i === last && l.type === 'conv2d' ? { ...l, filters: 2 } : l));
    const p = check({ ...base, layers });
    assert.equal(p.valid, false);
    assert.deepEqual(p.generator.get(last), ['gan:digits.problem.generatorOutput{"target":"16×16×1","shape":"16×16×2"}']);
    assert.equal(p.generator.size, 1);
    assert.equal(p.discriminator.size, 0);
  });

  test('a flat generator (no reshape): told under its last layer, with its flat shape', () => {
    const base = defaultSpec('gan-digits');
    const p = check({ ...base, layers: base.layers.slice(0, -1) });
    assert.equal(p.valid, false);
    assert.deepEqual(p.generator.get(base.layers.length - 2), ['gan:digits.problem.generatorOutput{"target":"16×16×1","shape":"256"}']);
  });

  test('Conv2D straight on the noise: it needs an image (the noise is 26 numbers), not "the input is a point"', () => {
    const base = knownGoodSpec('gan-digits');
    const conv: LayerSpec = { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' };
    const p = check({ ...base, layers: [conv, ...base.layers] });
    assert.equal(p.valid, false);
    assert.deepEqual(p.generator.get(0), ['problem.convNeedsImage{"shape":"26"}']);
  });

  test('a discriminator without its sigmoid: under the discriminator, the generator clean', () => {
    const base = knownGoodSpec('gan-digits');
    const g = base.gan as GanSpec;
    const dl = g.discriminator.layers;
    const layers = dl.map((l, i): LayerSpec => (i === dl.length - 1 && l.type === 'dense' ? { ...l, units: 2 } : l));
    const p = check({ ...base, gan: { ...g, discriminator: { ...g.discriminator, layers } } });
    assert.equal(p.valid, false);
    assert.ok(p.discriminator.has(dl.length - 1), all(p));
    assert.equal(p.generator.size, 0, all(p));
  });

  test('the noise size out of range: under its field', () => {
    const base = knownGoodSpec('gan-digits');
    const p = check({ ...base, gan: { ...(base.gan as GanSpec), noiseDim: 99 } });
    assert.equal(p.valid, false);
    assert.ok(p.byField.has('noiseDim'), all(p));
  });
});
