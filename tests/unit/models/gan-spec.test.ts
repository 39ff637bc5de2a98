import assert from 'node:assert/strict';
import { describe, test as it } from 'node:test';
import { parseModelSpec, type GanSpec, type LayerSpec, type OptimizerSpec } from '../../../models/spec';

const discriminator: { layers: LayerSpec[]; optimizer: OptimizerSpec } = {
  layers: [
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'dense', units: 1, activation: 'sigmoid' },
  ],
  optimizer: { type: 'adam', learningRate: 0.002 },
};
const gan: GanSpec = { noiseDim: 2, dSteps: 1, gSteps: 1, discriminator };
const spec = {
  version: 1,
  layers: [
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'dense', units: 2, activation: 'linear' },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.002 }, batchSize: 64, epochs: 10, seed: 1 },
  gan,
};

describe('the gan block of the model spec', () => {
  it('accepts a generator with a discriminator and keeps the block', () => {
    const parsed = parseModelSpec(spec);
    assert.ok(parsed.ok);
    assert.equal(parsed.spec.gan?.discriminator.layers.length, 2);
  });

  it('stays optional: a spec without it parses as before', () => {
    const { gan: _, ...plain } = spec;
    const parsed = parseModelSpec(plain);
    assert.ok(parsed.ok);
    assert.equal(parsed.spec.gan, undefined);
  });

  it('names the bad field of the block', () => {
    const bad = { ...spec, gan: { ...gan, noiseDim: 0, discriminator: { ...discriminator, optimizer: { type: 'adam', learningRate: 5 } } } };
    const parsed = parseModelSpec(bad);
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.issues.map((i) => i.path).sort(), ['gan.discriminator.optimizer.learningRate', 'gan.noiseDim']);
    assert.match(parsed.issues[0]?.message ?? '', /got/);
  });

  it('refuses unknown keys in the block', () => {
    const parsed = parseModelSpec({ ...spec, gan: { ...gan, points: [1, 2] } });
    assert.ok(!parsed.ok);
    assert.equal(parsed.issues[0]?.path, 'gan');
  });
});
