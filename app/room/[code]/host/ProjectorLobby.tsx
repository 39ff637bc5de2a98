'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_ROUND_SETTINGS, type RoundSettings } from '../../../../game/room/settings';
import type { WallPlayer } from '../../../../game/room/views';
import type { ApiError, HostRoomView, Stamped } from '../../../../protocol';
import { RoomError } from '../../../components/room/errors';
import { HostPlayers, type Cleanup } from './HostPlayers';
import { JoinPanel } from './JoinPanel';
import { layoutNames } from './projector';
import { carriedOver, RoundSettingsForm } from './RoundSettingsForm';
import type { HostRoom } from './useHostRoom';
import { WaitingList } from './WaitingList';

type View = HostRoomView & Stamped;

export const cleanupOf = (room: HostRoom, view: View): Cleanup => ({ round: view.round?.number ?? null, now: room.clock.now, onKickMany: room.kickMany });

/** The names as the class reads them from the back row: large, in columns, a long name over two or three cells. */
function ProjectedNames({ players }: { players: readonly WallPlayer[] }) {
  const t = useTranslations('room');
  const id = useId();
  const { tier, spans } = layoutNames(players.map((p) => p.nickname));
  const connected = players.filter((p) => p.connected).length;
  return (
    <section aria-labelledby={id} data-testid="projector-names" data-font-px={tier.fontPx} className="flex flex-col gap-3">
      <h2 id={id} className="flex items-baseline gap-3 text-2xl font-bold">
        {t('host.playersTitle')}
        <span data-testid="player-count" data-count={players.length} className="text-lg font-medium text-slate-700">{t('host.playersCount', { count: players.length, connected })}</span>
      </h2>
      {players.length === 0 ? (
        <p data-testid="players-empty" className="rounded-xl bg-white p-4 text-lg text-slate-700 ring-1 ring-slate-200">{t('host.noPlayers')}</p>
      ) : (
        <ul aria-live="polite" aria-relevant="additions removals" className="grid grid-flow-row-dense gap-x-2 gap-y-1.5" style={{ gridTemplateColumns: `repeat(auto-fill, minmax(${tier.cellPx}px, 1fr))` }}>
          {players.map((p, i) => (
            <li
              key={p.playerId}
              data-testid="projector-name"
              data-nickname={p.nickname}
              title={p.nickname}
              style={{ fontSize: tier.fontPx, gridColumn: `span ${spans[i] ?? 1}` }}
              className={`flex min-w-0 items-center gap-2 rounded-xl bg-white px-3 py-0.5 font-bold leading-tight ring-1 ring-slate-200 ${p.connected ? 'text-slate-900' : 'text-slate-500'}`}
            >
              <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${p.connected ? 'bg-emerald-500' : 'bg-slate-300'}`} />
              <span className="min-w-0 truncate">{p.nickname}</span>
              {!p.connected && <span className="sr-only">{t('offline')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Beside the QR: what the next round will be, Start round with it (one click), and the settings step. */
function RoundCard({ room, settings, roundNumber, onSetup, onStarted }: { room: HostRoom; settings: RoundSettings; roundNumber: number; onSetup: () => void; onStarted: () => void }) {
  const t = useTranslations('room');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const locks = Object.keys(settings.locked).length;
  const start = async () => {
    setBusy(true);
    const res = await room.start(settings);
    setBusy(false);
    setError(res.ok ? null : res.error);
    if (res.ok) onStarted();
  };
  return (
    <div data-testid="round-card" className="flex w-full shrink-0 flex-col gap-3 md:w-64">
      <p data-testid="round-summary" className="text-sm text-slate-700">
        <span className="block font-semibold text-slate-900">{t('lobby.nextRound', { round: roundNumber })}</span>
        {t('lobby.summary', { challenge: t(`challengeName.${settings.challengeId}`), minutes: settings.durationMs / 60_000, max: settings.maxSubmissions })}
        {locks > 0 && <span className="block">{t('lobby.locks', { count: locks })}</span>}
      </p>
      <button type="button" data-testid="start-round" disabled={busy} onClick={start} className="rounded-xl bg-emerald-700 px-6 py-3 text-xl font-bold text-white shadow hover:bg-emerald-800 disabled:opacity-50">
        {busy ? t('settings.starting') : t('settings.start')}
      </button>
      <button type="button" data-testid="setup-round" onClick={onSetup} className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100">
        {t('lobby.setup')}
      </button>
      {error && <RoomError error={error} />}
    </div>
  );
}

/** Below the projected part: the waiting list, and (behind Manage) rename, remove and the checkboxes. */
function ManagePanel({ room, view, open, panelId }: { room: HostRoom; view: View; open: boolean; panelId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) ref.current?.scrollIntoView({ block: 'start', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, [open]);
  return (
    <div ref={ref} className="flex scroll-mt-4 flex-col gap-4">
      <WaitingList view={view} onAdmit={room.admit} onDeny={room.deny} />
      {open && (
        <div id={panelId} data-testid="manage-panel" className="rounded-2xl bg-white p-4 ring-1 ring-slate-200">
          <HostPlayers players={view.players} onKick={room.kick} onRename={room.rename} cleanup={cleanupOf(room, view)} />
        </div>
      )}
    </div>
  );
}

/**
 * The lobby as a projector shows it at 1366×768: the join code, QR and address, every name large,
 * and Start round in the first screen. The round settings are a step of their own; the management
 * controls sit below, behind Manage. `onCancel`: back to the last round's results.
 */
export function ProjectorLobby({ room, view, onStarted, onCancel }: { room: HostRoom; view: View; onStarted: () => void; onCancel?: () => void }) {
  const t = useTranslations('room');
  const panelId = useId();
  const roundNumber = (view.round?.number ?? 0) + 1;
  const [settings, setSettings] = useState<RoundSettings>(() => carriedOver(view.round?.settings ?? DEFAULT_ROUND_SETTINGS));
  const [step, setStep] = useState<'lobby' | 'settings'>('lobby');
  const [manage, setManage] = useState(false);
  if (step === 'settings') {
    return (
      <div data-testid="host-lobby" data-step="settings" data-round={roundNumber} className="flex flex-col gap-4">
        <JoinPanel code={view.code} compact />
        <RoundSettingsForm
          initial={settings}
          roundNumber={roundNumber}
          onBack={(current) => {
            if (current) setSettings(current);
            setStep('lobby');
          }}
          onStart={async (s) => {
            const res = await room.start(s);
            if (res.ok) onStarted();
            return res;
          }}
        />
      </div>
    );
  }
  const waiting = view.waiting.length;
  return (
    <div data-testid="host-lobby" data-step="lobby" data-round={roundNumber} className="flex flex-col gap-4">
      <JoinPanel code={view.code} aside={<RoundCard room={room} settings={settings} roundNumber={roundNumber} onSetup={() => setStep('settings')} onStarted={onStarted} />} />
      <ProjectedNames players={view.players} />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
        <button type="button" data-testid="manage-toggle" aria-expanded={manage} aria-controls={manage ? panelId : undefined} onClick={() => setManage(!manage)} className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100">
          {manage ? t('lobby.hideManage') : t('lobby.manage')}
        </button>
        {waiting > 0 && <span data-testid="waiting-badge" className="rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-950">{t('host.waitingCount', { count: waiting })}</span>}
        {onCancel && <button type="button" data-testid="back-to-results" onClick={onCancel} className="ml-auto rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">{t('lobby.backToResults')}</button>}
      </div>
      <ManagePanel room={room} view={view} open={manage} panelId={panelId} />
    </div>
  );
}
