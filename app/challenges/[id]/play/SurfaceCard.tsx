'use client';
import { useTranslations } from 'next-intl';
import { race, RACE_MAX_STEPS, type RaceResult, type RaceSettings } from '../../../../game/solo/optimizers';
import { RACE_STARS, starsFor } from '../../../../game/solo/path';
import { RACE_SEED } from '../../../../game/solo/play';
import { SURFACES, type SurfaceId } from '../../../../game/solo/surfaces';
import { OPTIMIZER_COLORS, raceVerdict } from './race-view';
import { RaceSettingsForm } from './RaceSettingsForm';
import { Stars } from './Stars';
import { SurfacePlot } from './SurfacePlot';

/** The last race on a surface: the settings it ran with and what happened. */
export interface RaceRun {
  id: number;
  settings: RaceSettings;
  result: RaceResult;
}

/** The same replay the server scores with: same code, same seed. */
export const runRace = (surface: SurfaceId, settings: RaceSettings): RaceResult => race(SURFACES[surface], settings, RACE_SEED);

const sameSettings = (a: RaceSettings, b: RaceSettings) => a.optimizer === b.optimizer && a.learningRate === b.learningRate && a.momentum === b.momentum;

function Verdict({ surface, run }: { surface: SurfaceId; run: RaceRun | null }) {
  const t = useTranslations('play.race');
  if (!run) return <p data-testid={`race-verdict-${surface}`} data-kind="none" className="text-sm text-slate-500">{t('notRun')}</p>;
  const v = raceVerdict(run.result);
  const text = v.kind === 'arrived' ? t('arrived', { steps: v.steps }) : v.kind === 'diverged' ? t('diverged', { steps: v.steps }) : t('timeout', { max: RACE_MAX_STEPS });
  return (
    <p data-testid={`race-verdict-${surface}`} data-kind={v.kind} data-steps={v.kind === 'timeout' ? '' : v.steps} className={`text-sm ${v.kind === 'arrived' ? 'text-emerald-800' : 'text-red-800'}`}>
      {text}
    </p>
  );
}

/** One landscape: its plot with the last race's path, the settings, the Race button and the stars. */
export function SurfaceCard({ surface, settings, run, onChange, onRace }: {
  surface: SurfaceId;
  settings: RaceSettings;
  run: RaceRun | null;
  onChange: (s: RaceSettings) => void;
  onRace: () => void;
}) {
  const t = useTranslations('play');
  const stars = run ? starsFor(run.result.steps, RACE_STARS[surface]) : 0;
  const th = RACE_STARS[surface];
  const paths = run ? [{ key: run.settings.optimizer, path: run.result.path, color: OPTIMIZER_COLORS[run.settings.optimizer] }] : [];
  return (
    <article data-testid={`race-card-${surface}`} className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{t(`race.surface.${surface}`)}</h2>
        <Stars stars={stars} testId={`race-stars-${surface}`} />
      </header>
      <p className="text-sm text-slate-600">{t(`race.surfaceHelp.${surface}`)}</p>
      <SurfacePlot
        surface={SURFACES[surface]}
        paths={paths}
        runId={run?.id ?? 0}
        testId={`race-plot-${surface}`}
        label={t('race.plotLabel', { surface: t(`race.surface.${surface}`), optimizer: t(`optimizer.${(run?.settings ?? settings).optimizer}`) })}
      />
      <p className="text-xs text-slate-500">{t('race.thresholds', { one: th.one, two: th.two, three: th.three })}</p>
      <RaceSettingsForm id={surface} settings={settings} onChange={onChange} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" data-testid={`race-run-${surface}`} onClick={onRace} className="rounded-md bg-indigo-600 px-4 py-1.5 font-semibold text-white hover:bg-indigo-700">
          {t('race.run')}
        </button>
        <Verdict surface={surface} run={run} />
      </div>
      {run && !sameSettings(run.settings, settings) && <p data-testid={`race-stale-${surface}`} className="text-xs text-amber-800">{t('race.stale')}</p>}
    </article>
  );
}
