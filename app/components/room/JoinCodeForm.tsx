'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { JOIN_CODE_LENGTH, normalizeJoinCode } from '../../../game/room/code';

/**
 * Type the code the teacher shows → /room/<code>. Spaces, dashes and lower case are fine; letters
 * that cannot be in a code are pointed out before anything is sent.
 */
export function JoinCodeForm({ initial = '', size = 'lg', autoFocus = false }: { initial?: string; size?: 'md' | 'lg'; autoFocus?: boolean }) {
  const t = useTranslations('room');
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [tried, setTried] = useState(initial !== '');
  const code = normalizeJoinCode(value);
  const invalid = tried && value.trim() !== '' && !code;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (code) router.push(`/room/${code}`);
  }

  const big = size === 'lg';
  return (
    <form onSubmit={submit} data-testid="join-code-form" className="flex flex-col gap-2">
      <label htmlFor={id} className={big ? 'text-lg font-semibold' : 'text-sm font-medium'}>{t('join.codeLabel')}</label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          data-testid="join-code-input"
          value={value}
          autoFocus={autoFocus}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={JOIN_CODE_LENGTH + 4}
          onChange={(e) => setValue(e.target.value.toUpperCase())}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-help`}
          placeholder="ACD EF3"
          className={`rounded-xl border border-slate-400 bg-white font-mono uppercase tracking-[0.3em] placeholder:text-slate-300 ${big ? 'w-56 px-4 py-3 text-2xl' : 'w-40 px-3 py-2 text-lg'}`}
        />
        <button type="submit" data-testid="join-code-submit" className={`rounded-xl bg-indigo-700 font-bold text-white shadow hover:bg-indigo-800 ${big ? 'px-6 py-3 text-lg' : 'px-4 py-2'}`}>
          {t('join.go')}
        </button>
      </div>
      <p id={`${id}-help`} className={`text-sm ${invalid ? 'font-medium text-red-700' : 'text-slate-600'}`} role={invalid ? 'alert' : undefined}>
        {invalid ? t('join.codeInvalid', { length: JOIN_CODE_LENGTH }) : t('join.codeHelp')}
      </p>
    </form>
  );
}
