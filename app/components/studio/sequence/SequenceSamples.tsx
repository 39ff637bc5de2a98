'use client';
import { useTranslations } from 'next-intl';
import { tokenLabel } from '../../../../game/sequences';
import type { FeatureSplit } from '../../../../models/challenge-data';
import { exampleAt } from './tokens';

const SHOWN = 6;

/** A few training sequences as their tokens (· padding, M marker, ?p a question) and their answers. */
export function SequenceSamples({ train, val }: { train: FeatureSplit; val: FeatureSplit | null }) {
  const t = useTranslations('train.seqViews');
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm text-slate-700">{t('legend')}</p>
      <ol data-testid="sequence-samples" className="flex flex-col gap-0.5 font-mono text-sm">
        {Array.from({ length: Math.min(SHOWN, train.count) }, (_, i) => (
          <li key={i}>
            {exampleAt(train, i).tokens.map(tokenLabel).join(' ')} → <strong>{train.labels[i]}</strong>
          </li>
        ))}
      </ol>
      <p className="text-xs text-slate-500">{t('summary', { train: train.count, val: val?.count ?? 0 })}</p>
    </div>
  );
}
