/**
 * The `boss` catalogue: the same ICU arguments in Korean and English, a line for every kind of hit,
 * and the lines render the numbers lineText gives them in both languages.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { errorMessageKey } from '../../../app/components/errors/codes';
import { lineText } from '../../../app/components/boss/boss-view';
import type { BossLine } from '../../../game/boss/rules';
import { argumentsOf, flatten, loadCatalogue } from './catalogue';

const load = (locale: string) => loadCatalogue(locale, 'boss');

const LINES: BossLine[] = ['memorized', 'underfit', 'defeated', 'scratched'];

describe('boss catalogue', () => {
  const ko = flatten(load('ko'));
  const en = flatten(load('en'));
  test('same keys in both languages', () => assert.deepEqual([...ko.keys()].sort(), [...en.keys()].sort()));
  test('every message takes the same arguments in both languages', () => {
    for (const [key, text] of en) {
      assert.deepEqual([...argumentsOf(parse(ko.get(key) ?? ''))].sort(), [...argumentsOf(parse(text))].sort(), key);
    }
  });
  test('a line for every kind of hit', () => {
    for (const line of [...LINES, 'defeatedNoGap']) for (const c of [ko, en]) assert.ok(c.has(`line.${line}`), line);
  });
  test('error keys exist for the codes the boss screens explain, and a fallback', () => {
    const has = (key: string) => key.startsWith('boss.') && en.has(key.slice('boss.'.length));
    for (const code of ['boss/revealed', 'boss/not_yours', 'boss/too_many_selected', 'boss/nothing_to_reveal', 'round/not_ended', 'round/already_revealed', 'something/else']) {
      assert.match(errorMessageKey(code, has, 'boss'), /^boss\.errors\./, code);
    }
    assert.equal(errorMessageKey('something/else', has, 'boss'), 'boss.errors.unknown');
  });
  test('the memorizer line quotes train and test in both languages', () => {
    const values = lineText({ train: 1, private: 0.61, gap: 0.39, hit: { damage: 0, heal: 3.9, health: 100, line: 'memorized' } });
    const tEn = createTranslator({ locale: 'en', messages: { boss: load('en') }, namespace: 'boss' });
    const tKo = createTranslator({ locale: 'ko', messages: { boss: load('ko') }, namespace: 'boss' });
    const text = tEn(`line.${values.key}`, values.values);
    assert.match(text, /memorized the training set: train 100 %, test 61 %/);
    assert.match(text, /39-point gap heals me by 4/);
    const textKo = tKo(`line.${values.key}`, values.values);
    assert.match(textKo, /훈련 100%, 테스트 61%/);
  });
});
