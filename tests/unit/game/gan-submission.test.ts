/**
 * What a GAN submission may be (game/gan-submission.ts through validateSubmission): two models
 * from one spec, each named in its own refusals; non-GAN challenges refuse the gan block.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelChallenge } from '../../../game/challenges';
import { validateSubmission, type SubmissionCheck } from '../../../game/submission';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import { ganSpec } from '../../../models/presets-gan';
import type { LayerSpec, ModelSpec } from '../../../models/spec';

const gan = modelChallenge('gan');
const good = () => knownGoodSpec('gan');
const dense = (units: number, activation: 'relu' | 'linear' | 'sigmoid' | 'softmax' = 'relu'): LayerSpec => ({ type: 'dense', units, activation });
const withDiscriminator = (spec: ModelSpec, layers: LayerSpec[]): ModelSpec => ({ ...spec, gan: { ...spec.gan!, discriminator: { ...spec.gan!.discriminator, layers } } });

function refusal(check: SubmissionCheck): { code: string; path: string; message: string } {
  assert.equal(check.ok, false, 'refused');
  if (check.ok) throw new Error('unreachable');
  return { code: check.error.code, path: check.error.issues[0]?.path ?? '', message: `${check.error.message} | ${check.error.issues[0]?.message ?? ''}` };
}

describe('GAN submissions', () => {
  test('the presets pass; the parameter count is both models together', () => {
    for (const spec of [defaultSpec('gan'), good()]) {
      const check = validateSubmission(gan, spec);
      assert.ok(check.ok, check.ok ? '' : check.error.message);
      assert.ok(check.shapes.totalParams <= gan.budget.maxParams);
    }
    const check = validateSubmission(gan, good());
    // Generator 2-64-64-2 and discriminator 2-64-64-1.
    assert.equal(check.ok && check.shapes.totalParams, 192 + 4160 + 130 + 192 + 4160 + 65);
  });

  test('a spec without the gan block is refused, naming it', () => {
    const { gan: _, ...plain } = good();
    const r = refusal(validateSubmission(gan, plain));
    assert.deepEqual([r.code, r.path], ['spec/invalid', 'gan']);
    assert.match(r.message, /discriminator/);
  });

  test('other challenges refuse a gan block', () => {
    const spec = { ...defaultSpec('depth-width'), gan: good().gan };
    const r = refusal(validateSubmission(modelChallenge('depth-width'), spec));
    assert.deepEqual([r.code, r.path], ['spec/invalid', 'gan']);
  });

  test('the generator must end in 2 units, the discriminator in 1 sigmoid', () => {
    const g3 = refusal(validateSubmission(gan, { ...good(), layers: [dense(16), dense(3, 'linear')] }));
    assert.deepEqual([g3.code, g3.path], ['spec/invalid', 'layers.1']);
    assert.match(g3.message, /output 2 values \(an x, y point\), got 3/);
    const d2 = refusal(validateSubmission(gan, withDiscriminator(good(), [dense(16), dense(2, 'softmax')])));
    assert.deepEqual([d2.code, d2.path], ['spec/invalid', 'gan.discriminator.layers.1']);
    assert.match(d2.message, /output 1 values/);
    const linear = refusal(validateSubmission(gan, withDiscriminator(good(), [dense(16), dense(1, 'linear')])));
    assert.equal(linear.path, 'gan.discriminator.layers.1');
    assert.match(linear.message, /sigmoid/);
  });

  test('bad gan fields are named by the spec check', () => {
    const spec = good();
    const r = refusal(validateSubmission(gan, { ...spec, gan: { ...spec.gan!, noiseDim: 0 } }));
    assert.deepEqual([r.code, r.path], ['spec/invalid', 'gan.noiseDim']);
    const d = refusal(validateSubmission(gan, { ...spec, gan: { ...spec.gan!, discriminator: { ...spec.gan!.discriminator, optimizer: { type: 'adam', learningRate: 0 } } } }));
    assert.equal(d.path, 'gan.discriminator.optimizer.learningRate');
  });

  test('each model within the layer limit and the layer types; both within the parameter budget', () => {
    const deep = Array.from({ length: 8 }, () => dense(4));
    const gDeep = refusal(validateSubmission(gan, { ...good(), layers: [...deep, dense(2, 'linear')] }));
    assert.deepEqual([gDeep.code, gDeep.path], ['submission/too_many_layers', 'layers']);
    assert.match(gDeep.message, /generator has 9 layers/);
    const dDeep = refusal(validateSubmission(gan, withDiscriminator(good(), [...deep, dense(1, 'sigmoid')])));
    assert.deepEqual([dDeep.code, dDeep.path], ['submission/too_many_layers', 'gan.discriminator.layers']);
    const conv = refusal(validateSubmission(gan, { ...good(), layers: [{ type: 'flatten' }, dense(2, 'linear')] }));
    assert.deepEqual([conv.code, conv.path], ['spec/invalid', 'layers.0']);
    const big = ganSpec({ generator: [128, 128], discriminator: [128, 128], gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 64, epochs: 10 });
    const over = refusal(validateSubmission(gan, big));
    assert.equal(over.code, 'submission/over_budget');
    assert.match(over.message, /generator \(\d+\) and discriminator \(\d+\)/);
  });

  test('early stopping and augmentation are refused for a GAN', () => {
    const spec = good();
    assert.equal(refusal(validateSubmission(gan, { ...spec, training: { ...spec.training, earlyStopping: { patience: 3 } } })).path, 'training.earlyStopping');
    assert.equal(refusal(validateSubmission(gan, { ...spec, training: { ...spec.training, augment: { shift: 0.1, rotate: 0, zoom: 0, brightness: 0 } } })).path, 'training.augment');
  });
});
