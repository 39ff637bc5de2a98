/**
 * What the loss curves say about overfitting: the epoch with the lowest validation loss (the one
 * early stopping keeps), whether validation loss has turned up while training loss keeps falling,
 * and what a finished run kept. Pure, so the training view and its tests read the same figures.
 * Epochs are 0-based here, as the training loop counts them; the view adds 1.
 */
import { overfittingSince } from '../../../../models/diagnosis';
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

/**
 * The epoch (0-based) since which the model memorizes: validation loss turned up while the training
 * loss went on falling (models/diagnosis.ts, where the thresholds live). Null when the curves do not
 * say so.
 */
export function divergenceSince(epochs: readonly EpochLog[]): number | null {
  return overfittingSince(epochs);
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
