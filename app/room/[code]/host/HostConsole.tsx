'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { isBossLevel } from '../../../../game/challenges';
import type { ApiError, HostRoomView, Stamped } from '../../../../protocol';
import { BossError } from '../../../components/boss/BossError';
import { RevealView } from '../../../components/boss/RevealView';
import { ConfirmButton } from '../../../components/room/ConfirmButton';
import { LockIcon } from '../../../components/room/icons';
import { Countdown } from '../../../components/room/Countdown';
import { RoomError } from '../../../components/room/errors';
import { spacedCode } from '../../../components/room/format';
import { Podium } from '../../../components/room/Podium';
import { ReclaimForm } from '../../../components/room/ReclaimForm';
import { ReconnectBanner } from '../../../components/room/ReconnectBanner';
import { StandingsTable } from '../../../components/room/StandingsTable';
import { ClassWall } from './ClassWall';
import { HostPlayers } from './HostPlayers';
import { JoinAddressContext, JoinPanel, type JoinAddress } from './JoinPanel';
import { PinPanel } from './PinPanel';
import { cleanupOf, ProjectorLobby } from './ProjectorLobby';
import { PublishToggle } from './PublishToggle';
import { useHostRoom, type HostRoom } from './useHostRoom';
import { AdmissionToggle, WaitingList } from './WaitingList';

type View = HostRoomView & Stamped;

/** Saves the CSV the server wrote; a BOM so spreadsheet apps read Korean nicknames as UTF-8. */
function download(filename: string, csv: string) {
  const blob = new Blob([csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function LockToggle({ room, view }: { room: HostRoom; view: View }) {
  const t = useTranslations('room');
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        data-testid="lock-toggle"
        aria-pressed={view.locked}
        onClick={async () => {
          const res = await room.lock(!view.locked);
          setError(res.ok ? null : res.error);
        }}
        className={`flex items-center gap-2 rounded-full px-4 py-2 text-sm font-semibold ring-1 ${view.locked ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-100'}`}
      >
        <LockIcon open={!view.locked} />
        {view.locked ? t('host.locked') : t('host.unlocked')}
      </button>
      {error && <RoomError error={error} />}
    </div>
  );
}

/** Rename and remove, folded away once a round has started (the lobby shows them open). */
function ManagePlayers({ room, view }: { room: HostRoom; view: View }) {
  const t = useTranslations('room');
  return (
    <details className="rounded-2xl bg-white p-4 ring-1 ring-slate-200">
      <summary data-testid="manage-players" className="cursor-pointer font-semibold">{t('host.managePlayers')}</summary>
      <div className="mt-3"><HostPlayers players={view.players} onKick={room.kick} onRename={room.rename} cleanup={cleanupOf(room, view)} /></div>
    </details>
  );
}

function Running({ room, view }: { room: HostRoom; view: View }) {
  const t = useTranslations('room');
  const [error, setError] = useState<ApiError | null>(null);
  const round = view.round;
  if (!round) return null;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-x-8 gap-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div className="flex flex-col">
          <span className="text-xs font-medium uppercase tracking-wide text-slate-600">{t('host.roundLabel')}</span>
          <span className="text-3xl font-bold">{round.number}</span>
        </div>
        <div className="flex flex-col">
          <span className="text-xs font-medium uppercase tracking-wide text-slate-600">{t('settings.challenge')}</span>
          <span data-testid="round-challenge" className="text-lg font-semibold">{t(`challengeName.${round.settings.challengeId}`)}</span>
        </div>
        <Countdown endsAt={round.endsAt} now={room.clock.now} size="xl" />
        <JoinPanel code={view.code} compact />
        <div className="ml-auto flex flex-col items-end gap-2">
          <ConfirmButton
            testId="end-round"
            label={t('host.endRound')}
            question={t('host.endQuestion')}
            confirmLabel={t('host.endConfirm')}
            cancelLabel={t('cancel')}
            className="rounded-xl bg-red-700 px-5 py-2.5 font-semibold text-white hover:bg-red-800"
            onConfirm={async () => {
              const res = await room.end();
              setError(res.ok ? null : res.error);
            }}
          />
          {error && <RoomError error={error} />}
        </div>
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_16rem]">
        <ClassWall players={view.players} wall={room.wall} maxSubmissions={round.settings.maxSubmissions} />
        <aside aria-labelledby="live-standings" className="flex flex-col gap-2">
          <h2 id="live-standings" className="text-lg font-semibold">{t('standings.live')}</h2>
          {!round.settings.leaderboardVisible && <p className="text-xs text-slate-600">{t('standings.hiddenFromStudents')}</p>}
          <StandingsTable rows={view.standings} compact caption={t('standings.live')} challengeId={round.settings.challengeId} />
        </aside>
      </div>
      <ManagePlayers room={room} view={view} />
    </div>
  );
}

