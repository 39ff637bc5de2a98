/** The boss: a grinning block of memorized photos (decorative; the text says everything). */
export function BossFace({ beaten = false, className = 'h-16 w-16' }: { beaten?: boolean; className?: string }) {
  return (
    <svg viewBox="0 0 64 64" aria-hidden="true" className={className}>
      <rect x="6" y="10" width="52" height="46" rx="10" className={beaten ? 'fill-slate-400' : 'fill-rose-700'} />
      <rect x="12" y="4" width="10" height="12" rx="2" className="fill-amber-300" />
      <rect x="27" y="2" width="10" height="14" rx="2" className="fill-amber-300" />
      <rect x="42" y="4" width="10" height="12" rx="2" className="fill-amber-300" />
      {beaten ? (
        <>
          <path d="M16 26l8 8M24 26l-8 8M40 26l8 8M48 26l-8 8" stroke="white" strokeWidth="3" strokeLinecap="round" />
          <path d="M20 48q12-8 24 0" stroke="white" strokeWidth="3" fill="none" strokeLinecap="round" />
        </>
      ) : (
        <>
          <circle cx="21" cy="30" r="5" className="fill-white" />
          <circle cx="43" cy="30" r="5" className="fill-white" />
          <circle cx="22" cy="31" r="2" className="fill-slate-900" />
          <circle cx="44" cy="31" r="2" className="fill-slate-900" />
          <path d="M18 42q14 10 28 0" stroke="white" strokeWidth="3" fill="none" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
