/**
 * The `play` catalogue: both languages have the same ICU arguments in every message, and the keys
 * the play pages build from game data (optimizers, surfaces, questions, stages) all exist.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '@formatjs/icu-messageformat-parser';
import { RACE_OPTIMIZERS } from '../../../game/solo/optimizers';
import { RACE_SURFACES } from '../../../game/solo/play';
import { stepProblem } from '../../../game/solo/steps-quiz';
import { argumentsOf, flatten, loadCatalogue } from './catalogue';

const load = (locale: string) => loadCatalogue(locale, 'play');

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
