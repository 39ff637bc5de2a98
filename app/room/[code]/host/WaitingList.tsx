'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { HostRoomView, WaitingView } from '../../../../game/room/views';
import type { Admission } from '../../../../game/room/types';
import type { ApiError, Result } from '../../../../protocol';
import { ConfirmButton } from '../../../components/room/ConfirmButton';
import { RoomError } from '../../../components/room/errors';

type Ids = (playerIds: string[]) => Promise<Result<{ playerIds: string[] }>>;
/** Admits or denies these players; a refusal shows above the list. */
type Decide = (playerIds: string[]) => Promise<void>;

/** "Admit each newcomer": on, a code puts a student on the waiting list instead of into the room. */
export function AdmissionToggle({ admission, onChange }: { admission: Admission; onChange: (a: Admission) => Promise<Result<null>> }) {
  const t = useTranslations('room');
  const [error, setError] = useState<ApiError | null>(null);
  const on = admission === 'approve';
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        role="switch"
        data-testid="admission-toggle"
        aria-checked={on}
        title={t('host.admissionHelp')}
        onClick={async () => {
          const res = await onChange(on ? 'open' : 'approve');
          setError(res.ok ? null : res.error);
        }}
        className={`flex items-center gap-2 rounded-full px-4 py-2 text-sm font-semibold ring-1 ${on ? 'bg-amber-700 text-white ring-amber-700' : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-100'}`}
      >
        <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-full ${on ? 'bg-white' : 'bg-slate-300'}`} />
        {t('host.admissionToggle')}
      </button>
      {error && <RoomError error={error} />}
    </div>
  );
}

/** Students who entered the code while admission is on: Admit / Deny each, or Admit all. */
export function WaitingList({ view, onAdmit, onDeny }: { view: Pick<HostRoomView, 'waiting' | 'admission'>; onAdmit: Ids; onDeny: Ids }) {
  const t = useTranslations('room');
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (run: Ids, ids: string[]) => {
    const res = await run(ids);
    setError(res.ok ? null : res.error);
  };
  const admit: Decide = (ids) => act(onAdmit, ids);
  const deny: Decide = (ids) => act(onDeny, ids);
  const waiting = view.waiting;
  if (view.admission !== 'approve' && waiting.length === 0) return null;
  return (
    <section aria-labelledby="waiting-title" data-testid="waiting-list" className="flex flex-col gap-2 rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200">
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 id="waiting-title" className="text-lg font-semibold text-amber-950">{t('host.waitingTitle')}</h2>
        <span data-testid="waiting-count" data-count={waiting.length} className="text-sm text-amber-900">{t('host.waitingCount', { count: waiting.length })}</span>
        {waiting.length > 1 && <DecideAll waiting={waiting} admit={admit} deny={deny} />}
      </div>
      {error && <RoomError error={error} />}
      {waiting.length === 0 ? (
        <p data-testid="waiting-empty" className="text-sm text-amber-900">{t('host.waitingEmpty')}</p>
      ) : (
        <ul aria-live="polite" className="flex flex-col divide-y divide-amber-100 rounded-xl bg-white ring-1 ring-amber-200">
          {waiting.map((w) => (
            <WaitingPlayer key={w.playerId} player={w} admit={admit} deny={deny} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DecideAll({ waiting, admit, deny }: { waiting: readonly WaitingView[]; admit: Decide; deny: Decide }) {
  const t = useTranslations('room');
  return (
    <div className="ml-auto flex flex-wrap items-center gap-2">
      <button type="button" data-testid="admit-all" onClick={() => admit(waiting.map((w) => w.playerId))} className="rounded-md bg-emerald-700 px-3 py-1 text-sm font-semibold text-white hover:bg-emerald-800">
        {t('host.admitAll', { count: waiting.length })}
      </button>
      {/* A burst of strangers on the list goes in one action, after the real students were let in. */}
      <ConfirmButton
        testId="deny-all"
        label={t('host.denyAll', { count: waiting.length })}
        question={t('host.denyAllQuestion', { count: waiting.length })}
        confirmLabel={t('host.denyConfirm')}
        cancelLabel={t('cancel')}
        className="rounded-md border border-red-200 bg-white px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50"
        onConfirm={() => deny(waiting.map((w) => w.playerId))}
      />
    </div>
  );
}

/** One newcomer: online dot (spelled out for screen readers), name, Admit, and Deny behind a confirm. */
function WaitingPlayer({ player: w, admit, deny }: { player: WaitingView; admit: Decide; deny: Decide }) {
  const t = useTranslations('room');
  return (
    <li data-testid="waiting-player" data-player-id={w.playerId} data-nickname={w.nickname} className="flex min-h-11 flex-wrap items-center gap-2 px-3 py-1.5">
      <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${w.connected ? 'bg-emerald-500' : 'bg-slate-300'}`} />
      <span className="sr-only">{w.connected ? t('online') : t('offline')}</span>
      <span className="min-w-0 flex-1 truncate font-medium">{w.nickname}</span>
      <button type="button" data-testid="admit-button" aria-label={t('host.admitLabel', { nickname: w.nickname })} onClick={() => admit([w.playerId])} className="rounded-md bg-emerald-700 px-2.5 py-1 text-xs font-semibold text-white hover:bg-emerald-800">
        {t('host.admit')}
      </button>
      <ConfirmButton
        testId="deny-button"
        label={<span aria-label={t('host.denyLabel', { nickname: w.nickname })}>{t('host.deny')}</span>}
        question={t('host.denyQuestion', { nickname: w.nickname })}
        confirmLabel={t('host.denyConfirm')}
        cancelLabel={t('cancel')}
        className="rounded-md border border-red-200 bg-white px-2.5 py-1 text-xs font-medium text-red-800 hover:bg-red-50"
        onConfirm={() => deny([w.playerId])}
      />
    </li>
  );
}
