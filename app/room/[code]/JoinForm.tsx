'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState, type FormEvent } from 'react';
// game/nickname, not protocol/: a value import from protocol would put zod (~24 KiB gzip) in this page's bundle.
import { NICKNAME_MAX_CHARS } from '../../../game/nickname';
import type { ApiError } from '../../../protocol';
import { usePlayer } from '../../components/providers/PlayerProvider';
import { useConnected } from '../../components/providers/SocketProvider';
import { RoomError } from '../../components/room/errors';
import { spacedCode } from '../../components/room/format';
import { JoinCodeForm } from '../../components/room/JoinCodeForm';
import { useRoomCheck } from './useRoomCheck';

/** The room's address names no room this browser can join: say why, and offer the code box again. */
function Refused({ error }: { error: ApiError }) {
  const t = useTranslations('room');
  return (
    <section aria-labelledby="room-refused-title" data-testid="room-refused" data-code={error.code} className="mx-auto flex w-full max-w-lg flex-col gap-4 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
      <h1 id="room-refused-title" className="text-2xl font-bold">{t('join.pageTitle')}</h1>
      <RoomError error={error} />
      <JoinCodeForm />
    </section>
  );
}

/** Step two of joining (step one was opening the link): a nickname, prefilled when known, and Join. */
export function JoinForm({ code, busy, error, onJoin }: { code: string; busy: boolean; error: ApiError | null; onJoin: (nickname: string) => void }) {
  const t = useTranslations('room');
  const { player, ready } = usePlayer();
  const connected = useConnected();
  const id = useId();
  const [nickname, setNickname] = useState('');
  const [touched, setTouched] = useState(false);
  const refusal = useRoomCheck(code);
  useEffect(() => {
    if (ready && player && !touched) setNickname(player.nickname);
  }, [ready, player, touched]);
  if (refusal && !busy) return <Refused error={refusal} />;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (nickname.trim()) onJoin(nickname);
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="room-join-form" className="mx-auto flex w-full max-w-lg flex-col gap-4 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-slate-600">{t('join.roomLabel')} <span className="font-mono font-bold tracking-widest text-indigo-900">{spacedCode(code)}</span></p>
        <h1 id={`${id}-title`} className="text-2xl font-bold">{t('join.title')}</h1>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="font-medium">{t('join.nickname')}</label>
        <input
          id={id}
          data-testid="room-nickname"
          value={nickname}
          autoFocus
          autoComplete="nickname"
          maxLength={NICKNAME_MAX_CHARS * 2}
          onChange={(e) => {
            setTouched(true);
            setNickname(e.target.value);
          }}
          aria-describedby={`${id}-help`}
          className="rounded-xl border border-slate-400 px-4 py-3 text-lg"
          placeholder={t('join.placeholder')}
        />
        <p id={`${id}-help`} className="text-sm text-slate-600">{t('join.nicknameHelp', { max: NICKNAME_MAX_CHARS })}</p>
      </div>
      <button type="submit" data-testid="room-join" disabled={busy || !connected || nickname.trim() === ''} className="rounded-xl bg-indigo-700 px-6 py-3 text-lg font-bold text-white shadow hover:bg-indigo-800 disabled:opacity-50">
        {busy ? t('join.joining') : t('join.submit')}
      </button>
      {!connected && <p role="status" className="text-sm text-slate-600">{t('join.connecting')}</p>}
      {error && <RoomError error={error} />}
    </form>
  );
}
