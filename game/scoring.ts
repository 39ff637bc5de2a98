/** Turns a model's predictions on the hidden test split into a score. The server is the only caller. */

export interface Score {
  /** Fraction of test examples classified correctly, 0..1. */
  score: number;
  /** Number of correct predictions. */
  correct: number;
  /** Number of test examples. */
  total: number;
}

export type ScoreResult = { ok: true; value: Score } | { ok: false; code: 'scoring/mismatch'; message: string };

/** Accuracy of `pred` against `labels`; a length mismatch or an empty split is an error, not a zero. */
export function scoreFromPredictions(pred: ArrayLike<number>, labels: ArrayLike<number>): ScoreResult {
  if (pred.length !== labels.length) {
    return {
      ok: false,
      code: 'scoring/mismatch',
      message: `got ${pred.length} predictions for ${labels.length} test examples`,
    };
  }
  if (labels.length === 0) return { ok: false, code: 'scoring/mismatch', message: 'the test split is empty' };
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (pred[i] === labels[i]) correct++;
  return { ok: true, value: { score: correct / labels.length, correct, total: labels.length } };
}
