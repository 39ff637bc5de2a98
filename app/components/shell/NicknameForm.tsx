'use client';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../protocol';
// game/nickname, not protocol/: a value import from protocol would put zod (~24 KiB gzip) in this page's bundle.
import { NICKNAME_MAX_CHARS } from '../../../game/nickname';
import { useErrorText } from '../errors/useErrorText';
import { usePlayer } from '../providers/PlayerProvider';

/**
 * Asks for a nickname once; the server answers with an identity kept in this browser.
 * `compact` drops the heading and the card, for pages that embed the form in their own panel.
 */
export function NicknameForm({ compact = false }: { compact?: boolean }) {
  const t = useTranslations('common');
  const { player, ready, register } = usePlayer();
  // The form's own words for its refusals (codes.ts, 'nickname'); the general ones for the rest.
  const describe = useErrorText('nickname');
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  if (!ready || player) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await register(nickname);
    setBusy(false);
    if (!res.ok) setError(res.error);
  }

  return (
    <form
      onSubmit={submit}
      aria-labelledby={compact ? undefined : `${inputId}-title`}
      aria-label={compact ? t('nicknameTitle') : undefined}
      className={`flex flex-col gap-3 ${compact ? '' : 'rounded-2xl border border-indigo-200 bg-indigo-50 p-4 sm:p-5'}`}
    >
      {!compact && (
        <h2 id={`${inputId}-title`} className="text-lg font-semibold text-indigo-950">
          {t('nicknameTitle')}
        </h2>
      )}
      <NicknameEntry inputId={inputId} nickname={nickname} onNicknameChange={setNickname} invalid={error !== null} busy={busy} />
      <p id={`${inputId}-help`} className="text-sm text-slate-700">
        {t('nicknameHelp', { max: NICKNAME_MAX_CHARS })}
      </p>
      {error && (
        <p role="alert" data-testid="nickname-error" data-code={error.code} className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {describe(error)}
        </p>
      )}
    </form>
  );
}

/** The visually hidden label, the nickname field and its submit button, on one wrapping row. */
function NicknameEntry({ inputId, nickname, onNicknameChange, invalid, busy }: { inputId: string; nickname: string; onNicknameChange: (nickname: string) => void; invalid: boolean; busy: boolean }) {
  const t = useTranslations('common');
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label htmlFor={inputId} className="sr-only">
        {t('nicknameLabel')}
      </label>
      <input
        id={inputId}
        data-testid="nickname-input"
        value={nickname}
        onChange={(e) => onNicknameChange(e.target.value)}
        autoComplete="nickname"
        aria-describedby={`${inputId}-help`}
        aria-invalid={invalid ? true : undefined}
        className="w-full max-w-xs rounded-lg border border-slate-400 bg-white px-3 py-2 text-base"
        placeholder={t('nicknamePlaceholder')}
      />
      <button
        data-testid="nickname-submit"
        type="submit"
        disabled={busy || nickname.trim().length === 0}
        className="rounded-lg bg-indigo-700 px-4 py-2 font-medium text-white shadow-sm hover:bg-indigo-800 disabled:cursor-not-allowed disabled:bg-indigo-300 disabled:text-indigo-50"
      >
        {busy ? t('nicknameBusy') : t('nicknameSubmit')}
      </button>
    </div>
  );
}
