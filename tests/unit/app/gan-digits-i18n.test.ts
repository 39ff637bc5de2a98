/**
 * The digit GAN studio's words (gan.json's "digits"): every literal key its components pass to a
 * gan translator exists (gan, gan.digits or gan.digits.live), the problem gan-problems.ts looks up
 * by name too, in both languages with the same arguments; and the Korean uses the project's terms
 * (생성 모델, 판별 모델, 조건부 GAN, 노이즈 as the rest of gan.json does).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from '@formatjs/icu-messageformat-parser';
import { argumentsOf, flatten, loadCatalogue, ROOT, sourceFiles } from './catalogue';

const DIR = join(ROOT, 'app/components/studio/gan-digits');

describe('digit GAN studio catalogue', () => {
  const ko = flatten(loadCatalogue('ko', 'gan'));
  const en = flatten(loadCatalogue('en', 'gan'));

  test('every literal key the studio passes to a gan translator exists, in both languages', () => {
    let checked = 0;
    for (const file of sourceFiles(DIR)) {
      const src = readFileSync(file, 'utf8');
      for (const bind of src.matchAll(/const (\w+) = useTranslations\('(gan(?:\.\w+)*)'\)/g)) {
        const [, name, ns] = bind as unknown as [string, string, string];
        const prefix = ns === 'gan' ? '' : `${ns.slice(4)}.`;
        for (const call of src.matchAll(new RegExp(`\\b${name}\\('([^']+)'`, 'g'))) {
          const key = prefix + (call[1] as string);
          assert.ok(en.has(key) && ko.has(key), `${file.slice(ROOT.length + 1)}: ${name}('${call[1]}') is not in gan.json`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 15, `${checked} keys checked`);
  });

  test('the generator-output problem (looked up by gan-problems.ts) has the same arguments in ko and en', () => {
    const key = 'digits.problem.generatorOutput';
    assert.deepEqual([...argumentsOf(parse(ko.get(key) ?? ''))].sort(), ['shape', 'target']);
    assert.deepEqual([...argumentsOf(parse(en.get(key) ?? ''))].sort(), ['shape', 'target']);
  });

  test("the editors' inputs say what each model is given; the Korean uses the project's terms", () => {
    assert.match(en.get('digits.generator.input') ?? '', /noise.*\+ the digit asked for/);
    assert.match(en.get('digits.discriminator.input') ?? '', /\{side\}×\{side\} photo \+ the digit it should be/);
    assert.match(ko.get('digits.generator.input') ?? '', /노이즈.*요청한 숫자/);
    assert.match(ko.get('digits.discriminator.input') ?? '', /사진.*보여야 할 숫자/);
    assert.match(ko.get('digits.generator.help') ?? '', /조건부 GAN/);
    const koDigits = [...ko].filter(([k]) => k.startsWith('digits.')).map(([, v]) => v).join('\n');
    assert.match(koDigits, /생성 모델/);
    assert.match(koDigits, /판별 모델/);
    assert.doesNotMatch(koDigits, /잡음/, 'gan.json says 노이즈 for noise');
  });
});
