'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { WallPlayer } from '../../../../game/room/views';
import type { ApiError, Result } from '../../../../protocol';
// game/nickname, not protocol/: a value import from protocol would put zod (~24 KiB gzip) in this page's bundle.
import { NICKNAME_MAX_CHARS } from '../../../../game/nickname';
import { ConfirmButton } from '../../../components/room/ConfirmButton';
import { RoomError } from '../../../components/room/errors';
import { CleanupBar, SelectBox, useSelection, type KickMany } from './HostCleanup';

const small = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100';

function RenameForm({ player, onRename, onDone }: { player: WallPlayer; onRename: (n: string) => Promise<Result<{ nickname: string }>>; onDone: (e: ApiError | null) => void }) {
  const t = useTranslations('room');
  const [value, setValue] = useState(player.nickname);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await onRename(value);
    setBusy(false);
    onDone(res.ok ? null : res.error);
  }
  return (
    <form onSubmit={submit} className="flex flex-1 flex-wrap items-center gap-2" onKeyDown={(e) => e.key === 'Escape' && onDone(null)}>
      <label className="sr-only" htmlFor={`rename-${player.playerId}`}>{t('host.renameLabel', { nickname: player.nickname })}</label>
      <input
        id={`rename-${player.playerId}`}
        data-testid="rename-input"
        autoFocus
        value={value}
        maxLength={NICKNAME_MAX_CHARS * 2}
        onChange={(e) => setValue(e.target.value)}
        className="w-40 rounded border border-slate-400 px-2 py-1 text-sm"
      />
      <button type="submit" data-testid="rename-save" disabled={busy || value.trim() === ''} className="rounded-md bg-indigo-700 px-2.5 py-1 text-xs font-semibold text-white disabled:opacity-50">{t('host.save')}</button>
      <button type="button" onClick={() => onDone(null)} className={small}>{t('cancel')}</button>
    </form>
  );
}

/** Removing several at once: the round (null before the first), the server's clock, the event. */
export interface Cleanup {
  round: number | null;
  now: () => number;
  onKickMany: KickMany;
}

/**
 * The players with kick (asks first) and inline rename; used in the lobby and under the wall. With
 * `cleanup`, each row has a checkbox and the bulk removals sit above the list.
 */
export function HostPlayers({ players, onKick, onRename, cleanup }: {
  players: readonly WallPlayer[];
  onKick: (playerId: string) => Promise<Result<null>>;
  onRename: (playerId: string, nickname: string) => Promise<Result<{ nickname: string }>>;
  cleanup?: Cleanup;
}) {
  const t = useTranslations('room');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const selection = useSelection(players);
  const connected = players.filter((p) => p.connected).length;
  return (
    // A div: the projector lobby's list of names above is the "Players" landmark; this is its management.
    <div className="flex flex-col gap-3">
      <h2 id="players-title" className="flex items-baseline gap-2 text-lg font-semibold">
        {t('host.playersTitle')}
        <span data-testid="manage-player-count" data-count={players.length} className="text-sm font-normal text-slate-600">{t('host.playersCount', { count: players.length, connected })}</span>
      </h2>
      {error && <RoomError error={error} />}
      {cleanup && players.length > 0 && <CleanupBar players={players} selection={selection} {...cleanup} />}
      {players.length === 0 ? (
        <p data-testid="manage-players-empty" className="rounded-xl bg-white p-4 text-sm text-slate-600 ring-1 ring-slate-200">{t('host.noPlayers')}</p>
      ) : (
        <ul aria-live="polite" aria-relevant="additions removals" className="flex flex-col divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
          {players.map((p) => (
            <li key={p.playerId} data-testid="host-player" data-player-id={p.playerId} data-nickname={p.nickname} className="flex min-h-11 flex-wrap items-center gap-2 px-3 py-1.5">
              {cleanup && <SelectBox player={p} selection={selection} />}
              <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${p.connected ? 'bg-emerald-500' : 'bg-slate-300'}`} />
              <span className="sr-only">{p.connected ? t('online') : t('offline')}</span>
              {editing === p.playerId ? (
                <RenameForm player={p} onRename={(n) => onRename(p.playerId, n)} onDone={(e) => { setError(e); if (!e) setEditing(null); }} />
              ) : (
                <>
                  <span data-testid="host-player-name" className={`min-w-0 flex-1 truncate font-medium ${p.connected ? '' : 'text-slate-500'}`}>{p.nickname}</span>
                  <button type="button" data-testid="rename-button" onClick={() => { setError(null); setEditing(p.playerId); }} className={small} aria-label={t('host.renameButton', { nickname: p.nickname })}>
                    {t('host.rename')}
                  </button>
                  <ConfirmButton
                    testId="kick-button"
                    label={t('host.kick')}
                    question={t('host.kickQuestion', { nickname: p.nickname })}
                    confirmLabel={t('host.kickConfirm')}
                    cancelLabel={t('cancel')}
                    className="rounded-md border border-red-200 bg-white px-2.5 py-1 text-xs font-medium text-red-800 hover:bg-red-50"
                    onConfirm={async () => {
                      const res = await onKick(p.playerId);
                      setError(res.ok ? null : res.error);
                    }}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
