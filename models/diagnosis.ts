/**
 * What a finished (or running) training run's history says, so the studio's feedback is true:
 * - overfitting only when the validation loss has turned up while the training loss kept falling;
 * - underfitting ("cannot separate") when the training loss stays flat near what guessing costs;
 * - nothing otherwise. The hint for a flat loss follows the model: one straight line for a network
 *   with no hidden layer on points, fading gradients for a deep sigmoid stack, else the step size.
 * Pure (types only from ./train and ./spec): the studio and its unit tests read the same figures.
 * Epochs are 0-based here, as the training loop counts them.
 */
import type { ModelSpec, TrainingSpec } from './spec';
import type { EpochLog } from './train';

/** Validation loss this much above its lowest (relative) counts as having turned up. */
export const VAL_RISE_RATIO = 1.05;
/** Epochs since the best one before a rise is called a trend rather than noise. */
export const RISE_EPOCHS = 2;
/** Training loss must have fallen at least this much (relative) since the best epoch. */
export const TRAIN_FALL_RATIO = 0.95;
/** Fewest epochs before a flat loss is called flat. */
export const MIN_EPOCHS_FLAT = 3;
/** Over the second half of the run the training loss fell less than this (relative): flat. */
export const FLAT_DROP = 0.05;
/** Loss at least this share of what guessing costs, or accuracy this close to chance: near chance. */
export const NEAR_CHANCE_LOSS = 0.85;
export const NEAR_CHANCE_ACC = 0.3;

export type FlatHint = 'line' | 'vanishing' | 'steps';
export type Diagnosis =
  | { kind: 'overfitting'; since: number }
  | { kind: 'underfitting'; loss: number; chanceLoss: number; hint: FlatHint };

/**
 * The loss of a model that gives every class the same probability (1/k): ln k for cross-entropy;
 * for MSE over the one-hot outputs (tf's mean over every output), (k − 1) / k².
 */
export function chanceLoss(loss: TrainingSpec['loss'], numClasses: number): number {
  const k = Math.max(2, numClasses);
  return loss === 'categoricalCrossentropy' ? Math.log(k) : (k - 1) / (k * k);
}

/** The first epoch with the lowest validation loss, or null when no epoch measured it. */
function bestVal(epochs: readonly EpochLog[]): EpochLog | null {
  let best: EpochLog | null = null;
  for (const e of epochs) {
    if (e.valLoss === undefined || !Number.isFinite(e.valLoss)) continue;
    if (!best || e.valLoss < (best.valLoss ?? Infinity)) best = e;
  }
  return best;
}

/**
 * The epoch since which the model memorizes: validation loss at least VAL_RISE_RATIO over its lowest
 * for RISE_EPOCHS epochs or more, while the training loss fell to TRAIN_FALL_RATIO of its value at
 * that epoch or below. Null when the curves do not say so (a flat training loss never does).
 */
export function overfittingSince(epochs: readonly EpochLog[]): number | null {
  const best = bestVal(epochs);
  const last = epochs.at(-1);
  if (!best || !last || last.valLoss === undefined || best.valLoss === undefined) return null;
  if (last.epoch - best.epoch < RISE_EPOCHS) return null;
  const rose = last.valLoss > best.valLoss * VAL_RISE_RATIO;
  const fell = last.loss <= best.loss * TRAIN_FALL_RATIO;
  return rose && fell ? best.epoch : null;
}

/** True when the training loss stayed flat near what guessing costs (or accuracy near chance). */
export function isFlatNearChance(epochs: readonly EpochLog[], loss: TrainingSpec['loss'], numClasses: number): boolean {
  if (epochs.length < MIN_EPOCHS_FLAT) return false;
  const last = epochs[epochs.length - 1]!;
  const mid = epochs[Math.floor((epochs.length - 1) / 2)]!;
  if (!Number.isFinite(last.loss) || !Number.isFinite(mid.loss) || mid.loss <= 0) return false;
  const flat = (mid.loss - last.loss) / mid.loss < FLAT_DROP;
  const chanceAcc = 1 / Math.max(2, numClasses);
  const nearChance = last.loss >= NEAR_CHANCE_LOSS * chanceLoss(loss, numClasses) || last.acc <= chanceAcc + NEAR_CHANCE_ACC * (1 - chanceAcc);
  return flat && nearChance;
}

/** Dense layers before the output layer (the last layer). */
function hiddenDense(spec: ModelSpec) {
  return spec.layers.slice(0, -1).filter((l) => l.type === 'dense');
}

/** Which hint fits a flat loss for this model on this kind of data. */
export function flatHint(spec: ModelSpec, planar: boolean): FlatHint {
  const hidden = hiddenDense(spec);
  const hasConv = spec.layers.some((l) => l.type === 'conv2d');
  if (planar && hidden.length === 0) return 'line';
  if (!hasConv && hidden.length >= 3 && hidden.every((l) => l.type === 'dense' && l.activation === 'sigmoid')) return 'vanishing';
  return 'steps';
}

export interface DiagnoseInput {
  epochs: readonly EpochLog[];
  /** The spec the run trained. */
  spec: ModelSpec;
  numClasses: number;
  /** Points in the plane (2-D data, gate inputs) rather than photos. */
  planar: boolean;
}

/** Underfitting first: a flat loss is never overfitting, whatever the validation loss does. */
export function diagnoseRun({ epochs, spec, numClasses, planar }: DiagnoseInput): Diagnosis | null {
  const loss = spec.training.loss;
  if (isFlatNearChance(epochs, loss, numClasses)) {
    return { kind: 'underfitting', loss: epochs[epochs.length - 1]!.loss, chanceLoss: chanceLoss(loss, numClasses), hint: flatHint(spec, planar) };
  }
  const since = overfittingSince(epochs);
  return since === null ? null : { kind: 'overfitting', since };
}
