/**
 * The app's error words against the protocol's error catalogue (protocol/codes.ts): every code the
 * catalogue names has a sentence in Korean and in English, no place in the app names or explains a
 * code the catalogue lacks, the catalogue is exactly what server/ and game/ can send, and no page
 * shows a raw code or the server's English text (issue 16, finding 3; issue 14).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { createTranslator } from 'next-intl';
import { ERROR_CONTEXTS, errorMessageKey, keyOf, type ErrorContextName } from '../../../app/components/errors/codes';
import { NAMESPACES } from '../../../app/i18n/config';
import { CLIENT_ERROR_CODES, ERROR_CODES, SERVER_ERROR_CODES, SERVER_ERROR_CODES_BY_DOMAIN } from '../../../protocol/codes';
import { flatten, loadCatalogue, ROOT, sourceFiles } from './catalogue';

const LITERAL = /'([a-z]+\/[a-z_]+)'/g;
/** Domains a code-like literal in the app belongs to: the catalogue's, and the browser's own. */
const DOMAINS = new Set<string>([...Object.keys(SERVER_ERROR_CODES_BY_DOMAIN), 'client']);
const isCatalogued = (code: string) => (ERROR_CODES as readonly string[]).includes(code);

/** Code text without comments (they quote other things: 'asia/seoul' → 'Asia/Seoul') or imports. */
const codeOf = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1')
    .replace(/^import .*$/gm, '');

function literalsIn(dirs: string[], pattern: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of dirs.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    for (const m of codeOf(file).matchAll(pattern)) {
      const code = m[1] as string;
      if (code !== 'text/plain' && !found.has(code)) found.set(code, relative(ROOT, file));
    }
  }
  return found;
}

/** Every message of a locale, keyed namespace.key as next-intl addresses them. */
const messages = (locale: string) => Object.fromEntries(NAMESPACES.map((ns) => [ns, loadCatalogue(locale, ns)]));
const flat = (locale: string): Map<string, string> => new Map(NAMESPACES.flatMap((ns) => [...flatten(loadCatalogue(locale, ns))].map(([k, v]) => [`${ns}.${k}`, v] as const)));

describe('error codes and their sentences', () => {
  test('the catalogue is exactly the codes the server and the game rules can send', () => {
    const sent = literalsIn(['server', 'game'], LITERAL);
    assert.ok(sent.size > 50, `${sent.size} codes found in the sources`);
    const listed = new Set<string>(SERVER_ERROR_CODES);
    const missing = [...sent].filter(([c]) => !listed.has(c)).map(([c, f]) => `${c} (${f})`);
    assert.deepEqual(missing, [], 'codes server/ or game/ send that protocol/codes.ts does not list');
    assert.deepEqual([...listed].filter((c) => !sent.has(c)), [], 'catalogued codes nothing sends any more');
    for (const [domain, codes] of Object.entries(SERVER_ERROR_CODES_BY_DOMAIN)) {
      for (const c of codes) assert.ok(c.startsWith(`${domain}/`), `${c} under ${domain}`);
    }
    assert.equal(new Set(ERROR_CODES).size, ERROR_CODES.length, 'no code twice');
  });

  test('no list or check in app/ names a code the catalogue does not have', () => {
    const named = [...literalsIn(['app'], LITERAL)].filter(([c]) => DOMAINS.has(c.split('/')[0] as string));
    assert.ok(named.some(([c]) => c === 'room/kicked'), 'the scan sees the room pages');
    assert.deepEqual(named.filter(([c]) => !isCatalogued(c)).map(([c, f]) => `${c} (${f})`), []);
    const made = literalsIn(['app'], /code: '([a-z]+\/[a-z_]+)'/g);
    for (const c of CLIENT_ERROR_CODES) assert.ok(made.has(c), `${c} is made somewhere in app/`);
  });

  for (const locale of ['ko', 'en']) {
    test(`${locale}: a sentence for every catalogued code, a generic one for the rest, and no stale ones`, () => {
      const errors = flatten(loadCatalogue(locale, 'errors'));
      const wanted = [...ERROR_CODES.map(keyOf), 'unknown'];
      for (const key of wanted) assert.ok((errors.get(key) ?? '').trim().length > 0, `${locale} errors.${key}`);
      assert.deepEqual([...errors.keys()].filter((k) => !wanted.includes(k)), []);
    });

    test(`${locale}: each place's own sentences are for catalogued codes only, and no code shows through`, () => {
      const all = flat(locale);
      const keys = new Set(ERROR_CODES.map(keyOf));
      for (const [name, prefix] of Object.entries(ERROR_CONTEXTS)) {
        const own = [...all.keys()].filter((k) => k.startsWith(`${prefix}.`)).map((k) => k.slice(prefix.length + 1));
        assert.ok(own.length >= 3, `${name} has its own sentences (${prefix})`);
        assert.deepEqual(own.filter((k) => k !== 'unknown' && !keys.has(k)), [], `${locale} ${prefix}: sentences for codes nothing sends`);
      }
      const t = createTranslator({ locale, messages: messages(locale) }) as unknown as (key: string) => string;
      const has = (key: string) => all.has(key);
      const contexts: Array<ErrorContextName | undefined> = [undefined, ...(Object.keys(ERROR_CONTEXTS) as ErrorContextName[])];
      for (const context of contexts) {
        for (const code of [...ERROR_CODES, 'made/up_code']) {
          const key = errorMessageKey(code, has, context);
          assert.ok(all.has(key), `${locale} ${context ?? 'general'} ${code}: ${key}`);
          const text = t(key);
          assert.ok(text.length > 5 && !text.includes(code) && !/\b[a-z]+\/[a-z_]+\b/.test(text), `${locale} ${context ?? 'general'} ${code}: ${text}`);
          if (locale === 'ko') assert.match(text, /[가-힣]/, `${code} in Korean`);
        }
      }
    });
  }

  test("a place's own sentence where it has one, the general one for other codes, a generic one for unknown codes", () => {
    const all = flat('en');
    const has = (key: string) => all.has(key);
    assert.equal(errorMessageKey('made/up_code', has), 'errors.unknown');
    assert.equal(errorMessageKey('made/up_code', has, 'train'), 'train.errors.unknown');
    assert.equal(errorMessageKey('made/up_code', has, 'nickname'), 'errors.unknown');
    assert.equal(errorMessageKey('room/not_found', has, 'train'), 'errors.room_not_found');
    assert.equal(errorMessageKey('rate/limited', has, 'nickname'), 'common.nicknameError.rate_limited');
    assert.equal(errorMessageKey('spec/invalid', has, 'train'), 'train.errors.spec_invalid');
    // A key that merely looks like a code's is not used for a string that is no catalogued code.
    assert.equal(errorMessageKey('train/errors', () => true, 'train'), 'train.errors.unknown');
  });

  test('no page renders an error\'s code or message as text (data-code attributes are fine)', () => {
    // {error.code} or {error.message} as text, or a code passed into a message ({ code: error.code }).
    const shown = /[^=]\{\s*[\w.?]*[eE]rror\??\.(code|message)\s*\}|\{[^}]*\b\w*[eE]rror\??\.message\b|code: [\w.?]*[eE]rror\??\.code/;
    const files = sourceFiles(join(ROOT, 'app')).filter((f) => f.endsWith('.tsx'));
    assert.ok(files.length > 50);
    const offending = files.filter((f) => shown.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    assert.deepEqual(offending, []);
  });
});
