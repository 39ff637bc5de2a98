'use client';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { getChallenge, isBossLevel } from '../../../game/challenges';
import type { RoundStanding } from '../../../game/room/views';
import { LocalTime } from '../time/LocalTime';
import { percentText } from './format';
import { DEFAULT_DIR, sortStandings, type SortDir, type StandingsKey } from './standings';

interface Column {
  key: StandingsKey;
  align: string;
  compact: boolean;
}
interface Sort {
  key: StandingsKey;
  dir: SortDir;
}

const MEDALS = ['bg-amber-300 text-amber-950', 'bg-slate-300 text-slate-900', 'bg-orange-300 text-orange-950'];
const COLUMNS: Column[] = [
  { key: 'rank', align: 'text-right', compact: true },
  { key: 'nickname', align: 'text-left', compact: true },
  { key: 'score', align: 'text-right', compact: true },
  { key: 'submissions', align: 'text-right', compact: false },
  { key: 'paramCount', align: 'text-right', compact: false },
  { key: 'bestAt', align: 'text-left', compact: false },
];
/** Columns a 390 px phone leaves out (rank, name, score and time stay). */
const PHONE_HIDDEN: ReadonlySet<StandingsKey> = new Set(['submissions', 'paramCount']);
const phoneHidden = (key: StandingsKey) => (PHONE_HIDDEN.has(key) ? 'hidden sm:table-cell' : '');

/** A second click on the sorted column flips it; another column starts with its best at the top. */
function nextSort(s: Sort, key: StandingsKey): Sort {
  return s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: DEFAULT_DIR[key] };
}

/**
 * A round's standings. `compact` (live side panels) shows rank, name and score; the full table
 * (results) sorts by any column: the header buttons say which way, aria-sort tells screen readers.
 * A play challenge's round (race, step-through) has a score but no test accuracy and no model.
 */
export function StandingsTable({ rows, meId, compact = false, sortable = false, caption, challengeId }: {
  rows: readonly RoundStanding[];
  meId?: string;
  compact?: boolean;
  sortable?: boolean;
  caption: string;
  /** The round's challenge; without it the table reads as a model challenge's. */
  challengeId?: string;
}) {
  const t = useTranslations('room');
  const locale = useLocale();
  const [sort, setSort] = useState<Sort>({ key: 'rank', dir: 'asc' });
  const sorted = useMemo(() => (sortable ? sortStandings(rows, sort.key, sort.dir, locale) : rows), [rows, sort, sortable, locale]);
  const play = challengeId !== undefined && getChallenge(challengeId)?.kind !== 'model';
  const cols = COLUMNS.filter((c) => (!compact || c.compact) && !(play && c.key === 'paramCount'));
  const tb = useTranslations('boss');
  // A boss round ranks the public part of the test set only; the private part waits for the reveal.
  const boss = challengeId !== undefined && isBossLevel(challengeId);
  const header = (key: StandingsKey) => (boss && key === 'score' ? tb('publicScore') : t(play && key === 'score' ? 'col.playScore' : `col.${key}`));
  const toggle = (key: StandingsKey) => setSort((s) => nextSort(s, key));

  return (
    <div tabIndex={0} role="region" aria-label={caption} className="relative overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <table data-testid="standings-table" className={`w-full text-left text-sm ${compact ? '' : 'sm:min-w-[36rem]'}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {cols.map((c) => (
              <ColumnHeader key={c.key} column={c} label={header(c.key)} sortable={sortable} sort={sort} onToggle={toggle} />
            ))}
          </tr>
        </thead>
        <tbody aria-live={compact ? 'polite' : undefined} aria-relevant="text">
          {sorted.map((s) => (
            <StandingsRow key={s.playerId} standing={s} cols={cols} me={s.playerId === meId} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p data-testid="standings-empty" className="p-4 text-sm text-slate-600">{t('standings.empty')}</p>}
    </div>
  );
}

/** A sortable table's header is a button with an arrow (aria-hidden: aria-sort says it to screen readers). */
function ColumnHeader({ column, label, sortable, sort, onToggle }: { column: Column; label: string; sortable: boolean; sort: Sort; onToggle: (key: StandingsKey) => void }) {
  const active = sortable && sort.key === column.key;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={`px-2 py-2 font-semibold sm:px-3 ${column.align} ${phoneHidden(column.key)}`}>
      {sortable ? (
        <button type="button" onClick={() => onToggle(column.key)} className="inline-flex items-center gap-1 hover:text-indigo-800">
          {label}
          <span aria-hidden="true" className={active ? 'text-indigo-700' : 'text-slate-400'}>{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}

function StandingsRow({ standing: s, cols, me }: { standing: RoundStanding; cols: readonly Column[]; me: boolean }) {
  return (
    <tr data-testid="standings-row" data-player-id={s.playerId} data-rank={s.rank} aria-current={me ? 'true' : undefined} className={`border-t border-slate-100 ${me ? 'bg-amber-50 font-semibold' : ''}`}>
      {cols.map((c) => (
        <td key={c.key} data-col={c.key} className={`px-2 py-1.5 tabular-nums sm:px-3 ${c.align} ${c.key === 'nickname' ? 'max-w-[8rem] truncate sm:max-w-[12rem]' : ''} ${c.key === 'bestAt' ? 'text-slate-700 sm:whitespace-nowrap' : ''} ${phoneHidden(c.key)}`}>
          <StandingValue standing={s} column={c.key} me={me} />
        </td>
      ))}
    </tr>
  );
}

/** One cell's content: medal-coloured rank, name with a "you" tag, formatted numbers, local time. */
function StandingValue({ standing: s, column, me }: { standing: RoundStanding; column: StandingsKey; me: boolean }) {
  const t = useTranslations('room');
  const format = useFormatter();
  switch (column) {
    case 'rank':
      return <span className={`inline-flex h-6 min-w-6 items-center justify-center rounded-full px-1.5 ${MEDALS[s.rank - 1] ?? ''}`}>{s.rank}</span>;
    case 'nickname':
      return <>{s.nickname}{me && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">{t('you')}</span>}</>;
    case 'score':
      return t('percent', { value: percentText(s.score) });
    case 'submissions':
      return format.number(s.submissions);
    case 'paramCount':
      return format.number(s.paramCount);
    case 'bestAt':
      return <LocalTime at={s.bestAt} options={{ timeStyle: 'medium' }} />;
  }
}
