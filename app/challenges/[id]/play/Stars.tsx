'use client';
import { useTranslations } from 'next-intl';
import type { Stars as StarCount } from '../../../../game/stars';

/** Three stars, the earned ones filled; the count is also in data-stars and for screen readers. */
export function Stars({ stars, testId, className = '' }: { stars: StarCount; testId?: string; className?: string }) {
  const t = useTranslations('play');
  return (
    <span data-testid={testId} data-stars={stars} role="img" aria-label={t('stars', { count: stars })} className={`whitespace-nowrap text-lg leading-none ${className}`}>
      {[1, 2, 3].map((i) => (
        <span key={i} aria-hidden="true" className={i <= stars ? 'text-amber-500' : 'text-slate-300'}>★</span>
      ))}
    </span>
  );
}
