/**
 * What each star of a challenge asks, and the numbers its goal names, as catalogue keys plus ICU
 * values read from the rules themselves (game/challenges.ts, RACE_STARS, the steps scoring), so a
 * threshold is written once, in game/, and never again by hand in a message.
 */
import { generatedTrainCount, type ChallengeDef, type StarRule } from '../../../game/challenges';
import { targetModes } from '../../../game/gan-data';
import { DIGIT_MIN_SHARE, GAN_DIGITS_SAMPLES } from '../../../game/gan-digits';
import { scoreStepsEntry } from '../../../game/solo/play';
import { RACE_STARS } from '../../../game/solo/path';
import { STEPS_LEARNING_RATE, stepProblem } from '../../../game/solo/steps-quiz';
import type { Stars } from '../../../game/stars';

/** A message of the `solo.star` catalogue and its values. */
export interface StarLine {
  key: 'model' | 'race' | 'steps' | 'boss' | 'gan' | 'ganDigits' | 'reconstruct';
  values: Record<string, string | number>;
}

const LEVELS = ['one', 'two', 'three'] as const;
/** Percent of a 0..1 score, without float noise (0.95 → 95, not 94.99999999999999). */
const percentOf = (score: number) => Math.round(score * 10_000) / 100;

function modelLine(rule: StarRule): StarLine {
  return {
    key: 'model',
    values: {
      percent: percentOf(rule.minScore),
      hasParams: rule.maxParams === undefined ? 'no' : 'yes',
      maxParams: rule.maxParams ?? 0,
      hasEpochs: rule.maxEpochs === undefined ? 'no' : 'yes',
      maxEpochs: rule.maxEpochs ?? 0,
      hasHidden: rule.minHiddenLayers === undefined ? 'no' : 'yes',
      minHidden: rule.minHiddenLayers ?? 0,
      hasLength: rule.atLength === undefined ? 'no' : 'yes',
      length: rule.atLength ?? 0,
    },
  };
}

/** An autoencoder's star (objective 'reconstruct'): the score through a code of at most `maxCode` numbers. */
function reconstructLine(rule: StarRule): StarLine {
  return {
    key: 'reconstruct',
    values: { percent: percentOf(rule.minScore), code: rule.maxCode ?? 0, hasParams: rule.maxParams === undefined ? 'no' : 'yes', maxParams: rule.maxParams ?? 0 },
  };
}

/** A GAN's star (objective 'generate'): the score and the modes of the target it must cover. */
function ganLine(rule: StarRule, modeCount: number): StarLine {
  return {
    key: 'gan',
    values: { percent: percentOf(rule.minScore), modes: rule.minModes ?? 0, total: modeCount, hasParams: rule.maxParams === undefined ? 'no' : 'yes', maxParams: rule.maxParams ?? 0 },
  };
}

/**
 * A conditional GAN's star (objective 'generate' on photos, game/gan-digits.ts): the score and the
 * digits covered (those the judge reads as asked often enough) of all `classes`.
 */
function digitGanLine(rule: StarRule, classes: number): StarLine {
  return {
    key: 'ganDigits',
    values: { percent: percentOf(rule.minScore), digits: rule.minModes ?? 0, total: classes, hasParams: rule.maxParams === undefined ? 'no' : 'yes', maxParams: rule.maxParams ?? 0 },
  };
}

/** The seed the answers are probed with: any seed has the same number of questions. */
const PROBE_SEED = 1;

/**
 * Fewest right answers that earn one, two and three stars in the step-through, found by scoring
 * answer sheets with 0..n right through the server's own rule (scoreStepsEntry).
 */
export function stepsStarMinimum(): { total: number; correct: [number, number, number] } {
  const answers = stepProblem(PROBE_SEED).questions.map((q) => q.answer);
  const total = answers.length;
  const starsWith = (right: number): Stars =>
    scoreStepsEntry({ kind: 'steps', seed: PROBE_SEED, answers: answers.map((a, i) => (i < right ? a : a + 1000)) }).stars;
  const fewest = (stars: number) => {
    for (let right = 0; right <= total; right++) if (starsWith(right) >= stars) return right;
    return total;
  };
  return { total, correct: [fewest(1), fewest(2), fewest(3)] };
}

