'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { usePlayer } from '../providers/PlayerProvider';

/** Asks for a nickname once; the server answers with an identity kept in this browser. */
export function NicknameForm({ compact = false }: { compact?: boolean }) {
  const t = useTranslations('common');
  const { player, ready, register } = usePlayer();
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ready || player) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await register(nickname);
    setBusy(false);
    if (!res.ok) setError(res.error.message);
  }

  return (
    <form onSubmit={submit} className={`flex flex-wrap items-end gap-2 ${compact ? '' : 'rounded-xl border border-indigo-200 bg-indigo-50 p-4'}`}>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t('nicknameLabel')}</span>
        <input
          data-testid="nickname-input"
          value={nickname}
          onChange={(e) => setNickname(e.target.value)}
          maxLength={20}
          required
          className="w-56 rounded-md border border-slate-300 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-indigo-500"
          placeholder={t('nicknamePlaceholder')}
        />
      </label>
      <button
        data-testid="nickname-submit"
        type="submit"
        disabled={busy || nickname.trim().length === 0}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
      >
        {t('nicknameSubmit')}
      </button>
      <p className="w-full text-xs text-slate-600">{t('nicknameHelp')}</p>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
