'use client';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { CHALLENGES, type ChallengeDef, type ChallengeId } from '../../../game/challenges';
import type { LeaderboardRow, LeaderboardView } from '../../../protocol';
import { useErrorText } from '../../components/errors/useErrorText';
import { usePlayer } from '../../components/providers/PlayerProvider';
import { useScoreText } from '../../components/solo/useScoreText';
import { LocalTime } from '../../components/time/LocalTime';
import { useChangedRows, useLeaderboard } from './useLeaderboard';

/** How long a row that just changed stays highlighted. */
const CHANGED_HIGHLIGHT_MS = 4_000;
/** Gold, silver and bronze backgrounds for the top three ranks (colour only; the number is the content). */
const MEDALS = ['bg-amber-300 text-amber-950', 'bg-slate-300 text-slate-900', 'bg-orange-300 text-orange-950'];
/** Column header and table caption per kind of challenge. */
const SCORE_HEADER = { model: 'score', race: 'scoreRace', steps: 'scoreSteps' } as const;
const CAPTION = { model: 'caption', race: 'captionRace', steps: 'captionSteps' } as const;
// Narrow cells on a phone: rank, name, score, time and the reproduce icon fit in 358 px.
const CELL = 'px-1.5 sm:px-3';
const TH = `${CELL} py-2.5 font-semibold`;

/**
 * Live table: the subscription's ack gives the current view, then updates arrive as pushed. Play
 * challenges (race, steps) have no model, so no parameter column; every row links to its run.
 */
export function LeaderboardTable({ challengeId }: { challengeId: ChallengeId }) {
  const t = useTranslations('leaderboard');
  const def = CHALLENGES[challengeId];
  const { player } = usePlayer();
  const { view, error, live } = useLeaderboard(challengeId);
  const describeError = useErrorText('leaderboard');
  const changed = useChangedRows(view, CHANGED_HIGHLIGHT_MS);

  return (
    <div className="flex flex-col gap-3">
      <ConnectionStatus live={live} view={view} />
      {error && (
        <p role="alert" data-code={error.code} className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {describeError(error)}
        </p>
      )}
      {/* Below `sm` the parameter column goes and the time wraps; the scroll is a last resort (focusable for keyboards). */}
      <div tabIndex={0} role="region" aria-label={t(CAPTION[def.kind])} className="relative overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
        <table data-testid="leaderboard-table" aria-busy={!view} className="w-full text-left text-sm">
          <caption className="sr-only">{t(CAPTION[def.kind])}</caption>
          <LeaderboardHead def={def} />
          <tbody>
            {view?.rows.map((row) => (
              <LeaderboardEntry
                key={row.playerId}
                row={row}
                def={def}
                challengeId={challengeId}
                me={row.playerId === player?.playerId}
                fresh={changed.has(row.playerId)}
              />
            ))}
          </tbody>
        </table>
        {view && view.rows.length === 0 && <p className="p-5 text-slate-700">{t('empty')}</p>}
        {!view && !error && <p className="p-5 text-slate-600">{t('loading')}</p>}
      </div>
    </div>
  );
}

/** Whether updates arrive live; a view already shown means a dropped socket is reconnecting, not starting. */
function ConnectionStatus({ live, view }: { live: boolean; view: LeaderboardView | null }) {
  const t = useTranslations('leaderboard');
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${live ? 'animate-pulse bg-emerald-500' : 'bg-slate-400'}`} />
      {live ? t('live') : view ? t('reconnecting') : t('connecting')}
      {view && <span className="text-slate-600">· {t('players', { count: view.totalPlayers })}</span>}
    </p>
  );
}

function LeaderboardHead({ def }: { def: ChallengeDef }) {
  const t = useTranslations('leaderboard');
  return (
    <thead className="bg-slate-100 text-slate-700">
      <tr>
        <th scope="col" className={`${TH} w-10 text-right sm:w-16`}>{t('rank')}</th>
        <th scope="col" className={TH}>{t('nickname')}</th>
        <th scope="col" className={`${TH} text-right`}>{t(SCORE_HEADER[def.kind])}</th>
        {def.kind === 'model' && <th scope="col" className={`${TH} hidden text-right sm:table-cell`}>{t('params')}</th>}
        <th scope="col" className={TH}>{t('submitted')}</th>
        <th scope="col" className={TH}><span className="sr-only">{t('runCol')}</span></th>
      </tr>
    </thead>
  );
}

/** One player's best run; `fresh` (just changed) outshines `me` so a new best is seen even on one's own row. */
function LeaderboardEntry({ row, def, challengeId, me, fresh }: { row: LeaderboardRow; def: ChallengeDef; challengeId: ChallengeId; me: boolean; fresh: boolean }) {
  const t = useTranslations('leaderboard');
  const format = useFormatter();
  const scoreText = useScoreText();
  return (
    <tr
      data-testid="leaderboard-row"
      data-player-id={row.playerId}
      data-me={me ? 'true' : undefined}
      aria-current={me ? 'true' : undefined}
      className={`border-t border-slate-100 transition-colors duration-700 ${me ? 'font-semibold' : ''} ${fresh ? 'bg-emerald-100' : me ? 'bg-amber-50' : ''}`}
    >
      <td data-testid="lb-rank" className={`${CELL} py-2 text-right tabular-nums`}>
        <span className={`inline-flex h-6 min-w-6 items-center justify-center rounded-full px-1.5 ${MEDALS[row.rank - 1] ?? ''}`}>
          {row.rank}
        </span>
      </td>
      <td data-testid="lb-nickname" className={`${CELL} max-w-[7rem] truncate py-2 sm:max-w-[14rem]`}>
        {row.nickname}
        {me && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">{t('you')}</span>}
      </td>
      <td data-testid="lb-score" data-value={row.score} className={`${CELL} py-2 text-right tabular-nums`}>
        {scoreText(def, row.score)}
      </td>
      {def.kind === 'model' && (
        <td data-testid="lb-params" data-value={row.paramCount} className={`${CELL} hidden py-2 text-right tabular-nums sm:table-cell`}>
          {format.number(row.paramCount, { useGrouping: true })}
        </td>
      )}
      <td data-testid="lb-submitted" className={`${CELL} py-2 text-xs text-slate-700 sm:whitespace-nowrap sm:text-sm`}>
        <LocalTime at={row.submittedAt} options={{ dateStyle: 'medium', timeStyle: 'short' }} />
      </td>
      <td className={`${CELL} py-2`}>
        <ReproduceLink challengeId={challengeId} row={row} />
      </td>
    </tr>
  );
}

/** Opens the challenge with this run loaded (its spec or entry), so anyone can see how a score was made. */
function ReproduceLink({ challengeId, row }: { challengeId: ChallengeId; row: LeaderboardRow }) {
  const t = useTranslations('leaderboard');
  return (
    <Link
      href={`/challenges/${challengeId}?run=${row.submissionId}`}
      data-testid="lb-reproduce"
      aria-label={t('reproduceLabel', { nickname: row.nickname })}
      className="text-sm font-normal text-indigo-700 underline hover:text-indigo-900"
    >
      <span className="hidden sm:inline">{t('reproduce')}</span>
      {/* On a phone an icon; the link's label names the run either way. */}
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 sm:hidden" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 10a6 6 0 1 0 2-4.5M4 3v3h3" />
      </svg>
    </Link>
  );
}
