/**
 * The `room` catalogue: present in both languages with the same keys and the same ICU arguments,
 * and every key the room pages ask for exists (a missing one shows the raw key on screen).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from '@formatjs/icu-messageformat-parser';
import { NAMESPACES } from '../../../app/i18n/config';
import { argumentsOf, flatten, loadCatalogue, ROOT, sourceFiles } from './catalogue';

const load = loadCatalogue;

const ko = flatten(load('ko', 'room'));
const en = flatten(load('en', 'room'));

describe('room catalogue', () => {
  test('is a registered namespace', () => {
    assert.ok((NAMESPACES as readonly string[]).includes('room'));
  });

  test('Korean and English have the same keys and every message parses with the same arguments', () => {
    assert.deepEqual([...ko.keys()].sort(), [...en.keys()].sort());
    for (const [key, koText] of ko) {
      const enText = en.get(key) as string;
      const koArgs = [...argumentsOf(parse(koText))].sort();
      const enArgs = [...argumentsOf(parse(enText))].sort();
      assert.deepEqual(koArgs, enArgs, `${key}: ko uses {${koArgs.join(', ')}}, en uses {${enArgs.join(', ')}}`);
    }
  });

  // Error sentences live in the errors catalogue (tests/unit/app/error-codes.test.ts).
  test('every phase, activity, host status and column the pages look up has a message', () => {
    const needed = [
      ...['lobby', 'running', 'ended', 'closed'].map((p) => `phase.${p}`),
      ...['idle', 'building', 'training', 'submitted'].map((a) => `activity.${a}`),
      ...['loading', 'attaching', 'attached', 'missing', 'denied', 'revoked'].map((s) => `host.status.${s}`),
      ...['rank', 'nickname', 'score', 'submissions', 'paramCount', 'bestAt'].map((c) => `col.${c}`),
      ...['step1', 'step2', 'step3', 'step4'].map((s) => `start.${s}`),
      'challengeName.sign-digits',
    ];
    for (const key of needed) assert.ok(en.has(key) && ko.has(key), key);
  });

  test('every literal key a room page passes to its room translator exists', () => {
    const files = ['app/components/room', 'app/room', 'app/host', 'app/join', 'app/leaderboard'].flatMap((d) => sourceFiles(join(ROOT, d)));
    let checked = 0;
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      // The name each file binds to the room namespace: `const t = useTranslations('room')`.
      for (const bind of src.matchAll(/const (\w+) = useTranslations\('room'\)/g)) {
        const fn = bind[1] as string;
        for (const call of src.matchAll(new RegExp(`\\b${fn}\\('([^']+)'`, 'g'))) {
          const key = call[1] as string;
          assert.ok(en.has(key), `${file.slice(ROOT.length + 1)}: ${fn}('${key}') is not in room.json`);
          checked++;
        }
      }
    }
    assert.ok(checked > 100, `${checked} keys checked`);
  });
});
