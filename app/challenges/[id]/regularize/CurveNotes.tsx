'use client';
import { useTranslations } from 'next-intl';
import type { EpochLog } from '../../../../models/train';
import { divergenceSince, keptNote, lowestValLoss } from './curves';

/**
 * Under the loss chart: the epoch with the lowest validation loss, a warning once validation loss
 * turns up while training loss falls (memorizing), and, after a run with early stopping, which
 * epoch's weights the model kept.
 */
export function CurveNotes({ epochs, plannedEpochs, result }: {
  epochs: readonly EpochLog[];
  plannedEpochs: number;
  /** The finished run, if any: whether Stop ended it, and the epoch early stopping kept (0-based). */
  result: { stopped: boolean; bestEpoch?: number } | null;
}) {
  const t = useTranslations('train.curves');
  const best = lowestValLoss(epochs);
  const since = divergenceSince(epochs);
  const kept = result ? keptNote(epochs.length, plannedEpochs, result.stopped, result.bestEpoch) : null;
  if (!best) return null;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p data-testid="best-epoch" data-epoch={best.epoch + 1} className="text-emerald-800">
        {t('best', { epoch: best.epoch + 1, loss: best.valLoss.toFixed(3) })}
      </p>
      {since !== null && <p data-testid="overfit-note" className="text-amber-800">{t('diverging', { epoch: since + 1 })}</p>}
      {kept && (
        <p data-testid="early-stop-note" data-kind={kept.kind} data-ran={kept.ran} data-kept={kept.kept} className="rounded-md bg-emerald-50 px-2 py-1 text-emerald-950 ring-1 ring-emerald-200">
          {t(`kept.${kept.kind}`, { ran: kept.ran, kept: kept.kept })}
        </p>
      )}
    </div>
  );
}
