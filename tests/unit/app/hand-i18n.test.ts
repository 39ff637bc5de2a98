/**
 * The webcam and model-files panels' catalogues (hand.json, modelFiles.json): registered, the same
 * keys and ICU arguments in Korean and English, every literal key the panels look up present, and a
 * sentence for every reason the panels can give (camera errors, file errors).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from '@formatjs/icu-messageformat-parser';
import { NAMESPACES } from '../../../app/i18n/config';
import { argumentsOf, flatten, loadCatalogue, ROOT, sourceFiles } from './catalogue';

const PANELS = { hand: 'app/components/studio/hand', modelFiles: 'app/components/studio/model-files' } as const;

describe('webcam and model-files catalogues', () => {
  for (const ns of Object.keys(PANELS) as (keyof typeof PANELS)[]) {
    const ko = flatten(loadCatalogue('ko', ns));
    const en = flatten(loadCatalogue('en', ns));

    test(`${ns}: registered, same keys and arguments in ko and en, Korean in Korean`, () => {
      assert.ok((NAMESPACES as readonly string[]).includes(ns));
      assert.deepEqual([...ko.keys()].sort(), [...en.keys()].sort());
      for (const [key, koText] of ko) {
        assert.deepEqual([...argumentsOf(parse(koText))].sort(), [...argumentsOf(parse(en.get(key) as string))].sort(), key);
        assert.match(koText, /[가-힣]/, `${key} in Korean`);
      }
    });

    test(`${ns}: every literal key the panels pass to their translator exists`, () => {
      let checked = 0;
      for (const file of sourceFiles(join(ROOT, PANELS[ns]))) {
        const src = readFileSync(file, 'utf8');
        if (!src.includes(`useTranslations('${ns}')`)) continue;
        for (const call of src.matchAll(/\bt\('([^']+)'/g)) {
          assert.ok(en.has(call[1] as string), `${file.slice(ROOT.length + 1)}: t('${call[1]}') is not in ${ns}.json`);
          checked++;
        }
      }
      assert.ok(checked >= 10, `${checked} keys checked`);
    });
  }

  test('a sentence for every camera error and every model-file error', () => {
    const hand = flatten(loadCatalogue('en', 'hand'));
    for (const e of ['denied', 'noCamera', 'busy', 'insecure', 'unsupported', 'other', 'model']) assert.ok(hand.has(`errors.${e}`), e);
    const files = flatten(loadCatalogue('en', 'modelFiles'));
    const codes = [...readFileSync(join(ROOT, 'models', 'model-files.ts'), 'utf8').matchAll(/\{ code: '(\w+)'/g)].map((m) => m[1] as string);
    assert.ok(codes.length >= 8, `${codes.length} codes in models/model-files.ts`);
    for (const c of [...codes, 'wrongChallenge', 'shapes', 'unreadable']) assert.ok(files.has(`errors.${c}`), c);
  });
});
