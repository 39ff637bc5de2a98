/**
 * Geometry and colours of the GAN studio's plane, pure so they can be tested without a canvas:
 * the discriminator's heatmap colour, the canvas pixel of a plane point and back (for drawing a
 * target), and the seeded sampler that turns a drawn target's clicks into training points.
 */
import { mulberry32 } from '../../../../models/random';
import type { Grid } from '../../../../models/gan';

/** The square of the plane the studio shows: both coordinates run from `min` to `max`; `size` heatmap cells a side. */
export interface GanView {
  min: number;
  max: number;
  size: number;
}

/** The discriminator's grid for a view (models/gan.ts discriminatorGrid). */
export const viewGrid = (v: GanView): Grid => ({ xMin: v.min, xMax: v.max, yMin: v.min, yMax: v.max, cols: v.size, rows: v.size });

export type RGB = readonly [number, number, number];

/** Real points green, generated points purple (as GAN Lab colours them). */
export const REAL_RGB: RGB = [22, 163, 74];
export const FAKE_RGB: RGB = [147, 51, 234];
const WHITE: RGB = [255, 255, 255];

export const rgbCss = (c: RGB, alpha = 1) => `rgba(${Math.round(c[0])}, ${Math.round(c[1])}, ${Math.round(c[2])}, ${alpha})`;

const mix = (a: RGB, b: RGB, t: number): RGB => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/**
 * The heatmap colour of the discriminator's P(real) at a point: white where it cannot tell (0.5),
 * towards green where it says "real", purple where it says "fake"; never the full colour, so the
 * points drawn on top stay visible.
 */
export function dColor(p: number): RGB {
  const q = Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0.5));
  const strength = Math.abs(q - 0.5) * 2 * 0.6;
  return mix(WHITE, q >= 0.5 ? REAL_RGB : FAKE_RGB, strength);
}

/** Canvas coordinates (0..px, y down) of a point of the plane. */
export function toPixel(view: Pick<GanView, 'min' | 'max'>, px: number, x: number, y: number): [number, number] {
  const span = view.max - view.min;
  return [((x - view.min) / span) * px, ((view.max - y) / span) * px];
}

/** The plane point under a canvas position (0..px, y down): the inverse of toPixel. */
export function toPlane(view: Pick<GanView, 'min' | 'max'>, px: number, cx: number, cy: number): [number, number] {
  const span = view.max - view.min;
  return [view.min + (cx / px) * span, view.max - (cy / px) * span];
}

/** Drawn targets keep at most this many clicked points (a drag adds one every few pixels). */
export const MAX_DRAWN_POINTS = 400;
/** Fewest drawn points a run can train on. */
export const MIN_DRAWN_POINTS = 5;
/** Spread of the training points around each drawn point, in plane units. */
export const DRAWN_SPREAD = 0.04;

/**
 * Training points for a drawn target: `count` points, each one of the drawn points (in turn, so
 * every stroke is represented) plus seeded Gaussian noise of DRAWN_SPREAD. Pure: the same drawing
 * and seed give the same points.
 */
export function sampleDrawn(drawn: readonly (readonly [number, number])[], count: number, seed: number): Float32Array {
  const out = new Float32Array(2 * count);
  if (drawn.length === 0) return out;
  const rand = mulberry32(seed);
  // Box-Muller: two uniforms give one standard normal (the second is dropped; speed is no concern).
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  for (let i = 0; i < count; i++) {
    const [x, y] = drawn[i % drawn.length] ?? [0, 0];
    out[2 * i] = x + DRAWN_SPREAD * normal();
    out[2 * i + 1] = y + DRAWN_SPREAD * normal();
  }
  return out;
}

/** Adds a drawn point unless it lies within `minGap` of the last one (a drag is thinned) or the drawing is full. */
export function addDrawnPoint(drawn: readonly (readonly [number, number])[], p: readonly [number, number], minGap: number): (readonly [number, number])[] {
  if (drawn.length >= MAX_DRAWN_POINTS) return drawn.slice();
  const last = drawn.at(-1);
  if (last && Math.hypot(last[0] - p[0], last[1] - p[1]) < minGap) return drawn.slice();
  return [...drawn, p];
}
