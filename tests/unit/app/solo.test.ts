/**
 * The solo path's UI helpers and texts: star lines come from the rules (never typed by hand), the
 * concept cards exist and render in both languages, challenge names agree everywhere, and the path
 * state (locks, next challenge, totals) follows game/solo/path.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { goalValues, starLines, stepsStarMinimum } from '../../../app/components/solo/star-lines';
import { bossStops, followingChallenge, nextChallenge, pathStops, pathTotals } from '../../../app/components/solo/path-state';
import { scoreText } from '../../../app/components/solo/score-text';
import { NAMESPACES } from '../../../app/i18n/config';
import { BOSS_IDS, CHALLENGE_IDS, CHALLENGES, getModelChallenge, modelChallenge, PATH_IDS } from '../../../game/challenges';
import { DIGIT_MIN_SHARE, GAN_DIGITS_SAMPLES } from '../../../game/gan-digits';
import { scoreStepsEntry } from '../../../game/solo/play';
import { RACE_STARS } from '../../../game/solo/path';
import { stepProblem } from '../../../game/solo/steps-quiz';
import { argumentsOf, flatten, loadCatalogue, ROOT, sourceFiles } from './catalogue';

const load = loadCatalogue;
const LOCALES = ['en', 'ko'] as const;

/** A translator over one locale's whole catalogue that throws on a missing key or argument. */
function translator(locale: (typeof LOCALES)[number]) {
  const messages = Object.fromEntries(NAMESPACES.map((ns) => [ns, load(locale, ns)]));
  return createTranslator({
    locale,
    messages,
    onError: (error) => {
      throw error;
    },
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
}

describe('star lines come from the rules', () => {
  for (const id of CHALLENGE_IDS) {
    const def = CHALLENGES[id];
    test(`${id}: three lines whose numbers are the challenge's thresholds`, () => {
      const lines = starLines(def);
      assert.equal(lines.length, 3);
      const model = getModelChallenge(id);
      lines.forEach((line, i) => {
        if (model?.boss) {
          assert.deepEqual(line, { key: 'boss', values: { level: String(i + 1), percent: Math.round(model.stars[i]!.minScore * 10_000) / 100 } });
        } else if (model) {
          const rule = model.stars[i]!;
          // A GAN's stars ask for a score and the modes of the target it covers (star-lines.ts ganLine);
          // a conditional GAN of photos', for a score and the digits covered of all (digitGanLine).
          // An autoencoder's ask for a score through a code of at most maxCode numbers (reconstructLine).
          const photos = model.objective === 'generate' && model.data.type === 'images';
          assert.equal(line.key, photos ? 'ganDigits' : model.objective === 'generate' ? 'gan' : model.objective === 'reconstruct' ? 'reconstruct' : 'model');
          if (model.objective === 'generate') assert.equal(photos ? line.values.digits : line.values.modes, rule.minModes);
          if (photos) assert.equal(line.values.total, model.numClasses);
          if (model.objective === 'reconstruct') assert.equal(line.values.code, rule.maxCode);
          assert.equal(line.values.percent, Math.round(rule.minScore * 10_000) / 100);
          assert.equal(line.values.hasParams, rule.maxParams === undefined ? 'no' : 'yes');
          if (rule.maxParams !== undefined) assert.equal(line.values.maxParams, rule.maxParams);
          if (rule.maxEpochs !== undefined) assert.equal(line.values.maxEpochs, rule.maxEpochs);
          if (rule.minHiddenLayers !== undefined) assert.equal(line.values.minHidden, rule.minHiddenLayers);
        } else if (def.kind === 'race') {
          const level = (['one', 'two', 'three'] as const)[i]!;
          for (const surface of ['bowl', 'ravine', 'saddle', 'rosenbrock'] as const) assert.equal(line.values[surface], RACE_STARS[surface][level]);
        } else {
          assert.equal(line.key, 'steps');
        }
      });
    });

    for (const locale of LOCALES) {
      test(`${id}: the three lines render in ${locale}, differ, and show their numbers`, () => {
        const t = translator(locale);
        const texts = starLines(def).map((l) => t(`solo.star.${l.key}`, l.values));
        assert.equal(new Set(texts).size, 3, texts.join(' | '));
        for (const [i, line] of starLines(def).entries()) {
          for (const [k, v] of Object.entries(line.values)) {
            if (typeof v !== 'number' || v === 0 || k === 'correct' && line.values.all === 'yes') continue;
            assert.ok(texts[i]!.includes(v.toLocaleString('en-US')), `${texts[i]} shows ${k} = ${v}`);
          }
          assert.doesNotMatch(texts[i]!, /\b(yes|no)\b|\{/);
        }
      });
    }
  }

  test('the step-through minima are the fewest right answers the server rule stars', () => {
    const { total, correct } = stepsStarMinimum();
    assert.equal(total, stepProblem(7).questions.length);
    const answers = stepProblem(3).questions.map((q) => q.answer);
    const stars = (right: number) => scoreStepsEntry({ kind: 'steps', seed: 3, answers: answers.map((a, i) => (i < right ? a : a + 1000)) }).stars;
    correct.forEach((right, i) => {
      assert.ok(stars(right) >= i + 1, `${right} right earns star ${i + 1}`);
      if (right > 0) assert.ok(stars(right - 1) < i + 1, `${right - 1} right does not`);
    });
    assert.equal(correct[2], total, 'three stars need every answer');
    assert.ok(correct[0] < correct[1] && correct[1] < correct[2]);
  });
});

describe('concept cards', () => {
  const PARTS = ['title', 'oneLine', 'concept', 'goal', 'hint'] as const;
  for (const locale of LOCALES) {
    test(`every challenge has a card in ${locale} that renders with its values`, () => {
      const t = translator(locale);
      for (const id of CHALLENGE_IDS) {
        const values = goalValues(CHALLENGES[id]);
        for (const part of PARTS) {
          const text = t(`solo.challenge.${id}.${part}`, values);
          assert.ok(text.trim().length > 0 && !text.includes('{'), `${locale} ${id}.${part}`);
        }
        // 3-6 short sentences: plain, not a lecture.
        const sentences = t(`solo.challenge.${id}.concept`, values).split(/(?<=[.!?])\s+/).length;
        assert.ok(sentences >= 3 && sentences <= 7, `${locale} ${id}: ${sentences} sentences`);
      }
    });
  }

  test('goals show the challenge numbers (budget, goal accuracy)', () => {
    const t = translator('en');
    const goal = (id: (typeof CHALLENGE_IDS)[number]) => t(`solo.challenge.${id}.goal`, goalValues(CHALLENGES[id]));
    assert.match(goal('logic-gates'), /100% accuracy/);
    assert.match(goal('logic-gates'), /200 parameters/);
    assert.match(goal('depth-width'), /95% test accuracy.*2,000 parameters/);
    assert.match(goal('activations'), /at least 6 hidden layers/);
    assert.match(goal('batch-epochs'), /2,000 training samples: 4 epochs of the 500 examples/);
    assert.match(goal('backprop-steps'), /8 numbers.*learning rate 0\.5/);
    assert.match(t('solo.challenge.sign-01.concept', goalValues(CHALLENGES['sign-01'])), /64×64 photo out as 4,096 numbers/);
  });

  test('Korean and English solo catalogues have the same keys and the same ICU arguments', () => {
    assert.ok((NAMESPACES as readonly string[]).includes('solo'));
    const ko = flatten(load('ko', 'solo'));
    const en = flatten(load('en', 'solo'));
    assert.deepEqual([...ko.keys()].sort(), [...en.keys()].sort());
    for (const [key, koText] of ko) {
      assert.deepEqual([...argumentsOf(parse(koText))].sort(), [...argumentsOf(parse(en.get(key)!))].sort(), key);
    }
  });

  test('every literal key a page passes to its solo translator exists', () => {
    const en = flatten(load('en', 'solo'));
    const files = sourceFiles(join(ROOT, 'app'));
    let checked = 0;
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      for (const bind of src.matchAll(/const (\w+) = (?:useTranslations|await getTranslations)\('solo'\)/g)) {
        for (const call of src.matchAll(new RegExp(`\\b${bind[1]}(?:\\.rich)?\\('([^']+)'`, 'g'))) {
          assert.ok(en.has(call[1]!), `${file.slice(ROOT.length + 1)}: ${call[1]} is not in solo.json`);
          checked++;
        }
      }
    }
    assert.ok(checked > 30, `${checked} keys checked`);
  });
});

describe('challenge names', () => {
  for (const locale of LOCALES) {
    test(`common, leaderboard and room name all nine challenges alike in ${locale}`, () => {
      const names = ['common', 'leaderboard', 'room'].map((ns) => load(locale, ns).challengeName as Record<string, string>);
      for (const n of names) assert.deepEqual(Object.keys(n).sort(), [...CHALLENGE_IDS].sort());
      assert.deepEqual(names[1], names[0]);
      assert.deepEqual(names[2], names[0]);
    });
  }
});

describe('path state', () => {
  test('a visitor without progress sees only the first challenge open', () => {
    const stops = pathStops({});
    assert.deepEqual(stops.map((s) => s.unlocked), PATH_IDS.map((_, i) => i === 0));
    assert.equal(stops[0]!.previous, null);
    assert.equal(stops[1]!.previous, 'logic-gates');
    assert.deepEqual(stops.map((s) => s.number), PATH_IDS.map((_, i) => i + 1));
    assert.equal(nextChallenge({}), 'logic-gates');
  });

  test('a star opens the next challenge, and "continue" goes to the first open one without a star', () => {
    const progress = { 'logic-gates': 1, 'depth-width': 3 } as const;
    const stops = pathStops(progress);
    assert.deepEqual(stops.slice(0, 4).map((s) => [s.id, s.unlocked, s.stars]), [
      ['logic-gates', true, 1], ['depth-width', true, 3], ['activations', true, 0], ['losses', false, 0],
    ]);
    assert.equal(nextChallenge(progress), 'activations');
    assert.deepEqual(pathTotals(progress), { stars: 4, maxStars: 3 * PATH_IDS.length, won: 2, total: PATH_IDS.length });
  });

  test('once everything has a star, "continue" goes to the first one short of three; then nowhere', () => {
    const some = Object.fromEntries(CHALLENGE_IDS.map((id) => [id, 3])) as Record<(typeof CHALLENGE_IDS)[number], 3>;
    assert.equal(nextChallenge(some), null);
    assert.equal(nextChallenge({ ...some, losses: 2 }), 'losses');
  });

  test('the boss levels open one after the other, the first with a star on 0 vs 1', () => {
    assert.deepEqual(bossStops({}).map((s) => [s.id, s.unlocked, s.previous]), [
      ['boss-1', false, 'sign-01'], ['boss-2', false, 'boss-1'], ['boss-3', false, 'boss-2'],
    ]);
    assert.deepEqual(bossStops({ 'sign-01': 1, 'boss-1': 2 }).map((s) => [s.unlocked, s.stars]), [[true, 2], [true, 0], [false, 0]]);
    assert.deepEqual(pathStops({}).map((s) => s.id), [...PATH_IDS], 'the numbered path has no bosses');
    assert.equal(BOSS_IDS.length, 3);
  });

  test('the challenge after each one, and none after the last', () => {
    assert.equal(followingChallenge('logic-gates'), 'depth-width');
    assert.equal(followingChallenge('sign-digits'), 'backprop-steps');
    assert.equal(followingChallenge('backprop-steps'), 'memory');
    assert.equal(followingChallenge('memory'), 'attention');
    assert.equal(followingChallenge('attention'), PATH_IDS[PATH_IDS.indexOf('attention') + 1]);
    assert.equal(followingChallenge('gan'), 'gan-digits');
    assert.equal(followingChallenge('gan-digits'), null, 'the conditional GAN ends the path');
  });
});

describe('the conditional GAN card (gan-digits)', () => {
  const def = CHALLENGES['gan-digits'];
  const model = modelChallenge('gan-digits');

  test('its numbers come from the rules and the measure: digits, photos per digit, share, goal, budget', () => {
    const v = goalValues(def);
    assert.equal(v.classes, model.numClasses);
    assert.equal(v.perDigit, GAN_DIGITS_SAMPLES / model.numClasses);
    assert.equal(v.share, Math.round(DIGIT_MIN_SHARE * 100));
    for (const locale of LOCALES) {
      const t = translator(locale);
      const concept = t('solo.challenge.gan-digits.concept', v);
      for (const n of [v.perDigit, v.share, v.classes, v.height]) assert.ok(concept.includes(String(n)), `${locale}: ${n} in ${concept}`);
      const goal = t('solo.challenge.gan-digits.goal', v);
      assert.ok(goal.includes(`${v.percent}%`) && goal.includes(model.budget.maxParams.toLocaleString('en-US')), goal);
      starLines(def).forEach((line, i) => {
        const text = t(`solo.star.${line.key}`, line.values);
        const rule = model.stars[i]!;
        assert.ok(text.includes(`${Math.round(rule.minScore * 100)}%`) && text.includes(String(rule.minModes)) && text.includes(String(model.numClasses)), text);
      });
    }
  });

  test('no star number is typed by hand in its texts', () => {
    for (const locale of LOCALES) {
      const card = (load(locale, 'solo').challenge as Record<string, Record<string, string>>)['gan-digits']!;
      const star = (load(locale, 'solo').star as Record<string, string>).ganDigits!;
      for (const text of [...Object.values(card), star]) {
        for (const rule of model.stars) assert.ok(!text.includes(`${Math.round(rule.minScore * 100)}%`), `${locale}: ${text}`);
        const budget = model.budget.maxParams;
        assert.ok(!text.includes(String(budget)) && !text.includes(budget.toLocaleString('en-US')), `${locale}: ${text}`);
        assert.ok(!text.includes(`${GAN_DIGITS_SAMPLES / model.numClasses} `), `${locale}: ${text}`);
      }
    }
  });

  test("the Korean card uses the course's terms", () => {
    const t = translator('ko');
    const all = ['title', 'oneLine', 'concept', 'goal', 'hint'].map((p) => t(`solo.challenge.gan-digits.${p}`, goalValues(def))).join(' ');
    for (const term of ['조건부 GAN', '생성 모델', '판별 모델', '원-핫', '노이즈', '합성곱', '스트라이드', '모드 붕괴', '다양성']) assert.ok(all.includes(term), term);
  });

  test('the English card explains the collapse it avoids and how it is judged', () => {
    const t = translator('en');
    const concept = t('solo.challenge.gan-digits.concept', goalValues(def));
    for (const word of ['conditional GAN', 'generator', 'discriminator', 'one-hot', 'judge', 'variety', 'covered']) assert.ok(concept.includes(word), word);
    const hint = t('solo.challenge.gan-digits.hint', goalValues(def));
    for (const word of ['UpSampling2D', 'Conv2D', 'stride', 'mode collapse']) assert.ok(hint.includes(word), word);
  });
});

describe('score text', () => {
  test('accuracy as a percent, the race as points, the step-through as answers right', () => {
    assert.deepEqual(scoreText(CHALLENGES['sign-digits'], 0.91234), { key: 'percent', values: { value: 91.2 } });
    assert.deepEqual(scoreText(CHALLENGES['optimizer-race'], 0.874), { key: 'points', values: { points: 87 } });
    assert.deepEqual(scoreText(CHALLENGES['backprop-steps'], 0.75), { key: 'answers', values: { correct: 6, total: 8 } });
  });
});
