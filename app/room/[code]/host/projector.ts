/**
 * The projected lobby's name grid, sized so a class reads its names from the back row: pure, so it
 * is unit-tested. Up to 30 names get 28 px in cells of 10.5 rem (six columns in the 1,120 px of a
 * 1366×768 screen, five rows); a bigger class gets smaller type and narrower cells, and past
 * about 70 the list scrolls.
 */

export interface NameTier {
  /** The largest class this tier is for. */
  upTo: number;
  /** Font size of a name, in px. */
  fontPx: number;
  /** A grid cell's minimum width, in px (the grid stretches cells to fill the row). */
  cellPx: number;
}

export const NAME_TIERS: readonly NameTier[] = [
  { upTo: 30, fontPx: 28, cellPx: 168 },
  { upTo: 42, fontPx: 24, cellPx: 144 },
  { upTo: Number.POSITIVE_INFINITY, fontPx: 20, cellPx: 120 },
];

/** Gap between cells and what a cell holds besides the name (padding 2 × 12 px, the dot and its gap), in px. */
export const CELL_GAP_PX = 8;
export const CELL_CHROME_PX = 42;
/** A nickname is at most 20 characters: three cells hold it at every tier. */
export const MAX_SPAN = 3;

export function nameTier(count: number): NameTier {
  return NAME_TIERS.find((t) => count <= t.upTo) ?? (NAME_TIERS[NAME_TIERS.length - 1] as NameTier);
}

/** Hangul, kana, CJK and full-width forms: about one em wide each. */
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** A nickname's width in em, estimated generously (the page's fonts are proportional). */
export function nameEm(nickname: string): number {
  let em = 0;
  for (const ch of nickname) {
    if (WIDE.test(ch)) em += 1;
    else if (ch === ' ') em += 0.3;
    else if (/[A-Z0-9@#%&MWmw]/.test(ch)) em += 0.68;
    else em += 0.56;
  }
  return em;
}

/** How many grid cells a name takes so it shows whole: 1, 2 or MAX_SPAN (beyond that it is cut with an ellipsis). */
export function nameSpan(nickname: string, tier: NameTier): number {
  const width = nameEm(nickname) * tier.fontPx + CELL_CHROME_PX;
  for (let span = 1; span < MAX_SPAN; span++) {
    if (width <= span * tier.cellPx + (span - 1) * CELL_GAP_PX) return span;
  }
  return MAX_SPAN;
}
