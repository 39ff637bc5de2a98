/**
 * The autoencoder views' catalogue (autoencoder.json): registered, the same keys and ICU arguments
 * in Korean and English, Korean in Korean with the seed texts' terms, and every literal key the
 * views pass to their translator present.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from '@formatjs/icu-messageformat-parser';
import { NAMESPACES } from '../../../app/i18n/config';
import { argumentsOf, flatten, loadCatalogue, ROOT, sourceFiles } from './catalogue';

const DIR = 'app/components/studio/autoencoder';

describe('autoencoder catalogue', () => {
  const ko = flatten(loadCatalogue('ko', 'autoencoder'));
  const en = flatten(loadCatalogue('en', 'autoencoder'));

  test('registered, same keys and arguments in ko and en, Korean in Korean', () => {
    assert.ok((NAMESPACES as readonly string[]).includes('autoencoder'));
    assert.deepEqual([...ko.keys()].sort(), [...en.keys()].sort());
    for (const [key, koText] of ko) {
      assert.deepEqual([...argumentsOf(parse(koText))].sort(), [...argumentsOf(parse(en.get(key) as string))].sort(), key);
      assert.match(koText, /[가-힣]/, `${key} in Korean`);
    }
  });

  test("the seed texts' Korean terms: encoder, decoder, compression, restoring, noise removal, anomaly detection", () => {
    const all = [...ko.values()].join(' ');
    for (const term of ['인코더', '디코더', '압축', '복원', '노이즈', '이상 탐지']) assert.ok(all.includes(term), term);
  });

  test('every literal key the views pass to their translator exists', () => {
    let checked = 0;
    for (const file of sourceFiles(join(ROOT, DIR))) {
      const src = readFileSync(file, 'utf8');
      if (!src.includes("useTranslations('autoencoder')")) continue;
      for (const call of src.matchAll(/\bt\('([^']+)'/g)) {
        assert.ok(en.has(call[1] as string), `${file.slice(ROOT.length + 1)}: t('${call[1]}') is not in autoencoder.json`);
        checked++;
      }
    }
    assert.ok(checked >= 15, `${checked} keys checked`);
  });
});
