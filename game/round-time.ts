/**
 * How long a round must last for a class to train a challenge's starting model and still submit:
 * the advice the round settings give a teacher (a warning, never a block). The figures are how long
 * one run of the default model takes CPU only (WASM on one thread of a 2-core machine; each figure's
 * source is named below; Chromium and Node train about equally fast per CPU second): a Chromebook a
 * class has is about as fast, a laptop with a GPU faster.
 */
import type { ChallengeId } from './challenges';

/**
 * Seconds one run of the challenge's default spec trains on a typical CPU-only device; null: nothing
 * is trained in the browser. Partial so a new challenge typechecks before it is measured (a unit test
 * asks for its figure).
 */
export const DEFAULT_TRAIN_SECONDS: Readonly<Partial<Record<ChallengeId, number | null>>> = {
  // Path challenges: the README's Chromium runs of the known-good specs, of the default's size or
  // larger (logic gates 4.6 s, depth and width 5.7 s for twice the default's epochs, activations
  // 6.1 s, losses 3.1 s, batch and epochs 5.2 s with 60x the default's steps, sign 0 vs 1 14.5 s
  // for a CNN where the default is a 2-epoch logistic regression).
  'logic-gates': 5,
  'depth-width': 3,
  activations: 6,
  losses: 3,
  'optimizer-race': null,
  'batch-epochs': 2,
  'sign-01': 3,
  // bench:accuracy in CPU-only Chromium (load 14): 5 epochs with validation in 45 s, so its 8 ≈ 72 s.
  'sign-digits': 75,
  'backprop-steps': null,
  // bench/challenges.ts in Node (WASM, CPU seconds on a busy machine: 5.2 and 9.0 s), rounded up.
  memory: 6,
  attention: 10,
  // bench/gan.ts in Node (WASM): the default's 640 rounds in 2.1-2.2 CPU s (5-6 s wall at load ~10), rounded up.
  gan: 3,
  // bench/gan-digits-level.ts in Node (WASM): the default's 5 epochs (115 rounds) in 9 s wall, 45 epochs in 85 CPU s; rounded up.
  'gan-digits': 10,
  // bench/autoencoder.ts in Node (WASM): the defaults (dense, code 64, 5 epochs) in 8 and 7 CPU s, rounded up.
  autoencoder: 10,
  denoise: 10,
  // The same bench: 60 epochs of 200 and 100 photos, 14.3 and 6.5 CPU s (boss-2's 150 in between).
  'boss-1': 15,
  'boss-2': 11,
  'boss-3': 7,
};

/**
 * Two runs of the default (one to see it, one to try a change) and two minutes to read the card,
 * change the model and submit. A round on a played challenge (no training) needs the two minutes.
 */
export const ROUND_TIME_MARGIN = { runs: 2, fixedMs: 120_000 } as const;

export interface RoundTimeAdvice {
  /** The round is shorter than `neededMs`: say so. */
  tooShort: boolean;
  /** What the rule asks for this challenge, in ms. */
  neededMs: number;
  /** One run of the default on a typical device, in ms (null: nothing trains). */
  trainMs: number | null;
}

export function roundTimeNeededMs(challengeId: ChallengeId): number {
  const seconds = DEFAULT_TRAIN_SECONDS[challengeId];
  // Not measured yet: only the fixed part is asked for.
  return (seconds ?? 0) * 1000 * ROUND_TIME_MARGIN.runs + ROUND_TIME_MARGIN.fixedMs;
}

/** The advice for a round of `durationMs` on `challengeId`; a duration that is no number is not judged. */
export function roundTimeAdvice(challengeId: ChallengeId, durationMs: number): RoundTimeAdvice {
  const seconds = DEFAULT_TRAIN_SECONDS[challengeId] ?? null;
  const neededMs = roundTimeNeededMs(challengeId);
  return { tooShort: Number.isFinite(durationMs) && durationMs < neededMs, neededMs, trainMs: seconds === null ? null : seconds * 1000 };
}
