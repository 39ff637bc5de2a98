'use client';
import { useTranslations } from 'next-intl';
import type { Neuron } from '../../../../models/probe';

const fmt = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2));

function Weight({ name, value, testId }: { name: string; value: number; testId: string }) {
  return (
    <div className="flex flex-col items-center rounded-md bg-white px-3 py-1 ring-1 ring-slate-200">
      <span className="text-xs text-slate-500">{name}</span>
      <span data-testid={testId} data-value={value} className="font-mono text-base font-semibold tabular-nums">{fmt(value)}</span>
    </div>
  );
}

/**
 * The perceptron view: a single neuron's weights and bias as numbers, next to the line they draw.
 * With a hidden layer there is no one line, and the panel says why the boundary can bend.
 */
export function NeuronPanel({ neuron, lineShown, hidden, trained }: {
  neuron: Neuron | null;
  /** The neuron's line crosses the plot (else it says the answer is the same everywhere shown). */
  lineShown: boolean;
  /** The model (as trained, or as edited before any run) has hidden layers. */
  hidden: boolean;
  /** A probe of the live model exists (a run started). */
  trained: boolean;
}) {
  const t = useTranslations('train.neuron');
  if (!neuron) {
    return (
      <div data-testid="neuron-panel" data-kind={hidden ? 'hidden' : 'waiting'} className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
        {hidden ? t('hidden') : trained ? t('notOne') : t('waiting')}
      </div>
    );
  }
  return (
    <div data-testid="neuron-panel" data-kind="neuron" className="flex flex-col gap-2 rounded-lg bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
      <p className="font-medium">{t('title')}</p>
      <p className="font-mono text-sm" aria-label={t('formulaLabel')}>y = σ(w₁·x₁ + w₂·x₂ + b)</p>
      <div className="flex flex-wrap gap-2">
        <Weight name={t('w1')} value={neuron.w[0]} testId="neuron-w1" />
        <Weight name={t('w2')} value={neuron.w[1]} testId="neuron-w2" />
        <Weight name={t('b')} value={neuron.b} testId="neuron-b" />
      </div>
      <p className="text-xs leading-snug text-slate-600">{t('line')}</p>
      {!lineShown && <p data-testid="neuron-line-outside" className="text-xs leading-snug text-amber-800">{t('lineOutside')}</p>}
    </div>
  );
}
