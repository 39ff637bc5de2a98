/**
 * Decoder layers and bottlenecks that do not fit come back in the reader's language, under the
 * layer at fault (app/challenges/[id]/problems.ts reading models/shapes-decoder.ts, models/shapes.ts
 * and models/spec-decoder.ts), never as the English original.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createTranslator } from 'next-intl';
import { collectProblems, type Translate } from '../../../app/challenges/[id]/problems';
import { modelChallenge } from '../../../game/challenges';
import { defaultSpec } from '../../../models/presets';
import type { LayerSpec, ModelSpec } from '../../../models/spec';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOCALES = ['ko', 'en'] as const;
const load = (locale: string) => JSON.parse(readFileSync(join(ROOT, 'app', 'i18n', 'messages', locale, 'train.json'), 'utf8')) as Record<string, unknown>;

function translator(locale: (typeof LOCALES)[number]): Translate {
  const t = createTranslator({ locale, messages: { train: load(locale) }, namespace: 'train', onError: (e) => { throw e; } });
  return t as unknown as Translate;
}

const AE = modelChallenge('autoencoder');
const base = defaultSpec('autoencoder');
const spec = (layers: LayerSpec[]): ModelSpec => ({ ...base, layers });

const flatten: LayerSpec = { type: 'flatten' };
const code = (units: number): LayerSpec => ({ type: 'dense', units, activation: 'linear', bottleneck: true });
const dense = (units: number): LayerSpec => ({ type: 'dense', units, activation: 'sigmoid' });
const reshape = (targetShape: number[]): LayerSpec => ({ type: 'reshape', targetShape });
/** Flatten, a code of 16, back to 32×32×1: the shape every case below breaks in one place. */
const good: LayerSpec[] = [flatten, code(16), dense(1024), reshape([32, 32, 1])];

describe('autoencoder spec problems in both languages', () => {
  for (const locale of LOCALES) {
    const t = translator(locale);
    const problems = (layers: LayerSpec[], c = AE) => {
      const p = collectProblems(c, spec(layers), t);
      assert.equal(p.valid, false);
      return p;
    };
    const under = (layers: LayerSpec[], i: number) => problems(layers).byLayer.get(i) ?? [];

    test(`${locale}: the reference shape has no problem`, () => {
      const p = collectProblems(AE, spec(good), t);
      assert.equal(p.valid, true, JSON.stringify([...p.byLayer, ...p.other]));
    });

    test(`${locale}: an up-sampling or transposed convolution on the flat code`, () => {
      assert.deepEqual(under([flatten, code(16), { type: 'upSampling2d', size: 2 }, reshape([32, 32, 1])], 2), [
        t('problem.decoderNeedsImage', { layer: t('layer.upSampling2d'), shape: '16' }),
      ]);
      const transposed: LayerSpec = { type: 'conv2dTranspose', filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid' };
      assert.deepEqual(under([flatten, code(16), transposed], 2), [t('problem.decoderNeedsImage', { layer: t('layer.conv2dTranspose'), shape: '16' })]);
    });

    test(`${locale}: a reshape of the wrong size, and one to a sequence`, () => {
      assert.deepEqual(under([flatten, code(16), dense(1000), reshape([32, 32, 1])], 3), [
        t('problem.reshapeCount', { target: '32×32×1', need: '1024', got: '1000', shape: '1000' }),
      ]);
      assert.deepEqual(under([flatten, code(16), dense(1024), reshape([32, 32])], 3), [t('problem.reshapeSequence', { target: '32×32' })]);
    });

    test(`${locale}: a bottleneck on an image, and a last layer that is not the photo's shape`, () => {
      assert.deepEqual(under([code(16), flatten, dense(1024), reshape([32, 32, 1])], 0), [t('problem.bottleneckFlat', { shape: '32×32×1' })]);
      assert.deepEqual(under([flatten, code(16), dense(1024)], 2), [t('problem.rebuildShape', { target: '32×32×1', shape: '1024' })]);
    });

    test(`${locale}: no bottleneck, two of them, one at the end, one outside an autoencoder`, () => {
      assert.deepEqual(problems([flatten, dense(16), dense(1024), reshape([32, 32, 1])]).other, [t('problem.noBottleneck')]);
      assert.deepEqual(under([flatten, code(64), code(16), dense(1024), reshape([32, 32, 1])], 2), [t('problem.bottleneckTwice')]);
      // A bottleneck at the end outputs a flat code, never the photo: the shape is what to fix first.
      assert.deepEqual(under([flatten, dense(1024), reshape([32, 32, 1]), flatten, code(16)], 4), [t('problem.rebuildShape', { target: '32×32×1', shape: '16' })]);
      const digits = modelChallenge('sign-digits');
      const classifier = [...defaultSpec('sign-digits').layers];
      const last = classifier.length - 1;
      classifier[last] = { ...(classifier[last] as Extract<LayerSpec, { type: 'dense' }>), bottleneck: true };
      assert.deepEqual(problems(classifier, digits).byLayer.get(last), [t('problem.bottleneckNotHere')]);
    });

    if (locale === 'ko') {
      test('ko: none of these reads as the English original', () => {
        const cases: LayerSpec[][] = [
          [flatten, code(16), { type: 'upSampling2d', size: 2 }, reshape([32, 32, 1])],
          [flatten, code(16), dense(1000), reshape([32, 32, 1])],
          [flatten, dense(16), dense(1024), reshape([32, 32, 1])],
          [flatten, code(16), dense(1024)],
        ];
        for (const layers of cases) {
          const p = problems(layers);
          const texts = [...[...p.byLayer.values()].flat(), ...p.other];
          assert.ok(texts.length > 0);
          for (const text of texts) assert.doesNotMatch(text, /needs|must|bottleneck/, text);
        }
      });
    }
  }
});
