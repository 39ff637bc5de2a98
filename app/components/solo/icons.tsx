import type { Stars } from '../../../game/stars';

/** One star, filled or outlined; decorative (the caller says the count in words). */
export function StarIcon({ filled, className = 'h-5 w-5' }: { filled: boolean; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={`${className} ${filled ? 'fill-amber-400 stroke-amber-600' : 'fill-none stroke-slate-400'}`} strokeWidth={1.5}>
      <path strokeLinejoin="round" d="M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3L2.9 9.5l6.3-.9z" />
    </svg>
  );
}

/** Three stars, `stars` of them filled; `label` is what a screen reader hears instead. */
export function StarRow({ stars, label, className }: { stars: Stars; label: string; className?: string }) {
  return (
    <span role="img" aria-label={label} data-testid="star-row" data-stars={stars} className="inline-flex items-center gap-0.5">
      {[1, 2, 3].map((n) => <StarIcon key={n} filled={stars >= n} className={className} />)}
    </span>
  );
}

export function LockIcon({ className = 'h-5 w-5' }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={`${className} fill-none stroke-current`} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}
