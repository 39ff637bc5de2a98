import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { NAMESPACES, pickLocale } from '../../../app/i18n/config';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The merged catalogue of a locale, as app/i18n/request.ts builds it. */
const catalogue = (locale: string): unknown =>
  Object.fromEntries(
    NAMESPACES.map((ns) => [ns, JSON.parse(readFileSync(join(ROOT, 'app', 'i18n', 'messages', locale, `${ns}.json`), 'utf8'))]),
  );

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogues', () => {
  test('Korean and English have exactly the same keys, none empty', () => {
    const ko = keys(catalogue('ko')).sort();
    const en = keys(catalogue('en')).sort();
    assert.deepEqual(ko, en);
    assert.ok(ko.length > 100, `${ko.length} keys`);
    for (const locale of ['ko', 'en']) {
      const flat = keys(catalogue(locale));
      for (const key of flat) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue(locale));
        assert.ok(typeof value === 'string' && value.trim().length > 0, `${locale}: ${key}`);
      }
    }
  });
});

describe('pickLocale', () => {
  const CASES: Array<[string | undefined, string | null, 'ko' | 'en']> = [
    [undefined, null, 'ko'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'ko-KR,ko;q=0.9,en-US;q=0.8', 'ko'],
    [undefined, 'en-US,ko;q=0.5', 'en'],
    [undefined, 'fr-FR', 'ko'],
    ['en', 'ko-KR', 'en'],
    ['ko', 'en-US', 'ko'],
    ['de', 'en-US', 'en'],
  ];
  for (const [cookie, header, expected] of CASES) {
    test(`cookie ${cookie ?? '-'} / Accept-Language ${header ?? '-'} → ${expected}`, () => {
      assert.equal(pickLocale(cookie, header), expected);
    });
  }
});
