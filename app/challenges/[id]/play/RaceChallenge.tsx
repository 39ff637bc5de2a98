'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { RaceSettings } from '../../../../game/solo/optimizers';
import { RACE_SURFACES, type RaceEntry } from '../../../../game/solo/play';
import type { SurfaceId } from '../../../../game/solo/surfaces';
import type { RoomMode } from '../Studio';
import { PlaySubmit } from './PlaySubmit';
import { DEFAULT_RACE_SETTINGS } from './race-view';
import { RaceAll } from './RaceAll';
import { RealTaskRace } from './RealTaskRace';
import { runRace, SurfaceCard, type RaceRun } from './SurfaceCard';

type PerSurface<T> = Record<SurfaceId, T>;
const perSurface = <T,>(make: (s: SurfaceId) => T) => Object.fromEntries(RACE_SURFACES.map((s) => [s, make(s)])) as PerSurface<T>;

/**
 * The optimizer race (challenge 5): settings per landscape, trajectories replayed with the server's
 * own code and seed, a seven-optimizer comparison, the submission, and the same optimizers training
 * a real network. The concept card above it (ChallengePlay) carries the title and the idea.
 * `initial`: a submitted entry to start from (a reproduced run).
 */
export function RaceChallenge({ room, initial }: { room?: RoomMode; initial?: RaceEntry }) {
  const t = useTranslations('play.race');
  const [settings, setSettings] = useState<PerSurface<RaceSettings>>(() => initial ? { ...initial.surfaces } : perSurface(() => DEFAULT_RACE_SETTINGS));
  const [runs, setRuns] = useState<PerSurface<RaceRun | null>>(() => perSurface(() => null));
  const [nextRun, setNextRun] = useState(1);

  function raceOn(surfaces: readonly SurfaceId[]) {
    setRuns((r) => ({ ...r, ...Object.fromEntries(surfaces.map((s, i) => [s, { id: nextRun + i, settings: settings[s], result: runRace(s, settings[s]) }])) }));
    setNextRun((n) => n + surfaces.length);
  }

  const entry: RaceEntry = { kind: 'race', surfaces: settings };
  return (
    <div data-testid="race-challenge" data-room={room?.code ?? ''} className="flex flex-col gap-8">
      <section className="flex flex-col gap-3">
        <p className="max-w-3xl text-sm text-slate-700">{t('howTo')}</p>
        <div>
          <button type="button" data-testid="race-run-all" onClick={() => raceOn(RACE_SURFACES)} className="rounded-md border border-indigo-300 bg-indigo-50 px-4 py-1.5 font-semibold text-indigo-900 hover:bg-indigo-100">
            {t('runAll')}
          </button>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          {RACE_SURFACES.map((s) => (
            <SurfaceCard key={s} surface={s} settings={settings[s]} run={runs[s]} onChange={(v) => setSettings((all) => ({ ...all, [s]: v }))} onRace={() => raceOn([s])} />
          ))}
        </div>
      </section>

      <section aria-labelledby="race-submit" className="flex flex-col gap-2 rounded-xl bg-emerald-50/60 p-4 ring-1 ring-emerald-200">
        <h2 id="race-submit" className="text-xl font-semibold">{t('submitTitle')}</h2>
        <p className="max-w-3xl text-sm text-slate-700">{t('submitHelp')}</p>
        <PlaySubmit challengeId="optimizer-race" entry={entry} room={room} />
      </section>

      <RaceAll settings={settings} />
      <RealTaskRace />
    </div>
  );
}
