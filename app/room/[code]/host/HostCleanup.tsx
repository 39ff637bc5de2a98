'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { JOINED_WITHIN_MAX_MINUTES, selectPlayers } from '../../../../game/room/selection';
import type { PlayerSelection } from '../../../../game/room/types';
import type { WallPlayer } from '../../../../game/room/views';
import type { ApiError, Result } from '../../../../protocol';
import { ConfirmButton } from '../../../components/room/ConfirmButton';
import { RoomError } from '../../../components/room/errors';

const bulk = 'rounded-md border border-red-200 bg-white px-2.5 py-1 text-xs font-medium text-red-800 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-50';
const DEFAULT_MINUTES = 5;

export type KickMany = (selection: PlayerSelection) => Promise<Result<{ playerIds: string[] }>>;

export interface Selection {
  /** Checked players still in the room (one removed meanwhile drops out of the selection). */
  selected: string[];
  has(playerId: string): boolean;
  set(playerId: string, on: boolean): void;
  all(on: boolean): void;
}

/** The host's checkboxes over the player list. */
export function useSelection(players: readonly WallPlayer[]): Selection {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  return {
    selected: players.filter((p) => checked.has(p.playerId)).map((p) => p.playerId),
    has: (id) => checked.has(id),
    set: (id, on) => setChecked((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    }),
    all: (on) => setChecked(on ? new Set(players.map((p) => p.playerId)) : new Set()),
  };
}

export function SelectBox({ player, selection }: { player: WallPlayer; selection: Selection }) {
  const t = useTranslations('room');
  return (
    <input
      type="checkbox"
      data-testid="select-player"
      aria-label={t('host.selectPlayer', { nickname: player.nickname })}
      checked={selection.has(player.playerId)}
      onChange={(e) => selection.set(player.playerId, e.target.checked)}
      className="h-4 w-4 shrink-0"
    />
  );
}

/** The bulk removals and "select everyone", above the player list. */
export function CleanupBar({ players, selection, round, now, onKickMany }: { players: readonly WallPlayer[]; selection: Selection; round: number | null; now: () => number; onKickMany: KickMany }) {
  const t = useTranslations('room');
  return (
    <>
      <BulkRemove players={players} selected={selection.selected} round={round} now={now} onKickMany={onKickMany} onRemoved={() => selection.all(false)} />
      <label className="flex items-center gap-2 px-3 text-sm text-slate-700">
        <input type="checkbox" data-testid="select-all" checked={selection.selected.length === players.length} onChange={(e) => selection.all(e.target.checked)} className="h-4 w-4" />
        {t('host.selectAll')}
      </label>
    </>
  );
}

/** One bulk removal: disabled when it would remove nobody, else it asks first (with the count). */
function RemoveAction({ testId, label, question, n, onConfirm }: { testId: string; label: string; question: string; n: number; onConfirm: () => Promise<void> }) {
  const t = useTranslations('room');
  if (n === 0) return <button type="button" data-testid={testId} disabled className={bulk}>{label}</button>;
  return <ConfirmButton testId={testId} label={label} question={question} confirmLabel={t('host.removeConfirm')} cancelLabel={t('cancel')} className={bulk} onConfirm={onConfirm} />;
}

/**
 * Several players out in one action, each asking first with the count it will remove: the checked
 * ones, who joined in the last N minutes (a burst of strangers), who has not submitted in the round.
 * The count is the reducer's own selection run on the host view, so it matches what the server does.
 */
export function BulkRemove({ players, selected, round, now, onKickMany, onRemoved }: {
  players: readonly WallPlayer[];
  selected: readonly string[];
  /** The current (or last) round's number; null before the first. */
  round: number | null;
  now: () => number;
  onKickMany: KickMany;
  onRemoved: () => void;
}) {
  const t = useTranslations('room');
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [error, setError] = useState<ApiError | null>(null);
  const [removed, setRemoved] = useState<number | null>(null);
  const count = (s: PlayerSelection) => {
    const r = selectPlayers(players, s, now(), round !== null);
    return r.ok ? r.playerIds.length : 0;
  };
  const run = async (s: PlayerSelection) => {
    const res = await onKickMany(s);
    setError(res.ok ? null : res.error);
    setRemoved(res.ok ? res.data.playerIds.length : null);
    if (res.ok) onRemoved();
  };
  const recent: PlayerSelection = { by: 'joinedWithin', minutes };
  const nRecent = count(recent);
  const nIdle = count({ by: 'notSubmitted' });
  const action = (testId: string, label: string, question: string, n: number, s: PlayerSelection) => <RemoveAction testId={testId} label={label} question={question} n={n} onConfirm={() => run(s)} />;
  return (
    <div data-testid="bulk-remove" className="flex flex-col gap-2 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
      <h3 className="text-sm font-semibold text-slate-800">{t('host.cleanupTitle')}</h3>
      <div className="flex flex-wrap items-center gap-2">
        {action('remove-selected', t('host.removeSelected', { count: selected.length }), t('host.removeSelectedQuestion', { count: selected.length }), selected.length, { by: 'ids', playerIds: [...selected] })}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1 text-xs text-slate-700">
          <input
            type="number"
            data-testid="recent-minutes"
            min={1}
            max={JOINED_WITHIN_MAX_MINUTES}
            value={minutes}
            onChange={(e) => setMinutes(Math.min(JOINED_WITHIN_MAX_MINUTES, Math.max(1, Math.round(Number(e.target.value) || 1))))}
            className="w-16 rounded border border-slate-300 px-1.5 py-0.5 text-sm"
          />
          {t('host.minutesLabel')}
        </label>
        {action('remove-recent', t('host.removeRecent', { minutes, count: nRecent }), t('host.removeRecentQuestion', { minutes, count: nRecent }), nRecent, recent)}
      </div>
      {round !== null && (
        <div className="flex flex-wrap items-center gap-2">
          {action('remove-idle', t('host.removeIdle', { count: nIdle }), t('host.removeIdleQuestion', { count: nIdle, round }), nIdle, { by: 'notSubmitted' })}
        </div>
      )}
      {removed !== null && <p role="status" data-testid="removed-note" className="text-xs text-slate-700">{t('host.removedNote', { count: removed })}</p>}
      {error && <RoomError error={error} />}
    </div>
  );
}
