/**
 * How an autoencoder challenge is scored, from what the scoring worker measured on the hidden test
 * photos: each photo's reconstruction error (mean squared error over its pixels on 0..1, of the
 * model's output on the input it was given against the clean photo). The score is
 *
 *   1 − (mean error) / (error of answering the mean training photo every time),
 *
 * clipped to 0..1: 0 for a model that learnt nothing about the photo in front of it, 1 for a perfect
 * copy (the share of the photos' variation around the average photo that the model rebuilds, as R²
 * is for a regression). `correct` counts the photos rebuilt closer than the mean photo would be.
 * Stars (game/stars.ts) then read the score and the code length of the STORED spec's bottleneck.
 */
import type { ModelSpec, SpecIssue } from '../models/spec';
import { autoencoderIssues, strayBottleneckIssues } from '../models/spec-decoder';
import type { ModelChallenge } from './challenges';
import { MEAN_PHOTO_MSE } from './autoencoder-challenges';
import type { Score, ScoreResult } from './scoring';
import { modelStars, type Stars } from './stars';

/** The score of per-photo errors against the baseline error; a wrong count is an error, not a zero. */
export function scoreReconstruction(errors: ArrayLike<number>, expected: number, baseline = MEAN_PHOTO_MSE): ScoreResult {
  if (errors.length !== expected) {
    return { ok: false, code: 'scoring/mismatch', message: `got ${errors.length} reconstruction errors for ${expected} test photos` };
  }
  if (expected === 0) return { ok: false, code: 'scoring/mismatch', message: 'the test split is empty' };
  let sum = 0;
  let correct = 0;
  for (let i = 0; i < errors.length; i++) {
    // A photo the model turned into NaN or Infinity counts as rebuilt as badly as can be (error 1).
    const e = Number.isFinite(errors[i]) ? Math.max(0, errors[i] ?? 1) : 1;
    sum += e;
    if (e < baseline) correct++;
  }
  const score = Math.min(1, Math.max(0, 1 - sum / expected / baseline));
  return { ok: true, value: { score, correct, total: expected } };
}

export type AutoencoderOutcome = { ok: true; score: Score; stars: Stars } | { ok: false; code: 'scoring/mismatch'; message: string };

/**
 * An autoencoder submission's score and stars: `errors` from the worker (one per hidden test photo,
 * `testCount` of them as the server loaded them), the stored spec and its stored parameter count.
 */
export function autoencoderOutcome(challenge: ModelChallenge, errors: ArrayLike<number> | undefined, testCount: number, spec: ModelSpec, paramCount: number): AutoencoderOutcome {
  if (challenge.objective !== 'reconstruct') return { ok: false, code: 'scoring/mismatch', message: `${challenge.id} is not an autoencoder challenge` };
  if (!errors) return { ok: false, code: 'scoring/mismatch', message: 'the worker measured no reconstruction errors' };
  const scored = scoreReconstruction(errors, testCount);
  if (!scored.ok) return scored;
  return { ok: true, score: scored.value, stars: modelStars(challenge, { score: scored.value.score, paramCount, spec }) };
}

/**
 * What an autoencoder challenge asks of a spec beyond fitting shapes and budgets, or null: exactly
 * one bottleneck with a decoder after it, mean squared error as the loss (cross-entropy over one
 * grey channel is always zero), and no augmentation (it would change the inputs but not the photos
 * they must rebuild). Any other challenge refuses a marked bottleneck: there it would mean nothing.
 */
export function autoencoderSpecProblem(challenge: ModelChallenge, spec: ModelSpec): { message: string; issues: SpecIssue[] } | null {
  if (challenge.objective !== 'reconstruct') {
    const stray = strayBottleneckIssues(spec);
    return stray.length > 0 ? { message: `challenge ${challenge.id} is not an autoencoder challenge`, issues: stray } : null;
  }
  const issues: SpecIssue[] = [...autoencoderIssues(spec)];
  if (spec.training.loss !== 'meanSquaredError') {
    issues.push({ path: 'training.loss', message: `training.loss: an autoencoder is trained with meanSquaredError (how far each pixel is from the photo's), got ${spec.training.loss}` });
  }
  if (spec.training.augment) {
    issues.push({ path: 'training.augment', message: 'training.augment: an autoencoder rebuilds its own photos; augmenting its inputs alone would ask it to undo the change' });
  }
  if (issues.length === 0) return null;
  return { message: `the model is not an autoencoder challenge ${challenge.id} can take: ${issues.map((i) => i.path).join(', ')}`, issues };
}
