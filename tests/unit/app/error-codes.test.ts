/**
 * Every error code the server can send has a sentence in Korean and in English, and no page shows a
 * raw code or the server's English text (issue 16, finding 3). The codes are collected from the
 * sources themselves: every 'namespace/name' string literal in server/ and game/ (refuse('…'),
 * { code: '…' }, the code unions), so a new code without a sentence fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { createTranslator } from 'next-intl';
import { ERROR_CONTEXTS, errorMessageKey, keyOf, type ErrorContextName } from '../../../app/components/errors/codes';
import { CLIENT_ERROR_CODES, ERROR_CODES, SERVER_ERROR_CODES } from '../../../protocol/codes';
import { NAMESPACES } from '../../../app/i18n/config';
import { flatten, loadCatalogue, ROOT, sourceFiles } from './catalogue';

/** 'namespace/name' literals that are not error codes. */
const NOT_CODES = new Set(['text/plain']);
const LITERAL = /'([a-z]+\/[a-z_]+)'/g;

function literalsIn(dirs: string[], pattern: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of dirs.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    // Comments quote other things ('asia/seoul' → 'Asia/Seoul'); only code counts.
    const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
    for (const m of src.matchAll(pattern)) {
      const code = m[1] as string;
      if (!NOT_CODES.has(code) && !found.has(code)) found.set(code, relative(ROOT, file));
    }
  }
  return found;
}

/** Every message of a locale, keyed namespace.key as next-intl addresses them. */
const messages = (locale: string) => Object.fromEntries(NAMESPACES.map((ns) => [ns, loadCatalogue(locale, ns)]));
const flat = (locale: string) => new Map(NAMESPACES.flatMap((ns) => [...flatten(loadCatalogue(locale, ns))].map(([k, v]) => [`${ns}.${k}`, v] as const)));

describe('error codes and their sentences', () => {
  test('the list is exactly the codes the server and the game rules can send', () => {
    const sent = literalsIn(['server', 'game'], LITERAL);
    assert.ok(sent.size > 50, `${sent.size} codes found in the sources`);
    const listed = new Set<string>(SERVER_ERROR_CODES);
    const missing = [...sent].filter(([c]) => !listed.has(c)).map(([c, f]) => `${c} (${f})`);
    assert.deepEqual(missing, [], 'codes the server sends that app/components/errors/codes.ts does not list');
    assert.deepEqual([...listed].filter((c) => !sent.has(c)), [], 'listed codes no source sends any more');
  });

  test("the browser's own codes are listed too", () => {
    const made = literalsIn(['app'], /code: '([a-z]+\/[a-z_]+)'/g);
    assert.ok(made.has('client/timeout') && made.has('client/offline'));
    for (const [c, f] of made) assert.ok((ERROR_CODES as readonly string[]).includes(c), `${c} (${f})`);
    for (const c of CLIENT_ERROR_CODES) assert.ok(made.has(c), `${c} is made somewhere in app/`);
  });

  for (const locale of ['ko', 'en']) {
    test(`${locale}: a sentence for every code, a generic one for the rest, and no stale ones`, () => {
      const errors = flatten(loadCatalogue(locale, 'errors'));
      const wanted = [...ERROR_CODES.map(keyOf), 'unknown'];
      for (const key of wanted) assert.ok((errors.get(key) ?? '').trim().length > 0, `${locale} errors.${key}`);
      assert.deepEqual([...errors.keys()].filter((k) => !wanted.includes(k)), []);
    });

    test(`${locale}: each place's own wording has every code it claims, and no code shows through`, () => {
      const all = flat(locale);
      for (const [name, ctx] of Object.entries(ERROR_CONTEXTS)) {
        for (const code of ctx.codes) {
          assert.ok((ERROR_CODES as readonly string[]).includes(code), `${name}: ${code} is not a code anyone sends`);
          assert.ok(all.has(`${ctx.prefix}.${keyOf(code)}`), `${locale} ${ctx.prefix}.${keyOf(code)}`);
        }
        if (ctx.unknown) assert.ok(all.has(`${ctx.prefix}.unknown`), `${locale} ${ctx.prefix}.unknown`);
      }
      const t = createTranslator({ locale, messages: messages(locale) }) as unknown as (key: string) => string;
      const contexts: Array<ErrorContextName | undefined> = [undefined, ...(Object.keys(ERROR_CONTEXTS) as ErrorContextName[])];
      for (const context of contexts) {
        for (const code of [...ERROR_CODES, 'made/up_code']) {
          const text = t(errorMessageKey(code, context));
          assert.ok(text.length > 5 && !text.includes(code) && !/\b[a-z]+\/[a-z_]+\b/.test(text), `${locale} ${context ?? 'general'} ${code}: ${text}`);
          if (locale === 'ko') assert.match(text, /[가-힣]/, `${code} in Korean`);
        }
      }
    });
  }

  test('a code nobody listed gets the generic sentence (the place\'s own, where it has one)', () => {
    assert.equal(errorMessageKey('made/up_code'), 'errors.unknown');
    assert.equal(errorMessageKey('made/up_code', 'train'), 'train.errors.unknown');
    assert.equal(errorMessageKey('made/up_code', 'nickname'), 'errors.unknown');
    assert.equal(errorMessageKey('room/not_found', 'train'), 'errors.room_not_found');
    assert.equal(errorMessageKey('rate/limited', 'nickname'), 'common.nicknameError.rate_limited');
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
