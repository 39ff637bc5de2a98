/**
 * How good a conditional generator of sign digits is (issue 18), pure. The server asks the
 * submitted generator for GAN_DIGITS_SAMPLES photos, every digit equally often, from noise of its
 * own seed, and reads them with a judge it trained once on the real photos and never sends
 * (models/judge.ts). This file turns the judge's probabilities and the photos into the measure:
 * - confidence: the judge's mean probability of the digit that was asked for. A blur, a photo of
 *   the wrong digit or one that looks like no digit all score low; the real test photos score 0.87;
 * - variety: how different the photos of one digit are from each other (the mean, over digits, of
 *   each pixel's standard deviation across that digit's photos), against the same for the real
 *   photos, capped at 1. A generator that draws one photo per digit whatever its noise (mode
 *   collapse inside a digit) has variety 0;
 * - digits covered: digits whose photos the judge reads as the digit asked for at least
 *   `DIGIT_MIN_SHARE` of the time. A generator that makes good 3s whatever it is asked covers one.
 * The score is confidence × variety.
 */
import type { ModelChallenge } from './challenges';
import type { Score } from './scoring';
import type { Stars } from './stars';

/** Photos the server asks for: 50 of each digit (photo i is asked to be digit i mod 10). */
export const GAN_DIGITS_SAMPLES = 500;
/** Side of the generated photos (the judge's input). */
export const GAN_DIGITS_SIDE = 16;
/** A digit counts as covered when at least this share of its photos read as it (chance: 0.1). */
export const DIGIT_MIN_SHARE = 0.3;
/**
 * The real test photos' variety at 16×16 (pixels on 0..1): the mean over digits of each pixel's
 * standard deviation across that digit's photos. Computed from data/sign-digits and checked by
 * tests/unit/game/gan-digits.test.ts, so a change of data cannot leave it stale.
 */
export const REAL_DIGIT_SPREAD = 0.0863;

/** The class the server asks photo `i` to be. */
export const askedDigit = (i: number, classes: number): number => i % classes;

export interface DigitGanMeasure {
  confidence: number;
  /** Share of all photos the judge reads (its most likely digit) as the digit asked for. */
  recognised: number;
  variety: number;
  /** The photos' own spread, before it is compared with the real photos'. */
  spread: number;
  digitsCovered: number;
  classes: number;
  /** confidence × variety, 0..1. */
  score: number;
}

function argMax(row: ArrayLike<number>, from: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if ((row[from + c] ?? -Infinity) > (row[from + best] ?? -Infinity)) best = c;
  return best;
}

/** Mean over the groups (photos with the same asked digit) of each pixel's standard deviation. */
export function groupSpread(photos: ArrayLike<number>, count: number, size: number, groupOf: (i: number) => number, groups: number): number {
  const sum = new Float64Array(groups * size);
  const sq = new Float64Array(groups * size);
  const n = new Float64Array(groups);
  for (let i = 0; i < count; i++) {
    const g = groupOf(i);
    n[g] = (n[g] ?? 0) + 1;
    for (let p = 0; p < size; p++) {
      const v = Math.min(1, Math.max(0, photos[i * size + p] ?? 0));
      sum[g * size + p] = (sum[g * size + p] ?? 0) + v;
      sq[g * size + p] = (sq[g * size + p] ?? 0) + v * v;
    }
  }
  let total = 0;
  let used = 0;
  for (let g = 0; g < groups; g++) {
    const m = n[g] ?? 0;
    if (m < 2) continue;
    let sd = 0;
    for (let p = 0; p < size; p++) {
      const mean = (sum[g * size + p] ?? 0) / m;
      sd += Math.sqrt(Math.max(0, (sq[g * size + p] ?? 0) / m - mean * mean));
    }
    total += sd / size;
    used++;
  }
  return used > 0 ? total / used : 0;
}

/**
 * The measure of `photos` (count × size values) the generator made when photo i was asked to be
 * askedDigit(i), read by the judge as `probs` (count × classes probabilities).
 */
export function measureDigits(photos: ArrayLike<number>, probs: ArrayLike<number>, count: number, classes: number): DigitGanMeasure {
  const size = count > 0 ? Math.floor(photos.length / count) : 0;
  let conf = 0;
  let right = 0;
  const hits = new Array<number>(classes).fill(0);
  const asked = new Array<number>(classes).fill(0);
  for (let i = 0; i < count; i++) {
    const d = askedDigit(i, classes);
    const p = probs[i * classes + d] ?? 0;
    conf += Number.isFinite(p) ? p : 0;
    asked[d] = (asked[d] ?? 0) + 1;
    if (argMax(probs, i * classes, classes) === d) {
      right++;
      hits[d] = (hits[d] ?? 0) + 1;
    }
  }
  const spread = groupSpread(photos, count, size, (i) => askedDigit(i, classes), classes);
  const variety = Math.min(1, spread / REAL_DIGIT_SPREAD);
  const confidence = count > 0 ? conf / count : 0;
  const digitsCovered = hits.filter((h, d) => (asked[d] ?? 0) > 0 && h / (asked[d] ?? 1) >= DIGIT_MIN_SHARE).length;
  return { confidence, recognised: count > 0 ? right / count : 0, variety, spread, digitsCovered, classes, score: confidence * variety };
}

/** Stars count up: each rule's score, digits covered and (if set) parameters must all hold. */
export function digitGanStars(c: ModelChallenge, m: DigitGanMeasure, paramCount: number): Stars {
  let stars: Stars = 0;
  for (const rule of c.stars) {
    if (m.score < rule.minScore - 1e-9) break;
    if (rule.minModes !== undefined && m.digitsCovered < rule.minModes) break;
    if (rule.maxParams !== undefined && paramCount > rule.maxParams) break;
    stars = (stars + 1) as Stars;
  }
  return stars;
}

export type DigitGanOutcome =
  | { ok: true; score: Score; stars: Stars; measure: DigitGanMeasure }
  | { ok: false; code: 'scoring/mismatch'; message: string };

/**
 * The outcome of a scored conditional generator: `photos` it made from the server's noise, `probs`
 * the judge's reading of them. The stored correct / total are the digits covered / digits.
 */
export function digitGanOutcome(c: ModelChallenge, photos: ArrayLike<number> | undefined, probs: ArrayLike<number> | undefined, paramCount: number): DigitGanOutcome {
  if (c.objective !== 'generate' || c.data.type !== 'images') return { ok: false, code: 'scoring/mismatch', message: `${c.id} does not generate photos` };
  const size = c.inputShape.reduce((a, b) => a * b, 1);
  if (!photos || !probs || photos.length !== GAN_DIGITS_SAMPLES * size || probs.length !== GAN_DIGITS_SAMPLES * c.numClasses) {
    return { ok: false, code: 'scoring/mismatch', message: `expected ${GAN_DIGITS_SAMPLES} generated photos and the judge's reading of each` };
  }
  const measure = measureDigits(photos, probs, GAN_DIGITS_SAMPLES, c.numClasses);
  return {
    ok: true,
    score: { score: measure.score, correct: measure.digitsCovered, total: measure.classes },
    stars: digitGanStars(c, measure, paramCount),
    measure,
  };
}
