'use client';
import { useTranslations } from 'next-intl';
import { isFeatureSplit, type Examples } from '../../../models/challenge-data';
import { imageAt, type SplitData } from '../../../models/dataset';
import { accuracy, confusionMatrix, misclassified } from '../../../models/metrics';
import { DigitCanvas } from './DigitCanvas';
import { FeatureResults } from './viz/FeatureResults';

/** Misclassified validation images shown at most. */
const GALLERY_MAX = 24;

/** What the trained model got right and wrong on the validation examples (images or 2-D points). */
export function Results({ val, predictions, numClasses, gate = false }: { val: Examples; predictions: Int32Array; numClasses: number; gate?: boolean }) {
  return isFeatureSplit(val) ? <FeatureResults val={val} predictions={predictions} gate={gate} /> : <ImageResults val={val} predictions={predictions} numClasses={numClasses} />;
}

function ImageResults({ val, predictions, numClasses }: { val: SplitData; predictions: Int32Array; numClasses: number }) {
  const t = useTranslations('train');
  const acc = accuracy(predictions, val.labels);
  const matrix = confusionMatrix(predictions, val.labels, numClasses);
  const wrong = misclassified(predictions, val.labels);
  const rowMax = matrix.map((row) => Math.max(1, ...row));
  return (
    <section className="flex flex-col gap-4">
      <p className="text-lg">
        {t('valAccuracy')}{' '}
        <strong data-testid="val-accuracy" data-value={acc} className="tabular-nums">{(acc * 100).toFixed(1)}%</strong>{' '}
        <span className="text-sm text-slate-500">({val.count - wrong.length}/{val.count})</span>
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <figure className="min-w-0 overflow-x-auto">
          <figcaption className="mb-1 text-sm font-medium">{t('confusionTitle')}</figcaption>
          <p className="mb-2 text-xs text-slate-500">{t('confusionHelp')}</p>
          <table data-testid="confusion-matrix" className="border-collapse text-xs tabular-nums">
            <thead>
              <tr>
                <th className="p-1 text-slate-500">{t('trueVsPredicted')}</th>
                {matrix.map((_, c) => <th key={c} scope="col" className="w-8 p-1">{c}</th>)}
              </tr>
            </thead>
            <tbody>
              {matrix.map((row, r) => (
                <tr key={r}>
                  <th scope="row" className="p-1">{r}</th>
                  {row.map((n, c) => {
                    const share = n / (rowMax[r] ?? 1);
                    const bg = r === c ? `rgba(16,185,129,${share})` : n > 0 ? `rgba(220,38,38,${0.15 + 0.6 * share})` : 'transparent';
                    return <td key={c} title={t('cellHelp', { truth: r, predicted: c, count: n })} className="h-8 w-8 border border-slate-100 text-center" style={{ background: bg }}>{n || ''}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
        <figure>
          <figcaption className="mb-1 text-sm font-medium">
            {t('misclassifiedTitle', { count: wrong.length })}
            {wrong.length > GALLERY_MAX && <span className="ml-1 font-normal text-slate-500">{t('misclassifiedShowing', { shown: GALLERY_MAX })}</span>}
          </figcaption>
          <div data-testid="misclassified-gallery" className="flex flex-wrap gap-2">
            {wrong.slice(0, GALLERY_MAX).map((i) => (
              <div key={i} className="flex flex-col items-center text-xs">
                <DigitCanvas pixels={imageAt(val, i)} width={val.width} height={val.height} label={t('wrongAlt', { truth: val.labels[i] ?? 0, predicted: predictions[i] ?? 0 })} size={56} />
                <span>{val.labels[i]} → <span className="font-semibold text-red-700">{predictions[i]}</span></span>
              </div>
            ))}
            {wrong.length === 0 && <p className="text-sm text-slate-600">{t('noMistakes')}</p>}
          </div>
        </figure>
      </div>
    </section>
  );
}
