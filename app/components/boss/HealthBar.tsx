'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useReducedMotion } from '../../challenges/[id]/play/useReducedMotion';
import { healthTone, healthWidth, type HealthTone } from './boss-view';

const TONES: Record<HealthTone, string> = {
  high: 'bg-emerald-500',
  mid: 'bg-amber-500',
  low: 'bg-red-600',
  empty: 'bg-slate-400',
};

/** Rests full this long before draining, so everyone sees the boss at 100 first. */
const DRAIN_DELAY_MS = 600;

/**
 * The boss's health. With `drainTo` it starts full and drains to that value (a width transition);
 * for a reader who asked for reduced motion it shows the end at once.
 */
export function HealthBar({ drainTo }: { drainTo?: number }) {
  const t = useTranslations('boss');
  const reduced = useReducedMotion();
  const target = drainTo === undefined ? 100 : healthWidth(drainTo);
  const [shown, setShown] = useState(reduced ? target : 100);
  useEffect(() => {
    if (reduced) return setShown(target);
    const id = window.setTimeout(() => setShown(target), DRAIN_DELAY_MS);
    return () => window.clearTimeout(id);
  }, [target, reduced]);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between text-sm font-semibold">
        <span>{t('health')}</span>
        <span data-testid="boss-health" data-value={target} className="tabular-nums">{t('healthValue', { value: Math.round(target) })}</span>
      </div>
      <div
        role="meter"
        aria-label={t('health')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(target)}
        className="h-5 w-full overflow-hidden rounded-full bg-slate-200 ring-1 ring-slate-300"
      >
        <div
          data-testid="boss-health-fill"
          data-shown={shown}
          className={`h-full rounded-full ${TONES[healthTone(shown)]} ${reduced ? '' : 'transition-[width,background-color] duration-[1800ms] ease-out'}`}
          style={{ width: `${shown}%` }}
        />
      </div>
    </div>
  );
}
