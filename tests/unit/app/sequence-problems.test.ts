/**
 * Sequence layers that do not fit come back in the reader's language under the layer at fault
 * (app/challenges/[id]/problems.ts reading models/shapes-sequence.ts's messages), never as the
 * English original, and their fields' bad values under the field's own name.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createTranslator } from 'next-intl';
import { collectProblems, type Translate } from '../../../app/challenges/[id]/problems';
import { modelChallenge, type ModelChallenge } from '../../../game/challenges';
import type { LayerSpec, ModelSpec } from '../../../models/spec';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOCALES = ['ko', 'en'] as const;
const load = (locale: string) => JSON.parse(readFileSync(join(ROOT, 'app', 'i18n', 'messages', locale, 'train.json'), 'utf8')) as Record<string, unknown>;

function translator(locale: (typeof LOCALES)[number]): Translate {
  const t = createTranslator({ locale, messages: { train: load(locale) }, namespace: 'train', onError: (e) => { throw e; } });
  return t as unknown as Translate;
}

/** A sequence challenge for the editor's rules only: 6 one-hot steps of 4 tokens, 3 classes. */
const gates = modelChallenge('logic-gates');
if (!gates) throw new Error('no logic-gates challenge');
const SEQ: ModelChallenge = { ...gates, inputShape: [6, 4], numClasses: 3, budget: { maxParams: 100_000, maxLayers: 8 } };
const spec = (layers: LayerSpec[]): ModelSpec => ({
  version: 1,
  layers,
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 16, epochs: 5, seed: 1 },
});
const out: LayerSpec = { type: 'dense', units: 3, activation: 'softmax' };

describe('sequence spec problems in both languages', () => {
  for (const locale of LOCALES) {
    const t = translator(locale);
    const under = (layers: LayerSpec[], i: number) => {
      const p = collectProblems(SEQ, spec(layers), t);
      assert.equal(p.valid, false);
      return p.byLayer.get(i) ?? [];
    };

    test(`${locale}: a good sequence model has no problem`, () => {
      const p = collectProblems(SEQ, spec([{ type: 'embedding', outputDim: 4 }, { type: 'lstm', units: 8, returnSequences: false }, out]), t);
      assert.equal(p.valid, true, JSON.stringify([...p.byLayer, ...p.other]));
    });

    test(`${locale}: an LSTM after a layer that returned only its last step`, () => {
      const texts = under([{ type: 'gru', units: 4, returnSequences: false }, { type: 'lstm', units: 4, returnSequences: false }, out], 1);
      assert.deepEqual(texts, [t('problem.needsSequence', { layer: t('layer.lstm'), shape: '4' })]);
    });

    test(`${locale}: embedding not first, conv2d on a sequence, a sequence never reduced`, () => {
      assert.deepEqual(under([{ type: 'lstm', units: 4, returnSequences: true }, { type: 'embedding', outputDim: 4 }, { type: 'lastStep' }, out], 1), [t('problem.embeddingFirst')]);
      assert.deepEqual(
        under([{ type: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' }, { type: 'flatten' }, out], 0),
        [t('problem.imageLayerOnSequence', { layer: t('layer.conv2d'), shape: '6×4' })],
      );
      assert.deepEqual(
        under([{ type: 'selfAttention', heads: 1, keyDim: 4, causal: false, positional: true }, out], 1),
        [t('problem.stillSequence', { classes: 3, shape: '6×3' })],
      );
    });

    test(`${locale}: bad field values under the field's own name`, () => {
      const texts = under([{ type: 'selfAttention', heads: 9, keyDim: 4, causal: false, positional: true }, { type: 'lastStep' }, out], 0);
      assert.deepEqual(texts, [`${t('field.heads')}: ${t('problem.max', { max: 8 })}`]);
    });
  }
});
