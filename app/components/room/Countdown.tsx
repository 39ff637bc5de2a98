'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { countdownAnnouncement, formatCountdown } from './format';

const TICK_MS = 250;

/**
 * Time left until `endsAt` on the server's clock. The digits are a timer (not announced every
 * second); a separate polite live region speaks at whole minutes, 30 s, 10 s and the end.
 */
export function Countdown({ endsAt, now, size = 'md', testId = 'countdown' }: { endsAt: number; now: () => number; size?: 'md' | 'xl'; testId?: string }) {
  const t = useTranslations('room');
  const labelId = useId();
  const [left, setLeft] = useState(() => endsAt - now());
  useEffect(() => {
    setLeft(endsAt - now());
    const timer = window.setInterval(() => setLeft(endsAt - now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [endsAt, now]);
  const say = countdownAnnouncement(left);
  const spoken = 'minutes' in say ? t('countdown.minutesLeft', { minutes: say.minutes }) : say.seconds === 0 ? t('countdown.over') : t('countdown.secondsLeft', { seconds: say.seconds });
  const urgent = left <= 30_000;
  return (
    <div className="flex flex-col items-start">
      <span id={labelId} className="text-xs font-medium uppercase tracking-wide text-slate-600">{t('countdown.label')}</span>
      <span
        role="timer"
        data-testid={testId}
        data-left-ms={Math.max(0, Math.round(left))}
        aria-labelledby={labelId}
        className={`font-mono font-bold tabular-nums leading-none ${size === 'xl' ? 'text-5xl' : 'text-3xl'} ${left <= 0 ? 'text-slate-500' : urgent ? 'text-red-700' : 'text-slate-900'}`}
      >
        {formatCountdown(left)}
      </span>
      <span aria-live="polite" className="sr-only">{spoken}</span>
    </div>
  );
}
