'use client';
import { useTranslations } from 'next-intl';
import type { ModelSpec } from '../../../../models/spec';

/** The bars' log scale: 10⁻⁷ (nothing moves) to 10⁰. */
const LOG_MIN = -7;
const LOG_MAX = 0;
/** Last layer's gradient over the first's above which the panel calls it vanishing. */
const VANISHING_RATIO = 100;
const SPARK_W = 96;
const SPARK_H = 22;

const logScale = (g: number) => {
  const l = Math.log10(Math.max(g, 10 ** LOG_MIN));
  return Math.min(1, Math.max(0, (l - LOG_MIN) / (LOG_MAX - LOG_MIN)));
};

/** One layer's figure over the run, on the bars' log scale. */
function Sparkline({ values }: { values: number[] }) {
  if (values.length < 2) return <svg aria-hidden="true" width={SPARK_W} height={SPARK_H} />;
  const pts = values.map((v, i) => `${((i / (values.length - 1)) * (SPARK_W - 2) + 1).toFixed(1)},${((1 - logScale(v)) * (SPARK_H - 2) + 1).toFixed(1)}`);
  return (
    <svg aria-hidden="true" width={SPARK_W} height={SPARK_H} className="shrink-0">
      <polyline points={pts.join(' ')} fill="none" stroke="#4f46e5" strokeWidth="1.5" />
    </svg>
  );
}

/** Names of the dense layers in order, e.g. "1 · 8 sigmoid". */
function denseNames(spec: ModelSpec | null): string[] {
  const dense = (spec?.layers ?? []).flatMap((l) => (l.type === 'dense' ? [l] : []));
  return dense.map((l, i) => `${i + 1} · ${l.units} ${l.activation}`);
}

/**
 * Mean |∂loss/∂W| per dense layer, measured on one batch at each epoch end: a bar for the newest
 * figure (log scale) and a sparkline of the run so far. Sigmoid's first layers sit near zero.
 */
export function GradientBars({ gradients, spec }: { gradients: { at: number; values: number[] }[]; spec: ModelSpec | null }) {
  const t = useTranslations('train.grad');
  const latest = gradients.at(-1);
  const names = denseNames(spec);
  const first = latest?.values[0];
  const last = latest?.values.at(-1);
  const ratio = first && last && latest.values.length > 1 ? last / first : null;
  return (
    <section aria-labelledby="gradients" data-testid="gradient-bars" className="flex flex-col gap-2 rounded-lg bg-white p-3 ring-1 ring-slate-200">
      <h3 id="gradients" className="font-semibold">{t('title')}</h3>
      <p className="text-xs leading-snug text-slate-600">{t('help')}</p>
      {!latest && <p className="text-sm text-slate-500">{t('waiting')}</p>}
      {latest && (
        <ol className="flex flex-col gap-1">
          {latest.values.map((g, i) => (
            <li key={i} data-testid="gradient-row" data-value={g} className="grid grid-cols-[7rem_minmax(0,1fr)_auto_auto] items-center gap-2 text-xs">
              <span className="truncate font-mono" title={names[i]}>{names[i] ?? i + 1}</span>
              <span className="h-3 rounded bg-slate-100" role="img" aria-label={t('barLabel', { layer: i + 1, value: g.toExponential(1) })}>
                <span className="block h-3 rounded bg-indigo-500 transition-[width] motion-reduce:transition-none" style={{ width: `${(logScale(g) * 100).toFixed(1)}%` }} />
              </span>
              <span className="w-14 text-right font-mono tabular-nums">{g.toExponential(1)}</span>
              <Sparkline values={gradients.map((s) => s.values[i] ?? 0)} />
            </li>
          ))}
        </ol>
      )}
      {ratio !== null && (
        <p data-testid="gradient-ratio" data-ratio={ratio} className={`text-xs ${ratio >= VANISHING_RATIO ? 'font-semibold text-amber-800' : 'text-slate-600'}`}>
          {ratio >= VANISHING_RATIO ? t('vanishing', { ratio: Math.round(ratio).toLocaleString('en-US') }) : t('healthy', { ratio: ratio.toFixed(1) })}
        </p>
      )}
      <p className="text-xs text-slate-500">{t('scale')}</p>
    </section>
  );
}