/** One line per star, in order: the first star's line, then the second's, then the third's. */
export function starLines(def: ChallengeDef): [StarLine, StarLine, StarLine] {
  switch (def.kind) {
    case 'model': {
      if (def.boss) {
        // A boss level's stars come from the reveal's hit; its rules' scores are the private
        // accuracies that do it (baseline, half the health, all of it) with no generalization gap.
        const line = (rule: StarRule, level: number): StarLine => ({ key: 'boss', values: { level: String(level), percent: percentOf(rule.minScore) } });
        return [line(def.stars[0], 1), line(def.stars[1], 2), line(def.stars[2], 3)];
      }
      if (def.objective === 'generate' && def.data.type === 'target2d') {
        const modes = targetModes(def.data.target).length;
        return [ganLine(def.stars[0], modes), ganLine(def.stars[1], modes), ganLine(def.stars[2], modes)];
      }
      if (def.objective === 'generate' && def.data.type === 'images') {
        return [digitGanLine(def.stars[0], def.numClasses), digitGanLine(def.stars[1], def.numClasses), digitGanLine(def.stars[2], def.numClasses)];
      }
      if (def.objective === 'reconstruct') return [reconstructLine(def.stars[0]), reconstructLine(def.stars[1]), reconstructLine(def.stars[2])];
      return [modelLine(def.stars[0]), modelLine(def.stars[1]), modelLine(def.stars[2])];
    }
    case 'race': {
      const line = (level: (typeof LEVELS)[number]): StarLine => ({
        key: 'race',
        values: { bowl: RACE_STARS.bowl[level], ravine: RACE_STARS.ravine[level], saddle: RACE_STARS.saddle[level], rosenbrock: RACE_STARS.rosenbrock[level] },
      });
      return [line('one'), line('two'), line('three')];
    }
    case 'steps': {
      const { total, correct } = stepsStarMinimum();
      const line = (right: number): StarLine => ({ key: 'steps', values: { correct: right, total, all: right === total ? 'yes' : 'no' } });
      return [line(correct[0]), line(correct[1]), line(correct[2])];
    }
  }
}

/**
 * Values every `solo.challenge.<id>.goal` message may use (each uses the ones it needs): the goal
 * accuracy, budget, hidden layers the stars ask for, samples-seen budget, training set size, the
 * step-through's question count and learning rate, and a photo GAN's digits and how it is judged.
 */
export function goalValues(def: ChallengeDef): Record<string, number> {
  if (def.kind !== 'model') {
    return { total: stepProblem(PROBE_SEED).questions.length, lr: STEPS_LEARNING_RATE };
  }
  const hidden = Math.max(0, ...def.stars.map((r) => r.minHiddenLayers ?? 0));
  const train = generatedTrainCount(def) ?? 0;
  const [h = 0, w = 0] = def.inputShape;
  const codes = def.stars.flatMap((r) => (r.maxCode === undefined ? [] : [r.maxCode]));
  const digitGan = def.objective === 'generate' && def.data.type === 'images';
  return {
    percent: percentOf(def.goalAccuracy),
    params: def.budget.maxParams,
    layers: def.budget.maxLayers,
    samples: def.budget.maxSamplesSeen ?? 0,
    train,
    epochs: train > 0 && def.budget.maxSamplesSeen ? Math.floor(def.budget.maxSamplesSeen / train) : 0,
    hidden,
    height: h,
    width: w,
    pixels: def.inputShape.reduce((a, b) => a * b, 1),
    // Sequence challenges: steps per input, and the digits before a lookup's query.
    steps: def.data.type === 'sequence' ? def.data.steps : 0,
    digits: def.data.type === 'sequence' ? def.data.steps - 1 : 0,
    // Autoencoder challenges: the shortest code the stars ask for, and the denoising level's noise.
    code: codes.length > 0 ? Math.min(...codes) : 0,
    noise: def.data.type === 'images' ? (def.data.noise ?? 0) : 0,
    // A conditional GAN of photos (game/gan-digits.ts): its digits, the photos the server asks for
    // each, and the share of them the judge must read as asked for the digit to count as covered.
    classes: digitGan ? def.numClasses : 0,
    perDigit: digitGan ? GAN_DIGITS_SAMPLES / def.numClasses : 0,
    share: digitGan ? percentOf(DIGIT_MIN_SHARE) : 0,
  };
}
