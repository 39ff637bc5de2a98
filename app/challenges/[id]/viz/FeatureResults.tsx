'use client';
import { useTranslations } from 'next-intl';
import type { FeatureSplit } from '../../../../models/challenge-data';
import { accuracy } from '../../../../models/metrics';

/** A gate's four rows: inputs, the expected output, and what the model said. */
function TruthTable({ val, predictions }: { val: FeatureSplit; predictions: Int32Array }) {
  const t = useTranslations('train.results');
  return (
    <table data-testid="truth-table" className="w-fit border-collapse text-sm tabular-nums">
      <thead>
        <tr className="text-slate-600">
          <th scope="col" className="px-3 py-1">x₁</th>
          <th scope="col" className="px-3 py-1">x₂</th>
          <th scope="col" className="px-3 py-1">{t('expected')}</th>
          <th scope="col" className="px-3 py-1">{t('predicted')}</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: val.count }, (_, i) => {
          const right = predictions[i] === val.labels[i];
          return (
            <tr key={i} data-testid="truth-row" data-right={right} className={right ? '' : 'bg-red-50'}>
              <td className="px-3 py-1 text-center">{val.features[2 * i]}</td>
              <td className="px-3 py-1 text-center">{val.features[2 * i + 1]}</td>
              <td className="px-3 py-1 text-center">{val.labels[i]}</td>
              <td className={`px-3 py-1 text-center font-semibold ${right ? 'text-emerald-700' : 'text-red-700'}`}>
                {predictions[i]} <span className="sr-only">{right ? t('right') : t('wrong')}</span><span aria-hidden="true">{right ? '✓' : '✗'}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Validation accuracy of a 2-D run, and for a gate the truth table with the model's answers. */
export function FeatureResults({ val, predictions, gate }: { val: FeatureSplit; predictions: Int32Array; gate: boolean }) {
  const t = useTranslations('train');
  const acc = accuracy(predictions, val.labels);
  const right = Math.round(acc * val.count);
  return (
    <section className="flex flex-col gap-3">
      <p className="text-lg">
        {t('valAccuracy')}{' '}
        <strong data-testid="val-accuracy" data-value={acc} className="tabular-nums">{(acc * 100).toFixed(1)}%</strong>{' '}
        <span className="text-sm text-slate-500">({right}/{val.count})</span>
      </p>
      {gate && <TruthTable val={val} predictions={predictions} />}
      {gate && right < val.count && <p className="text-sm text-slate-700">{t('results.gateMissed')}</p>}
    </section>
  );
}
