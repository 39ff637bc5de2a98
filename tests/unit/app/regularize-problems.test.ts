/**
 * Bad values in the tools against overfitting come back as field errors in both languages, placed
 * under the control they belong to (a layer's L1/L2, patience, each augmentation slider), and every
 * literal key the new controls pass to the 'train' translator exists in both catalogues.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createTranslator } from 'next-intl';
import { collectProblems, type Translate } from '../../../app/challenges/[id]/problems';
import { modelChallenge } from '../../../game/challenges';
import { defaultSpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOCALES = ['ko', 'en'] as const;
const load = (locale: string) => JSON.parse(readFileSync(join(ROOT, 'app', 'i18n', 'messages', locale, 'train.json'), 'utf8')) as Record<string, unknown>;

/** The studio's 'train' translator; throws on a missing key or argument. */
function translator(locale: (typeof LOCALES)[number]): Translate {
  const t = createTranslator({ locale, messages: { train: load(locale) }, namespace: 'train', onError: (e) => { throw e; } });
  return t as unknown as Translate;
}

const sign = modelChallenge('sign-01');
const base = defaultSpec('sign-01');
const withTraining = (training: Partial<ModelSpec['training']>): ModelSpec => ({ ...base, training: { ...base.training, ...training } });
const AUGMENT = { shift: 0.1, rotate: 10, zoom: 0.1, brightness: 0.1 };

describe('problems of the tools against overfitting', () => {
  for (const locale of LOCALES) {
    const t = translator(locale);
    const max = locale === 'en' ? /at most/ : /이하/;

    test(`${locale}: L2 above 0.1 and a blank L1 are errors under their layer`, () => {
      const layers = base.layers.map((l) => (l.type === 'dense' ? { ...l, l2: 0.5, l1: NaN } : l));
      const p = collectProblems(sign, { ...base, layers }, t);
      const i = layers.findIndex((l) => l.type === 'dense');
      const texts = p.byLayer.get(i) ?? [];
      assert.equal(p.valid, false);
      assert.ok(texts.some((m) => m.startsWith('L2: ') && max.test(m) && m.includes('0.1')), texts.join(' | '));
      assert.ok(texts.some((m) => m.startsWith('L1: ') && m === `L1: ${t('problem.notNumber')}`), texts.join(' | '));
    });

    test(`${locale}: patience 0, past 50, and blank`, () => {
      const min = collectProblems(sign, withTraining({ earlyStopping: { patience: 0 } }), t).byField.get('patience');
      assert.deepEqual(min, [t('problem.min', { min: 1 })]);
      const big = collectProblems(sign, withTraining({ earlyStopping: { patience: 51 } }), t).byField.get('patience');
      assert.deepEqual(big, [t('problem.max', { max: 50 })]);
      const blank = collectProblems(sign, withTraining({ earlyStopping: { patience: NaN } }), t);
      assert.deepEqual(blank.byField.get('patience'), [t('problem.notNumber')]);
      assert.equal(blank.valid, false);
    });

    test(`${locale}: each augmentation value past its limit is an error under its slider`, () => {
      const past = { shift: 0.3, rotate: 31, zoom: 0.31, brightness: 0.6 };
      const p = collectProblems(sign, withTraining({ augment: past }), t);
      assert.deepEqual(p.byField.get('shift'), [t('problem.max', { max: 0.25 })]);
      assert.deepEqual(p.byField.get('rotate'), [t('problem.max', { max: 30 })]);
      assert.deepEqual(p.byField.get('zoom'), [t('problem.max', { max: 0.3 })]);
      assert.deepEqual(p.byField.get('brightness'), [t('problem.max', { max: 0.5 })]);
    });

    test(`${locale}: sensible settings are valid; augmentation on 2-D points is refused in words`, () => {
      const good = withTraining({ earlyStopping: { patience: 3 }, augment: AUGMENT });
      const layers = good.layers.map((l) => (l.type === 'dense' ? { ...l, l2: 0.001 } : l));
      assert.equal(collectProblems(sign, { ...good, layers }, t).valid, true);
      const points = defaultSpec('depth-width');
      const p = collectProblems(modelChallenge('depth-width'), { ...points, training: { ...points.training, augment: AUGMENT } }, t);
      assert.equal(p.valid, false);
      assert.deepEqual(p.other, [t('problem.augmentNoImages')]);
    });
  }

  test('the two languages say different things (the Korean is not the English)', () => {
    const [ko, en] = LOCALES.map((l) => collectProblems(sign, withTraining({ earlyStopping: { patience: 51 } }), translator(l)).byField.get('patience')?.[0]);
    assert.ok(ko && en && ko !== en, `${ko} / ${en}`);
  });
});

describe('keys the new controls use', () => {
  const DIR = join(ROOT, 'app', 'challenges', '[id]', 'regularize');
  const files = [...readdirSync(DIR).filter((f) => f.endsWith('.tsx')).map((f) => join(DIR, f)), join(ROOT, 'app', 'challenges', '[id]', 'LayerEditor.tsx'), join(ROOT, 'app', 'challenges', '[id]', 'TrainingPanel.tsx')];

  for (const locale of LOCALES) {
    test(`${locale}: every literal t('…') key in regularize/, LayerEditor and TrainingPanel exists`, () => {
      const messages = load(locale);
      const has = (key: string) => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), messages) !== undefined;
      let checked = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        // Components under useTranslations('train.augment') etc. use keys relative to that prefix.
        const prefix = /useTranslations\('train\.(\w+)'\)/.exec(text)?.[1];
        for (const m of text.matchAll(/\bt\('([\w.]+)'/g)) {
          const key = m[1] as string;
          assert.ok(has(key) || (prefix !== undefined && has(`${prefix}.${key}`)), `${locale}: ${file.split('/').pop()} uses ${key}`);
          checked++;
        }
      }
      assert.ok(checked > 20, `${checked} keys checked`);
    });
  }
});
