/**
 * The `play` catalogue: both languages have the same ICU arguments in every message, and the keys
 * the play pages build from game data (optimizers, surfaces, questions, stages) all exist.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { RACE_OPTIMIZERS } from '../../../game/solo/optimizers';
import { RACE_SURFACES } from '../../../game/solo/play';
import { stepProblem } from '../../../game/solo/steps-quiz';

const ROOT = join(import.meta.dirname, '..', '..', '..');
type Tree = { [k: string]: string | Tree };
const load = (locale: string) => JSON.parse(readFileSync(join(ROOT, 'app', 'i18n', 'messages', locale, 'play.json'), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe('play catalogue', () => {
  const ko = flatten(load('ko'));
  const en = flatten(load('en'));

  test('every message parses and asks for the same arguments in Korean and English', () => {
    assert.deepEqual([...ko.keys()].sort(), [...en.keys()].sort());
    for (const [key, text] of en) {
      const a = [...argumentsOf(parse(text))].sort();
      const b = [...argumentsOf(parse(ko.get(key) ?? ''))].sort();
      assert.deepEqual(b, a, key);
    }
  });

  test('names for every optimizer, surface, question and stage', () => {
    const needed = [
      ...RACE_OPTIMIZERS.flatMap((o) => [`optimizer.${o}`, `optimizerShort.${o}`]),
      ...RACE_SURFACES.flatMap((s) => [`race.surface.${s}`, `race.surfaceHelp.${s}`]),
      ...stepProblem(1).questions.flatMap((q) => [`steps.q.${q.key}.prompt`, `steps.q.${q.key}.hint`, `steps.stage.${q.stage}`]),
    ];
    for (const key of needed) assert.ok(en.has(key) && ko.has(key), key);
  });
});
