'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { readHostPin, saveHostPin } from '../../../components/room/storage';

/**
 * The recovery PIN, shown once after creating the room. It lives in this tab's sessionStorage
 * until the teacher dismisses it (a reload before that shows it again), never in the URL.
 */
export function PinPanel({ code }: { code: string }) {
  const t = useTranslations('room');
  const [pin, setPin] = useState<string | null>(null);
  useEffect(() => {
    const stored = readHostPin(code);
    if (stored) setPin(stored);
  }, [code]);
  if (!pin) return null;
  return (
    <section role="region" aria-labelledby="pin-title" data-testid="pin-panel" className="flex flex-wrap items-center gap-x-6 gap-y-3 rounded-2xl border-2 border-dashed border-amber-400 bg-amber-50 p-4">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <h2 id="pin-title" className="font-semibold text-amber-950">{t('pin.title')}</h2>
        <p className="text-sm text-amber-950">{t('pin.body')}</p>
      </div>
      <p className="flex items-baseline gap-3">
        <span className="text-sm text-amber-900">{t('pin.code')} <strong className="font-mono text-lg">{code}</strong></span>
        <span className="text-sm text-amber-900">{t('pin.pin')} <strong data-testid="host-pin" className="font-mono text-2xl tracking-widest">{pin}</strong></span>
      </p>
      <button
        type="button"
        data-testid="pin-dismiss"
        onClick={() => {
          saveHostPin(code, null);
          setPin(null);
        }}
        className="rounded-lg bg-amber-700 px-4 py-2 text-sm font-semibold text-white hover:bg-amber-800"
      >
        {t('pin.dismiss')}
      </button>
    </section>
  );
}
