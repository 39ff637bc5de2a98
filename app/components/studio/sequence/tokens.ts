/**
 * One-hot sequence examples back to tokens, and the lookup example with its digits shuffled (to
 * show what attention without positional encoding cannot see). Pure; no tfjs.
 */
import { DIGIT_TOKEN_BASE, QUERY_TOKEN_BASE } from '../../../../game/sequences';
import type { FeatureSplit } from '../../../../models/challenge-data';

/** Example `i` of a sequence split: its floats and its token id per step (the 1 of each one-hot). */
export function exampleAt(split: FeatureSplit, i: number): { features: Float32Array; tokens: number[] } {
  const steps = split.steps ?? 1;
  const vocab = split.width / steps;
  const features = split.features.subarray(i * split.width, (i + 1) * split.width);
  const tokens = Array.from({ length: steps }, (_, s) => {
    const step = features.subarray(s * vocab, (s + 1) * vocab);
    return step.indexOf(1);
  });
  return { features, tokens };
}

export function oneHot(tokens: readonly number[], vocab: number): Float32Array {
  const out = new Float32Array(tokens.length * vocab);
  tokens.forEach((t, s) => (out[s * vocab + t] = 1));
  return out;
}

/**
 * The digits before the query moved one place to the right (the last to the front): the same
 * digits in another order, so the right answer usually changes while a model blind to order
 * answers as before.
 */
export function rotateDigits(tokens: readonly number[]): number[] {
  const digits = tokens.filter((t) => t >= DIGIT_TOKEN_BASE && t < DIGIT_TOKEN_BASE + 10);
  const rest = tokens.slice(digits.length);
  return [...digits.slice(-1), ...digits.slice(0, -1), ...rest];
}

/** The right answer of a lookup sequence: the digit in the place its last token asks for. */
export function lookupAnswer(tokens: readonly number[]): number | null {
  const query = tokens.at(-1) ?? -1;
  const place = query - QUERY_TOKEN_BASE;
  const token = tokens[place];
  return place >= 0 && token !== undefined ? token - DIGIT_TOKEN_BASE : null;
}
