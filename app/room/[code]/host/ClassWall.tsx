'use client';
import { useTranslations } from 'next-intl';
import type { PlayerActivity } from '../../../../game/room/types';
import type { WallPlayer } from '../../../../game/room/views';
import { BACKEND_LABELS, type BackendName } from '../../../../models/backend-names';
import type { RoomWallUpdate } from '../../../../protocol';
import { percentText } from '../../../components/room/format';
import { Sparkline } from '../../../components/room/Sparkline';

const ACTIVITY_TONE: Record<PlayerActivity, string> = {
  idle: 'bg-slate-100 text-slate-700',
  building: 'bg-sky-100 text-sky-900',
  training: 'bg-indigo-100 text-indigo-900',
  submitted: 'bg-emerald-100 text-emerald-900',
};

const backendLabel = (b: string | null) => (b && Object.hasOwn(BACKEND_LABELS, b) ? BACKEND_LABELS[b as BackendName] : b);

function Tile({ player, update, maxSubmissions }: { player: WallPlayer; update: RoomWallUpdate | undefined; maxSubmissions: number }) {
  const t = useTranslations('room');
  const activity = update?.activity ?? player.activity;
  const backend = backendLabel(update?.backend ?? player.backend);
  return (
    <li
      data-testid="wall-tile"
      data-player-id={player.playerId}
      data-nickname={player.nickname}
      data-activity={activity}
      data-best={player.best ?? ''}
      className={`flex min-w-0 flex-col gap-1.5 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200 ${player.best !== null ? 'tile-flash' : ''} ${player.connected ? '' : 'opacity-60'}`}
    >
      <div className="flex min-w-0 items-center gap-1.5">
        <span aria-hidden="true" className={`h-2 w-2 shrink-0 rounded-full ${player.connected ? 'bg-emerald-500' : 'bg-slate-300'}`} />
        {/* 28 px: read from the back of the room on a projector. */}
        <span data-testid="wall-name" className="min-w-0 flex-1 truncate text-[1.75rem] font-bold leading-tight" title={player.nickname}>{player.nickname}</span>
        {!player.connected && <span className="text-xs text-slate-500">{t('offline')}</span>}
      </div>
      <div className="flex flex-wrap items-center gap-1">
        <span data-testid="wall-activity" className={`rounded-full px-2 py-0.5 text-sm font-semibold ${ACTIVITY_TONE[activity]} ${activity === 'training' ? 'motion-safe:animate-pulse' : ''}`}>
          {t(`activity.${activity}`)}
        </span>
        {backend && <span data-testid="wall-backend" className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-[0.65rem] font-semibold text-white">{backend}</span>}
      </div>
      <div className="flex items-end justify-between gap-2">
        <Sparkline curve={update?.curve ?? []} />
        <div className="flex flex-col items-end leading-tight">
          <span className="text-[0.65rem] uppercase tracking-wide text-slate-500">{t('wall.best')}</span>
          <span data-testid="wall-best" className="text-2xl font-bold tabular-nums">{player.best === null ? '—' : t('percent', { value: percentText(player.best) })}</span>
          <span className="text-xs tabular-nums text-slate-600">{t('wall.submissions', { used: player.submissions, max: maxSubmissions })}</span>
        </div>
      </div>
    </li>
  );
}

/** One tile per student: status, backend, live loss curve (from room:wall), best score. */
export function ClassWall({ players, wall, maxSubmissions }: { players: readonly WallPlayer[]; wall: Readonly<Record<string, RoomWallUpdate>>; maxSubmissions: number }) {
  const t = useTranslations('room');
  const counts = { building: 0, training: 0, submitted: 0, idle: 0 } satisfies Record<PlayerActivity, number>;
  for (const p of players) counts[wall[p.playerId]?.activity ?? p.activity]++;
  return (
    <section aria-labelledby="wall-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 id="wall-title" className="text-lg font-semibold">{t('wall.title')}</h2>
        <p data-testid="wall-summary" className="text-sm text-slate-600">
          {t('wall.summary', { building: counts.building + counts.idle, training: counts.training, submitted: counts.submitted })}
        </p>
        <p className="ml-auto flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
          <span className="flex items-center gap-1"><span className="inline-block h-0.5 w-4 bg-indigo-600" />{t('wall.lossLegend')}</span>
          <span className="flex items-center gap-1"><span className="inline-block h-0.5 w-4 bg-emerald-500" />{t('wall.accLegend')}</span>
        </p>
      </div>
      {players.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-sm text-slate-600 ring-1 ring-slate-200">{t('host.noPlayers')}</p>
      ) : (
        <ul data-testid="class-wall" className="grid grid-cols-[repeat(auto-fill,minmax(12.5rem,1fr))] gap-2">
          {/* A new best re-mounts the tile, so its highlight plays once. */}
          {players.map((p) => <Tile key={`${p.playerId}:${p.best ?? ''}`} player={p} update={wall[p.playerId]} maxSubmissions={maxSubmissions} />)}
        </ul>
      )}
    </section>
  );
}
