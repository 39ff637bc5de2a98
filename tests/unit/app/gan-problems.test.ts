/**
 * The GAN studio's problems (gan-problems.ts): the known-good and default pairs are valid; a
 * problem lands under the model and layer it is about (generator or discriminator), a bad noise
 * size under its field, the discriminator's learning rate under its own field, and what only the
 * game's rules refuse (over the budget) under the editors.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelChallenge } from '../../../game/challenges';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { GanSpec, ModelSpec } from '../../../models/spec';
import { collectGanProblems } from '../../../app/components/studio/gan/gan-problems';

const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ''}`;
const gan = modelChallenge('gan');
const check = (spec: ModelSpec) => collectGanProblems(gan, spec, spec.gan as GanSpec, t);

describe('GAN studio problems', () => {
  test('the default and the known-good pair are valid', () => {
    for (const spec of [defaultSpec('gan'), knownGoodSpec('gan')]) {
      const p = check(spec);
      assert.ok(p.valid, JSON.stringify([...p.generator, ...p.discriminator, ...p.byField, p.other]));
    }
  });

  test('a generator that does not end in 2 values: under its last layer, not the discriminator', () => {
    const base = knownGoodSpec('gan');
    const p = check({ ...base, layers: [...base.layers.slice(0, -1), { type: 'dense', units: 3, activation: 'linear' }] });
    assert.equal(p.valid, false);
    assert.ok(p.generator.has(base.layers.length - 1), [...p.generator.keys()].join());
    assert.equal(p.discriminator.size, 0);
  });

  test('a discriminator layer with 0 units: under that discriminator layer', () => {
    const base = knownGoodSpec('gan');
    const g = base.gan as GanSpec;
    const layers = g.discriminator.layers.map((l, i) => (i === 0 && l.type === 'dense' ? { ...l, units: 0 } : l));
    const p = check({ ...base, gan: { ...g, discriminator: { ...g.discriminator, layers } } });
    assert.equal(p.valid, false);
    assert.ok(p.discriminator.has(0), [...p.discriminator.keys()].join());
    assert.equal(p.generator.size, 0);
  });

  test('noise size, steps and the discriminator learning rate: under their own fields', () => {
    const base = knownGoodSpec('gan');
    const g = base.gan as GanSpec;
    const p = check({ ...base, gan: { ...g, noiseDim: 0, gSteps: 99, discriminator: { ...g.discriminator, optimizer: { ...g.discriminator.optimizer, learningRate: 5 } } } });
    assert.equal(p.valid, false);
    for (const f of ['noiseDim', 'gSteps', 'dLearningRate']) assert.ok(p.byField.has(f), `${f} in ${[...p.byField.keys()].join()}`);
  });

  test('a pair over the parameter budget: refused by the rules, said under the editors', () => {
    const base = knownGoodSpec('gan');
    const wide = { ...base, layers: [{ type: 'dense' as const, units: 200, activation: 'relu' as const }, { type: 'dense' as const, units: 200, activation: 'relu' as const }, ...base.layers.slice(-1)] };
    const p = check(wide);
    assert.equal(p.valid, false);
    assert.equal(p.other.length, 1, p.other.join());
  });
});
