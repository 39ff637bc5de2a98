/**
 * Small inline icons. Emoji would be simpler, but many school machines (and Debian's Chromium
 * without an emoji font) draw them as empty boxes. All decorative: the text next to them says it.
 */
const base = { 'aria-hidden': true, focusable: false, fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export function LockIcon({ open = false, className = 'h-4 w-4' }: { open?: boolean; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...base}>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d={open ? 'M8 11V7a4 4 0 0 1 7.5-2' : 'M8 11V7a4 4 0 0 1 8 0v4'} />
    </svg>
  );
}

export function DoorIcon({ className = 'h-12 w-12' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} {...base}>
      <path d="M4 21h16M6 21V4a1 1 0 0 1 1-1h8a1 1 0 0 1 1 1v17" />
      <path d="M13 12h.01M16 8l4 4-4 4M20 12h-7" />
    </svg>
  );
}

const MEDAL = [
  { fill: '#f59e0b', ring: '#b45309' },
  { fill: '#cbd5e1', ring: '#64748b' },
  { fill: '#fdba74', ring: '#c2410c' },
] as const;

/** A medal with its rank on it (1 gold, 2 silver, 3 bronze). */
export function MedalIcon({ rank, className = 'h-10 w-10' }: { rank: number; className?: string }) {
  const m = MEDAL[rank - 1] ?? MEDAL[2];
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <path d="M10 2h5l3 9h-5zM22 2h-5l-3 9h5z" fill="#6366f1" />
      <circle cx="16" cy="20" r="10" fill={m.fill} stroke={m.ring} strokeWidth="2" />
      <text x="16" y="24.5" textAnchor="middle" fontSize="12" fontWeight="800" fill="#1e1b4b">{rank}</text>
    </svg>
  );
}
