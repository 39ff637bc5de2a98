/**
 * The projected lobby's name grid, sized so a class reads its names from the back row: pure, so it
 * is unit-tested. A class of 30 gets 28 px names in cells of 168 px (six columns in the 1,120 px
 * of a 1366×768 screen, up to six rows under the code and QR); a long name takes two or three
 * cells. When the names need more cells than a tier's screenful, the next tier's smaller type and
 * narrower cells are used; past the last one's the list scrolls.
 */

export interface NameTier {
  /** The cells that fit in the first screen at 1366×768. */
  cells: number;
  /** Font size of a name, in px. */
  fontPx: number;
  /** A grid cell's minimum width, in px (the grid stretches cells to fill the row). */
  cellPx: number;
}

export const NAME_TIERS: readonly NameTier[] = [
  { cells: 6 * 6, fontPx: 28, cellPx: 168 },
  { cells: 7 * 7, fontPx: 24, cellPx: 144 },
  { cells: 8 * 8, fontPx: 20, cellPx: 120 },
];

/** Gap between cells and what a cell holds besides the name (padding 2 × 12 px, the dot and its gap), in px. */
export const CELL_GAP_PX = 8;
export const CELL_CHROME_PX = 42;
/** A nickname is at most 20 characters: three cells hold it at every tier. */
export const MAX_SPAN = 3;


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

export interface NameLayout {
  tier: NameTier;
  /** Each name's cells, in the order given. */
  spans: number[];
}

/** The largest type at which every name fits the first screen (else the smallest, and the list scrolls). */
export function layoutNames(nicknames: readonly string[]): NameLayout {
  let layout: NameLayout | null = null;
  for (const tier of NAME_TIERS) {
    layout = { tier, spans: nicknames.map((n) => nameSpan(n, tier)) };
    if (layout.spans.reduce((a, b) => a + b, 0) <= tier.cells) return layout;
  }
  return layout as NameLayout;
}
