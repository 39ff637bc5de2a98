/** Classification metrics on plain arrays (no tfjs), shared by the browser views and the server. */

/** Fraction of positions where `pred` equals `labels`; 0 for empty input. */
export function accuracy(pred: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (pred.length !== labels.length) throw new Error(`accuracy: ${pred.length} predictions for ${labels.length} labels`);
  if (labels.length === 0) return 0;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (pred[i] === labels[i]) correct++;
  return correct / labels.length;
}

/** counts[trueClass][predictedClass]. */
export function confusionMatrix(pred: ArrayLike<number>, labels: ArrayLike<number>, numClasses: number): number[][] {
  if (pred.length !== labels.length) throw new Error(`confusionMatrix: ${pred.length} predictions for ${labels.length} labels`);
  const m = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const row = m[labels[i] as number];
    const p = pred[i] as number;
    if (row && p >= 0 && p < numClasses) row[p] = (row[p] ?? 0) + 1;
  }
  return m;
}

/** Indices of the examples the model got wrong, in order. */
export function misclassified(pred: ArrayLike<number>, labels: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) if (pred[i] !== labels[i]) out.push(i);
  return out;
}
