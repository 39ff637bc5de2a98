'use client';
import { useTranslations } from 'next-intl';
import type { BossReveal, RevealRow } from '../../../game/boss/reveal';
import { percentText } from '../room/format';
import { BossFace } from './BossFace';
import { lineText, myRow, wholePercent } from './boss-view';
import { HealthBar } from './HealthBar';
import { ShakeUpTable } from './ShakeUpTable';

function Stat({ label, value, testId, data }: { label: string; value: string; testId: string; data: number }) {
  return (
    <div className="flex flex-col rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <span className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</span>
      <span data-testid={testId} data-value={data} className="text-2xl font-bold tabular-nums">{value}</span>
    </div>
  );
}

/** The viewer's own result: the boss's line with the numbers, the four figures, the stars. */
function MyHit({ row }: { row: RevealRow }) {
  const t = useTranslations('boss');
  const line = lineText(row);
  return (
    <div data-testid="reveal-mine" data-line={line.key} className="flex flex-col gap-3">
      <p data-testid="boss-line" className="rounded-2xl bg-white p-4 text-lg font-semibold text-slate-900 shadow ring-1 ring-rose-200">“{t(`line.${line.key}`, line.values)}”</p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat testId="reveal-my-public" data={row.public} label={t('col.public')} value={t('percent', { value: percentText(row.public) })} />
        <Stat testId="reveal-my-private" data={row.private} label={t('col.private')} value={t('percent', { value: percentText(row.private) })} />
        <Stat testId="reveal-my-train" data={row.train} label={t('col.train')} value={t('percent', { value: percentText(row.train) })} />
        <Stat testId="reveal-my-gap" data={row.gap} label={t('col.gap')} value={t('gapValue', { value: wholePercent(row.gap) })} />
      </div>
      <p className="text-sm text-slate-700">{t('hitDetail', { damage: line.values.damage, heal: line.values.heal })}</p>
      <p data-testid="reveal-my-stars" data-value={row.stars} className="flex items-center gap-2 text-lg font-semibold">
        <span role="img" aria-label={t('stars', { stars: row.stars })}>
          <span aria-hidden="true" className="text-amber-500">{'★'.repeat(row.stars)}</span>
          <span aria-hidden="true" className="text-slate-300">{'☆'.repeat(3 - row.stars)}</span>
        </span>
        <span>{t('starsEarned', { stars: row.stars })}</span>
      </p>
    </div>
  );
}

/**
 * The reveal, on every screen at once: the boss's health drains by the hit, the boss speaks to the
 * viewer (train and private accuracy, the gap), and in a room the shake-up from public to private.
 */
export function RevealView({ reveal, meId, room }: { reveal: BossReveal; meId?: string | null; room: boolean }) {
  const t = useTranslations('boss');
  const mine = myRow(reveal, meId);
  const beaten = reveal.bossHealth <= 0;
  return (
    <section aria-labelledby="reveal-title" data-testid="reveal-view" data-health={reveal.bossHealth} data-rows={reveal.rows.length} className="flex flex-col gap-4 rounded-3xl bg-gradient-to-b from-rose-100 to-white p-5 shadow-md ring-1 ring-rose-200">
      <div className="flex items-center gap-4">
        <BossFace beaten={beaten} className="h-20 w-20" />
        <div className="flex flex-1 flex-col gap-2">
          <h2 id="reveal-title" className="text-2xl font-bold">{t(beaten ? 'reveal.titleBeaten' : 'reveal.title')}</h2>
          <HealthBar drainTo={reveal.bossHealth} />
          {room && <p data-testid="reveal-class-health" className="text-sm text-slate-700">{t('reveal.classHealth', { value: Math.round(reveal.bossHealth) })}</p>}
        </div>
      </div>
      {mine ? <MyHit row={mine} /> : !room && <p className="text-slate-700">{t('reveal.nothing')}</p>}
      {room && (
        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-semibold">{t('shakeUp.title')}</h3>
          <p className="text-sm text-slate-700">{t('shakeUp.help')}</p>
          <ShakeUpTable rows={reveal.rows} meId={meId ?? undefined} />
        </div>
      )}
    </section>
  );
}
