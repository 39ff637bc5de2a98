/**
 * What the loss curves say about overfitting: the epoch with the lowest validation loss (the one
 * early stopping keeps), whether validation loss has turned up while training loss keeps falling,
 * and what a finished run kept. Pure, so the training view and its tests read the same figures.
 * Epochs are 0-based here, as the training loop counts them; the view adds 1.
 */
import type { EpochLog } from '../../../../models/train';

export interface BestEpoch {
  /** 0-based epoch index. */
  epoch: number;
  valLoss: number;
}

/** The first epoch with the lowest validation loss (as early stopping picks it), or null. */
export function lowestValLoss(epochs: readonly EpochLog[]): BestEpoch | null {
  let best: BestEpoch | null = null;
  for (const e of epochs) {
    if (e.valLoss === undefined || !Number.isFinite(e.valLoss)) continue;
    if (!best || e.valLoss < best.valLoss) best = { epoch: e.epoch, valLoss: e.valLoss };
  }
  return best;
}

/** Validation loss this much above its lowest (relative) counts as having turned up. */
export const DIVERGENCE_RATIO = 1.05;
/** Epochs since the best one before a rise is called a trend rather than noise. */
export const DIVERGENCE_EPOCHS = 2;

/**
 * The epoch (0-based) since which the model memorizes: validation loss has risen at least
 * DIVERGENCE_RATIO over its lowest for DIVERGENCE_EPOCHS epochs or more while the training loss
 * went on falling. Null when the curves do not say so.
 */
export function divergenceSince(epochs: readonly EpochLog[]): number | null {
  const best = lowestValLoss(epochs);
  const last = epochs.at(-1);
  if (!best || !last || last.valLoss === undefined) return null;
  const atBest = epochs.find((e) => e.epoch === best.epoch);
  if (!atBest || last.epoch - best.epoch < DIVERGENCE_EPOCHS) return null;
  const rose = last.valLoss > best.valLoss * DIVERGENCE_RATIO;
  return rose && last.loss < atBest.loss ? best.epoch : null;
}

/**
 * What the model holds after a run with early stopping on (1-based epochs, as shown):
 * - 'early': early stopping ended the run at `ran` and put back the weights of `kept`;
 * - 'user': Stop was pressed at `ran`, and the best epoch's weights were put back;
 * - 'full': every planned epoch ran, and the best epoch's weights were put back.
 * Null without early stopping (`bestEpoch` undefined): the model is the last epoch's.
 */
export type KeptNote = { kind: 'early' | 'user' | 'full'; ran: number; kept: number };

export function keptNote(ranEpochs: number, plannedEpochs: number, userStopped: boolean, bestEpoch: number | undefined): KeptNote | null {
  if (bestEpoch === undefined || ranEpochs === 0) return null;
  const kind = userStopped ? 'user' : ranEpochs < plannedEpochs ? 'early' : 'full';
  return { kind, ran: ranEpochs, kept: bestEpoch + 1 };
}
