/**
 * The GAN studio's catalogue (gan.json): registered, the same keys and ICU arguments in Korean and
 * English, Korean in Korean, and every literal key the studio's components look up present (in the
 * 'gan' namespace or one of its sections), with a name for every target the chooser offers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from '@formatjs/icu-messageformat-parser';
import { GAN_TARGET_IDS } from '../../../game/gan-data';
import { NAMESPACES } from '../../../app/i18n/config';
import { argumentsOf, flatten, loadCatalogue, ROOT, sourceFiles } from './catalogue';

const DIR = join(ROOT, 'app/components/studio/gan');

describe('GAN studio catalogue', () => {
  const ko = flatten(loadCatalogue('ko', 'gan'));
  const en = flatten(loadCatalogue('en', 'gan'));

  test('registered, same keys and arguments in ko and en, Korean in Korean', () => {
    assert.ok((NAMESPACES as readonly string[]).includes('gan'));
    assert.deepEqual([...ko.keys()].sort(), [...en.keys()].sort());
    for (const [key, koText] of ko) {
      assert.deepEqual([...argumentsOf(parse(koText))].sort(), [...argumentsOf(parse(en.get(key) as string))].sort(), key);
      assert.match(koText, /[가-힣]/, `${key} in Korean`);
    }
  });

  test('every literal key the components pass to a gan translator exists', () => {
    let checked = 0;
    for (const file of sourceFiles(DIR)) {
      const src = readFileSync(file, 'utf8');
      // Each translator variable bound to the gan namespace (or a section of it), with its prefix.
      for (const bind of src.matchAll(/const (\w+) = useTranslations\('(gan(?:\.\w+)?)'\)/g)) {
        const [, name, ns] = bind as unknown as [string, string, string];
        const prefix = ns === 'gan' ? '' : `${ns.slice(4)}.`;
        for (const call of src.matchAll(new RegExp(`\\b${name}\\('([^']+)'`, 'g'))) {
          assert.ok(en.has(prefix + (call[1] as string)), `${file.slice(ROOT.length + 1)}: ${name}('${call[1]}') is not in gan.json`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 30, `${checked} keys checked`);
  });

  test('a name for every target, the drawn one too, and both losses', () => {
    for (const id of [...GAN_TARGET_IDS, 'drawn']) assert.ok(en.has(`targets.name.${id}`), id);
    for (const l of ['categoricalCrossentropy', 'meanSquaredError']) assert.ok(ko.has(`schedule.lossName.${l}`), l);
  });
});
