'use client';
import { useTranslations } from 'next-intl';
import { getModelChallenge, type ChallengeId } from '../../../game/challenges';
import { MAX_SELECTED } from '../../../game/boss/rules';
import type { BossMine } from '../../../protocol';
import { percentText } from '../room/format';
import { LocalTime } from '../time/LocalTime';
import { BossError } from './BossError';
import { BossFace } from './BossFace';
import { FaceBoss } from './FaceBoss';
import { togglePick } from './boss-view';
import { HealthBar } from './HealthBar';
import type { Boss } from './useBoss';

/** The player's boss submissions, public score only, each with a box to count it on the private board. */
function Submissions({ mine, boss }: { mine: BossMine; boss: Boss }) {
  const t = useTranslations('boss');
  const picks = mine.picks;
  if (mine.submissions.length === 0) return <p data-testid="boss-no-submissions" className="text-sm text-slate-700">{t('mine.empty')}</p>;
  const full = picks.length >= MAX_SELECTED;
  return (
    <ul data-testid="boss-submissions" className="flex flex-col gap-1.5">
      {mine.submissions.map((s, i) => {
        const checked = picks.includes(s.submissionId);
        return (
          <li key={s.submissionId} data-testid="boss-submission" data-submission-id={s.submissionId} data-public={s.public} data-picked={checked ? 'true' : 'false'}>
            <label className={`flex items-center gap-3 rounded-lg px-3 py-2 ring-1 ${checked ? 'bg-indigo-50 ring-indigo-300' : 'bg-white ring-slate-200'}`}>
              <input
                type="checkbox"
                data-testid="boss-pick"
                checked={checked}
                disabled={boss.busy || (full && !checked)}
                onChange={() => {
                  const next = togglePick(picks, s.submissionId, MAX_SELECTED);
                  if (next) void boss.pick(next);
                }}
                className="h-4 w-4 accent-indigo-700"
              />
              <span className="font-semibold">{t('mine.number', { number: i + 1 })}</span>
              <span data-testid="boss-submission-public" className="tabular-nums">{t('mine.public', { value: percentText(s.public) })}</span>
              <span className="text-xs text-slate-600">{t('mine.params', { count: s.paramCount })}</span>
              <LocalTime at={s.submittedAt} options={{ timeStyle: 'short' }} className="ml-auto text-xs text-slate-600" />
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Under the studio on a boss level: the boss at full health with its taunt, the player's submissions
 * (public scores) with up to two picks for the private board, and solo, the button to face it.
 */
export function BossPanel({ challengeId, boss, solo, note }: { challengeId: ChallengeId; boss: Boss; solo: boolean; note?: string }) {
  const t = useTranslations('boss');
  const perClass = getModelChallenge(challengeId)?.boss?.trainPerClass ?? 0;
  const mine = boss.mine;
  const picks = mine?.picks ?? [];
  return (
    <section aria-labelledby="boss-panel-title" data-testid="boss-panel" className="flex flex-col gap-4 rounded-2xl bg-gradient-to-br from-rose-50 to-white p-5 shadow-sm ring-1 ring-rose-200">
      <div className="flex items-start gap-4">
        <BossFace />
        <div className="flex flex-1 flex-col gap-2">
          <h2 id="boss-panel-title" className="text-xl font-bold">{t('title')}</h2>
          <p data-testid="boss-taunt" className="rounded-xl bg-white p-3 text-slate-800 shadow-sm ring-1 ring-rose-100">“{t('taunt', { perClass })}”</p>
          <HealthBar />
        </div>
      </div>
      {note && <p role="status" data-testid="boss-note" className="rounded-xl bg-sky-50 p-3 text-sm text-sky-950 ring-1 ring-sky-200">{note}</p>}
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">{t('mine.title')}</h3>
        <p className="text-sm text-slate-700">{t('picks.help')}</p>
        {mine ? <Submissions mine={mine} boss={boss} /> : <p role="status" className="text-sm text-slate-600">{t('mine.loading')}</p>}
        {mine && mine.submissions.length > 0 && (
          <p data-testid="boss-picks-note" data-count={picks.length} className="text-sm font-medium text-slate-800">
            {picks.length === 0 ? t('picks.none') : t('picks.some', { count: picks.length })}
          </p>
        )}
      </div>
      {solo && mine && (
        <div className="flex flex-wrap items-center gap-3">
          <FaceBoss challengeId={challengeId} mine={mine} onFace={boss.face} busy={boss.busy} />
        </div>
      )}
      {boss.error && <BossError error={boss.error} />}
    </section>
  );
}
