'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CHALLENGES } from '../../../game/challenges';
import { useErrorText } from '../errors/useErrorText';
import { NicknameForm } from '../shell/NicknameForm';
import { ApplicationCards } from './ApplicationCards';
import { LockIcon, StarRow } from './icons';
import { bossStops, nextChallenge, pathStops, pathTotals, type PathStop } from './path-state';
import { useProgress, type ProgressState } from './useProgress';

/** One stop: a link when open; when locked, not a link, with the lock and what opens it. */
function StopCard({ stop, upNext, boss = false }: { stop: PathStop; upNext: boolean; boss?: boolean }) {
  const t = useTranslations('solo');
  const tc = useTranslations('common');
  const kind = CHALLENGES[stop.id].kind;
  // Boss cards sit under the boss section's own heading.
  const Heading = boss ? 'h3' : 'h2';
  const body = (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {boss ? t('bossNumber', { number: stop.number }) : t('number', { number: stop.number })} · {t(`kind.${kind}`)}
        </span>
        {stop.unlocked ? (
          <StarRow stars={stop.stars} label={t('starsLabel', { stars: stop.stars })} />
        ) : (
          <span className="flex items-center gap-1 text-sm font-medium text-slate-500">
            <LockIcon className="h-4 w-4" />
            {t('locked')}
          </span>
        )}
      </div>
      <Heading className={`text-lg font-semibold ${stop.unlocked ? 'text-indigo-900' : 'text-slate-600'}`}>
        {tc(`challengeName.${stop.id}`)}
        {upNext && <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 align-middle text-xs font-semibold text-emerald-900 ring-1 ring-emerald-300">{t('upNext')}</span>}
      </Heading>
      <p className="text-sm text-slate-700">{t(`challenge.${stop.id}.oneLine`)}</p>
      {!stop.unlocked && stop.previous && (
        <p data-testid="lock-reason" className="text-sm text-amber-900">{t('lockedReason', { previous: tc(`challengeName.${stop.previous}`) })}</p>
      )}
    </>
  );
  const common = 'flex flex-1 flex-col gap-1.5 rounded-2xl p-4 ring-1';
  return stop.unlocked ? (
    <Link href={`/challenges/${stop.id}`} data-testid={`path-open-${stop.id}`} className={`${common} bg-white shadow-sm ring-slate-200 hover:ring-2 hover:ring-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-600`}>
      {body}
    </Link>
  ) : (
    <div aria-disabled="true" className={`${common} bg-slate-100 ring-slate-200`}>{body}</div>
  );
}

function Summary({ state }: { state: ProgressState }) {
  const t = useTranslations('solo');
  const describeError = useErrorText();
  if (state.status === 'anonymous') {
    return (
      <div data-testid="path-anonymous" className="flex flex-col gap-3 rounded-2xl bg-indigo-50 p-4 ring-1 ring-indigo-200">
        <p className="text-indigo-950">{t('anonymous')}</p>
        <NicknameForm compact />
      </div>
    );
  }
  if (state.status === 'loading') return <p role="status" className="text-sm text-slate-600">{t('loading')}</p>;
  const totals = pathTotals(state.progress);
  return (
    <div className="flex flex-col gap-2">
      <p role="status" data-testid="path-progress" data-stars={totals.stars} className="font-medium text-slate-800">{t('progress', totals)}</p>
      {state.status === 'error' && <p role="alert" data-code={state.error?.code} className="text-sm text-red-800">{state.error ? `${describeError(state.error)} ` : ''}{t('loadFailed')}</p>}
    </div>
  );
}

/** The challenges as a path: numbered stops joined by a line, stars, locks, what comes next. */
export function SoloPath() {
  const t = useTranslations('solo');
  const state = useProgress();
  const stops = pathStops(state.progress);
  const next = state.status === 'ready' || state.status === 'anonymous' ? nextChallenge(state.progress) : null;
  return (
    <div data-testid="solo-path" data-status={state.status} className="flex flex-col gap-5">
      <Summary state={state} />
      <ol className="flex flex-col">
        {stops.map((stop, i) => (
          <li key={stop.id} data-testid={`path-stop-${stop.id}`} data-unlocked={stop.unlocked ? 'true' : 'false'} data-stars={stop.stars} className="flex gap-4">
            <div aria-hidden="true" className="flex w-10 shrink-0 flex-col items-center">
              <span className={`flex h-10 w-10 items-center justify-center rounded-full text-sm font-bold ${stop.stars > 0 ? 'bg-amber-400 text-amber-950' : stop.unlocked ? 'bg-indigo-700 text-white' : 'bg-slate-300 text-slate-600'}`}>
                {stop.unlocked ? stop.number : <LockIcon className="h-4 w-4" />}
              </span>
              {i < stops.length - 1 && <span className={`w-1 flex-1 ${stop.stars > 0 ? 'bg-amber-300' : 'bg-slate-200'}`} />}
            </div>
            <div className="flex flex-1 pb-4">
              <StopCard stop={stop} upNext={stop.id === next && stop.unlocked} />
            </div>
          </li>
        ))}
      </ol>
      <ApplicationCards />
      <section aria-labelledby="boss-title" data-testid="boss-stops" className="flex flex-col gap-3">
        <h2 id="boss-title" className="text-2xl font-bold">{t('bossHeading')}</h2>
        <p className="max-w-3xl text-slate-700">{t('bossIntro')}</p>
        <ul className="grid gap-3 md:grid-cols-3">
          {bossStops(state.progress).map((stop) => (
            <li key={stop.id} data-testid={`path-stop-${stop.id}`} data-unlocked={stop.unlocked ? 'true' : 'false'} data-stars={stop.stars} className="flex">
              <StopCard stop={stop} upNext={false} boss />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
