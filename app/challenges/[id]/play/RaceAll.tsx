'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { RACE_MAX_STEPS, RACE_OPTIMIZERS, type RaceResult, type RaceSettings } from '../../../../game/solo/optimizers';
import { RACE_SURFACES } from '../../../../game/solo/play';
import { SURFACES, type SurfaceId } from '../../../../game/solo/surfaces';
import { OPTIMIZER_COLORS, raceVerdict } from './race-view';
import { runRace } from './SurfaceCard';
import { SurfacePlot } from './SurfacePlot';

interface Comparison {
  id: number;
  surface: SurfaceId;
  learningRate: number;
  momentum: number;
  results: { optimizer: RaceSettings['optimizer']; result: RaceResult }[];
}

function ResultRow({ optimizer, result }: { optimizer: RaceSettings['optimizer']; result: RaceResult }) {
  const t = useTranslations('play');
  const v = raceVerdict(result);
  const text = v.kind === 'arrived' ? t('race.arrived', { steps: v.steps }) : v.kind === 'diverged' ? t('race.diverged', { steps: v.steps }) : t('race.timeout', { max: RACE_MAX_STEPS });
  return (
    <li data-testid="race-all-row" data-optimizer={optimizer} data-kind={v.kind} data-steps={v.kind === 'timeout' ? '' : v.steps} className="flex items-start gap-2 text-sm">
      <span aria-hidden="true" className="mt-1 inline-block h-3 w-3 shrink-0 rounded-full ring-1 ring-slate-500" style={{ background: OPTIMIZER_COLORS[optimizer] }} />
      <span><strong>{t(`optimizerShort.${optimizer}`)}</strong> · {text}</span>
    </li>
  );
}

/**
 * Every optimizer on one landscape, with that landscape's learning rate and momentum, drawn
 * together: the differences between them are the lesson.
 */
export function RaceAll({ settings }: { settings: Readonly<Record<SurfaceId, RaceSettings>> }) {
  const t = useTranslations('play');
  const [surface, setSurface] = useState<SurfaceId>('ravine');
  const [cmp, setCmp] = useState<Comparison | null>(null);
  const { learningRate, momentum } = settings[surface];

  function run() {
    const results = RACE_OPTIMIZERS.map((optimizer) => ({ optimizer, result: runRace(surface, { optimizer, learningRate, momentum }) }));
    setCmp((c) => ({ id: (c?.id ?? 0) + 1, surface, learningRate, momentum, results }));
  }

  const shown = cmp && cmp.surface === surface ? cmp : null;
  const paths = shown?.results.map((r) => ({ key: r.optimizer, path: r.result.path, color: OPTIMIZER_COLORS[r.optimizer] })) ?? [];
  return (
    <section aria-labelledby="race-all" data-testid="race-all" className="flex flex-col gap-3">
      <h2 id="race-all" className="text-xl font-semibold">{t('race.compareTitle')}</h2>
      <p className="max-w-3xl text-sm text-slate-700">{t('race.compareIntro')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('race.compareSurface')}</span>
          <select data-testid="race-all-surface" value={surface} onChange={(e) => setSurface(e.target.value as SurfaceId)} className="rounded-md border border-slate-300 bg-white px-2 py-1">
            {RACE_SURFACES.map((s) => <option key={s} value={s}>{t(`race.surface.${s}`)}</option>)}
          </select>
        </label>
        <button type="button" data-testid="race-all-run" onClick={run} className="rounded-md bg-indigo-600 px-4 py-1.5 font-semibold text-white hover:bg-indigo-700">{t('race.compareRun')}</button>
        <span className="text-sm text-slate-600">{t('race.compareSettings', { lr: learningRate, momentum: momentum.toFixed(2) })}</span>
      </div>
      <div className="grid items-start gap-4 md:grid-cols-[minmax(0,28rem)_1fr]">
        <SurfacePlot
          surface={SURFACES[surface]}
          paths={paths}
          runId={shown?.id ?? 0}
          testId="race-all-plot"
          label={t('race.plotLabel', { surface: t(`race.surface.${surface}`), optimizer: RACE_OPTIMIZERS.map((o) => t(`optimizerShort.${o}`)).join(', ') })}
        />
        {shown && (
          <ul className="flex flex-col gap-1.5">
            {shown.results.map((r) => <ResultRow key={r.optimizer} optimizer={r.optimizer} result={r.result} />)}
          </ul>
        )}
      </div>
    </section>
  );
}
