'use client';
import { useTranslations } from 'next-intl';
import { diagnoseRun } from '../../../../models/diagnosis';
import type { ModelSpec } from '../../../../models/spec';
import type { EpochLog } from '../../../../models/train';
import { keptNote, lowestValLoss } from './curves';

/** What the run learned from: the words the feedback uses for its examples. */
export interface RunData {
  numClasses: number;
  /** Points in the plane (2-D data, gate inputs); otherwise photos. */
  planar: boolean;
  /** An autoencoder: the loss is a reconstruction error and there is no accuracy. */
  reconstruct?: boolean;
}

/** The diagnosis in words: overfitting only on a real divergence; a flat loss with the hint that fits. */
function DiagnosisNote({ epochs, spec, data, finished }: { epochs: readonly EpochLog[]; spec: ModelSpec; data: RunData; finished: boolean }) {
  const t = useTranslations('train.curves');
  const d = diagnoseRun({ epochs, spec, numClasses: data.numClasses, planar: data.planar });
  const words = data.planar ? 'points' : 'photos';
  if (!d) return null;
  if (d.kind === 'overfitting') return <p data-testid="overfit-note" className="text-amber-800">{t('overfitting', { epoch: d.since + 1, data: words })}</p>;
  // A slow start is not a verdict: a flat loss is called so once the run is over.
  if (!finished) return null;
  return (
    <div data-testid="underfit-note" data-hint={d.hint} className="flex flex-col gap-1 rounded-md bg-amber-50 px-2 py-1 text-amber-950 ring-1 ring-amber-200">
      <p>{t('underfitting', { loss: d.loss.toFixed(3), chance: d.chanceLoss.toFixed(3), data: words })}</p>
      <p data-testid="underfit-hint" className="text-xs">{t(`hint.${d.hint}`)}</p>
    </div>
  );
}

/**
 * Under the loss chart: the epoch with the lowest validation loss, what the curves say (memorizing,
 * or not learning at all), and, after a run with early stopping, which epoch's weights it kept.
 */
export function CurveNotes({ epochs, plannedEpochs, result, spec, data }: {
  epochs: readonly EpochLog[];
  plannedEpochs: number;
  /** The finished run, if any: whether Stop ended it, and the epoch early stopping kept (0-based). */
  result: { stopped: boolean; bestEpoch?: number } | null;
  /** The spec the run trained (null before a run). */
  spec: ModelSpec | null;
  data: RunData;
}) {
  const t = useTranslations('train.curves');
  const best = lowestValLoss(epochs);
  const kept = result ? keptNote(epochs.length, plannedEpochs, result.stopped, result.bestEpoch) : null;
  if (!best && !spec) return null;
  return (
    <div className="flex flex-col gap-1 text-sm">
      {best && (
        <p data-testid="best-epoch" data-epoch={best.epoch + 1} className="text-emerald-800">
          {t('best', { epoch: best.epoch + 1, loss: best.valLoss.toFixed(3) })}
        </p>
      )}
      {spec && <DiagnosisNote epochs={epochs} spec={spec} data={data} finished={result !== null} />}
      {kept && (
        <p data-testid="early-stop-note" data-kind={kept.kind} data-ran={kept.ran} data-kept={kept.kept} className="rounded-md bg-emerald-50 px-2 py-1 text-emerald-950 ring-1 ring-emerald-200">
          {t(`kept.${kept.kind}`, { ran: kept.ran, kept: kept.kept })}
        </p>
      )}
    </div>
  );
}
