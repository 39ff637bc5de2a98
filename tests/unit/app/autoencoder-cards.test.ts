/**
 * The autoencoder challenges' concept cards and star lines: the goal names the shortest code the
 * stars ask for and the goal score, the denoising card the noise the rules add, each star line its
 * own code length, in Korean and English, with the seed texts' Korean terms; and both challenges
 * sit right after attention on the path, with their names everywhere.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTranslator } from 'next-intl';
import { goalValues, starLines } from '../../../app/components/solo/star-lines';
import { NAMESPACES } from '../../../app/i18n/config';
import { CHALLENGES, modelChallenge, PATH_IDS } from '../../../game/challenges';
import { loadCatalogue } from './catalogue';

function translator(locale: 'en' | 'ko') {
  const messages = Object.fromEntries(NAMESPACES.map((ns) => [ns, loadCatalogue(locale, ns)]));
  return createTranslator({ locale, messages, onError: (e) => { throw e; } }) as unknown as (key: string, values?: Record<string, string | number>) => string;
}

const IDS = ['autoencoder', 'denoise'] as const;

describe('autoencoder cards', () => {
  test('on the path right after attention', () => {
    const at = PATH_IDS.indexOf('attention');
    assert.deepEqual(PATH_IDS.slice(at + 1, at + 3), [...IDS]);
  });

  for (const id of IDS) {
    const c = modelChallenge(id);
    const shortest = Math.min(...c.stars.map((r) => r.maxCode ?? Infinity));
    test(`${id}: the goal shows the shortest starred code and the goal score; each star its own code`, () => {
      assert.equal(goalValues(CHALLENGES[id]).code, shortest);
      for (const locale of ['en', 'ko'] as const) {
        const t = translator(locale);
        const goal = t(`solo.challenge.${id}.goal`, goalValues(CHALLENGES[id]));
        assert.ok(goal.includes(String(shortest)) && goal.includes(`${Math.round(c.goalAccuracy * 100)}%`), goal);
        starLines(CHALLENGES[id]).forEach((line, i) => {
          const text = t(`solo.star.${line.key}`, line.values);
          assert.ok(text.includes(String(c.stars[i]?.maxCode)) && text.includes(`${Math.round((c.stars[i]?.minScore ?? 0) * 100)}%`), text);
        });
      }
    });
  }

  test('the denoising card names the noise the rules add; the pixel count is the input shape', () => {
    const d = modelChallenge('denoise');
    const noise = d.data.type === 'images' ? d.data.noise : undefined;
    assert.ok(noise !== undefined && noise > 0);
    for (const locale of ['en', 'ko'] as const) {
      assert.ok(translator(locale)('solo.challenge.denoise.concept', goalValues(CHALLENGES.denoise)).includes(String(noise)));
      const concept = translator(locale)('solo.challenge.autoencoder.concept', goalValues(CHALLENGES.autoencoder));
      assert.ok(concept.includes((32 * 32).toLocaleString('en-US')) && concept.includes('32×32'), concept);
    }
  });

  test("Korean cards use the seed texts' terms", () => {
    const t = translator('ko');
    const all = IDS.flatMap((id) => ['title', 'concept', 'hint'].map((p) => t(`solo.challenge.${id}.${p}`, goalValues(CHALLENGES[id])))).join(' ');
    for (const term of ['오토인코더', '인코더', '디코더', '압축', '복원', '노이즈', '병목']) assert.ok(all.includes(term), term);
    for (const ns of ['common', 'leaderboard', 'room']) assert.equal(t(`${ns}.challengeName.autoencoder`), '오토인코더');
  });
});