/** A boss round that ended: the Reveal button, then the reveal as every screen plays it. */
function HostReveal({ room, round }: { room: HostRoom; round: number }) {
  // Not `t`: in this file `t` is the room catalogue's translator (tests check its keys).
  const tb = useTranslations('boss');
  const [error, setError] = useState<ApiError | null>(null);
  const shown = room.revealed && room.revealed.round === round ? room.revealed : null;
  if (shown) return <RevealView reveal={shown} room />;
  return (
    <div data-testid="host-reveal" className="flex flex-col gap-2 rounded-2xl bg-rose-50 p-4 ring-1 ring-rose-200">
      <p className="text-sm text-rose-950">{tb('host.revealHint')}</p>
      <div>
        <ConfirmButton
          testId="reveal-button"
          label={tb('host.reveal')}
          question={tb('host.revealQuestion')}
          confirmLabel={tb('host.revealConfirm')}
          cancelLabel={tb('cancel')}
          danger={false}
          className="rounded-xl bg-rose-700 px-6 py-3 text-lg font-bold text-white shadow hover:bg-rose-800"
          onConfirm={async () => {
            const res = await room.reveal();
            setError(res.ok ? null : res.error);
          }}
        />
      </div>
      {error && <BossError error={error} />}
    </div>
  );
}

function Ended({ room, view, onNewRound }: { room: HostRoom; view: View; onNewRound: () => void }) {
  const t = useTranslations('room');
  const [error, setError] = useState<ApiError | null>(null);
  const round = view.round;
  return (
    <div className="flex flex-col gap-4">
      {round && round.pending > 0 && <p role="status" data-testid="pending-note" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">{t('ended.pending', { count: round.pending })}</p>}
      {/* A boss round's ceremony is the reveal: a podium of the public board would crown the memorizers. */}
      {round && isBossLevel(round.settings.challengeId) ? <HostReveal room={room} round={round.number} /> : <Podium standings={view.standings} />}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          data-testid="export-csv"
          onClick={async () => {
            const res = await room.exportCsv(round?.number);
            if (res.ok) download(res.data.filename, res.data.csv);
            setError(res.ok ? null : res.error);
          }}
          className="rounded-lg bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800"
        >
          {t('ended.export')}
        </button>
        <button type="button" data-testid="new-round" onClick={onNewRound} className="rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800">{t('ended.newRound')}</button>
        {round && <Link href={`/leaderboard/room/${view.code}/${round.number}`} className="text-sm text-indigo-800 underline">{t('ended.permalink')}</Link>}
      </div>
      {error && <RoomError error={error} />}
      {round && <PublishToggle code={view.code} round={round} />}
      {/* A div, not a section: the table's scroll region already is the landmark of that name. */}
      <div className="flex flex-col gap-2">
        <h2 id="final-standings" className="text-lg font-semibold">{t('standings.final', { round: round?.number ?? 1 })}</h2>
        <StandingsTable rows={view.standings} sortable caption={t('standings.final', { round: round?.number ?? 1 })} challengeId={round?.settings.challengeId} />
      </div>
      <ManagePlayers room={room} view={view} />
    </div>
  );
}

/** The teacher's screen for one room: attaches as host, then lobby → running → ended. */
export function HostConsole({ code, address }: { code: string; address: JoinAddress }) {
  const t = useTranslations('room');
  const room = useHostRoom(code);
  const [settingUp, setSettingUp] = useState(false);
  const view = room.view;

  if (room.status === 'missing' || room.status === 'denied' || room.status === 'revoked') {
    return (
      <div className="flex max-w-3xl flex-col gap-4">
        <h1 className="text-2xl font-bold">{t('host.consoleTitle', { code: spacedCode(code) })}</h1>
        <p data-testid="host-status" data-status={room.status} className="rounded-xl bg-amber-50 p-4 text-amber-950 ring-1 ring-amber-200">{t(`host.status.${room.status}`)}</p>
        {room.error && room.status === 'denied' && <RoomError error={room.error} />}
        <ReclaimForm fixedCode={code} onReclaimed={(c) => room.adopt(c.hostToken)} />
      </div>
    );
  }
  if (!view) {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="text-slate-700">{t('host.attaching')}</p>
        {room.error && <RoomError error={room.error} />}
      </div>
    );
  }
  const phase = view.phase === 'ended' && settingUp ? 'lobby' : view.phase;
  return (
    <JoinAddressContext.Provider value={address}>
      <div data-testid="host-console" data-phase={view.phase} className="flex flex-col gap-4">
        <ReconnectBanner />
        <header className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h1 className="text-2xl font-bold">{t('host.consoleTitle', { code: spacedCode(view.code) })}</h1>
          <span data-testid="phase-badge" className="rounded-full bg-indigo-100 px-3 py-1 text-sm font-semibold text-indigo-900">{t(`phase.${view.phase}`)}</span>
          <div className="ml-auto flex flex-wrap items-start gap-2">
            <AdmissionToggle admission={view.admission} onChange={room.setAdmission} />
            <LockToggle room={room} view={view} />
          </div>
        </header>
        <PinPanel code={view.code} />
        {/* In every phase: a newcomer may arrive mid-round. The lobby keeps it below its projected part. */}
        {phase !== 'lobby' && <WaitingList view={view} onAdmit={room.admit} onDeny={room.deny} />}
        {phase === 'lobby' && <ProjectorLobby room={room} view={view} onStarted={() => setSettingUp(false)} onCancel={settingUp ? () => setSettingUp(false) : undefined} />}
        {phase === 'running' && <Running room={room} view={view} />}
        {phase === 'ended' && <Ended room={room} view={view} onNewRound={() => setSettingUp(true)} />}
        {phase === 'closed' && <p data-testid="room-closed" className="rounded-xl bg-slate-100 p-4 text-slate-800">{t('host.closed')}</p>}
        {phase === 'closed' && view.round && <PublishToggle code={view.code} round={view.round} />}
      </div>
    </JoinAddressContext.Provider>
  );
}
