/**
 * Pure helpers for drawing the optimizer race: the log-scale learning-rate slider, the plot's
 * world-to-pixel transform, the heat map of a surface with its contour bands, and how much of a
 * trajectory an animation shows at a given time. No DOM here, so the unit tests can run them.
 */
import type { RaceResult, RaceSettings } from '../../../../game/solo/optimizers';
import type { Surface, Vec2 } from '../../../../game/solo/surfaces';

/** The learning rates the server accepts (game/solo/play.ts raceSettingsSchema). */
export const LR_MIN = 1e-4;
export const LR_MAX = 10;
/** Slider positions per factor of ten. */
export const LR_STEPS_PER_DECADE = 100;
export const LR_SLIDER_MAX = Math.round(Math.log10(LR_MAX / LR_MIN) * LR_STEPS_PER_DECADE);

/** Rounds to three significant digits, the precision the slider and the number field show. */
export function roundLr(lr: number): number {
  return Number(lr.toPrecision(3));
}

export function lrFromSlider(position: number): number {
  const p = Math.min(LR_SLIDER_MAX, Math.max(0, Math.round(position)));
  return roundLr(LR_MIN * 10 ** (p / LR_STEPS_PER_DECADE));
}

export function sliderFromLr(lr: number): number {
  const clamped = Math.min(LR_MAX, Math.max(LR_MIN, lr));
  return Math.round(Math.log10(clamped / LR_MIN) * LR_STEPS_PER_DECADE);
}

/** A typed learning rate, clamped into the accepted range; null when it is not a number. */
export function parseLr(text: string): number | null {
  const v = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(v) || v <= 0) return null;
  return Math.min(LR_MAX, Math.max(LR_MIN, v));
}

export const DEFAULT_RACE_SETTINGS: RaceSettings = { optimizer: 'gd', learningRate: 0.01, momentum: 0.9 };

/** Only momentum and Adam read the momentum field (as the momentum coefficient or β₁). */
export const usesMomentum = (o: RaceSettings['optimizer']) => o === 'momentum' || o === 'adam';

export interface PlotTransform {
  toPx(p: Vec2): [number, number];
  toWorld(px: number, py: number): Vec2;
}

/** Maps the surface's view box onto a width × height canvas, y pointing up. */
export function plotTransform(view: Surface['view'], width: number, height: number): PlotTransform {
  const [x0, x1, y0, y1] = view;
  const sx = width / (x1 - x0);
  const sy = height / (y1 - y0);
  return {
    toPx: ([x, y]) => [(x - x0) * sx, (y1 - y) * sy],
    toWorld: (px, py) => [x0 + px / sx, y1 - py / sy],
  };
}

/**
 * The surface sampled at pixel centres, as log(1 + f − fmin) scaled to 0..1: the loss grows by
 * orders of magnitude across the view, and a log scale keeps the valley floor readable.
 */
export function surfaceField(surface: Surface, width: number, height: number): Float32Array {
  const tr = plotTransform(surface.view, width, height);
  const fmin = Math.min(...surface.minima.map((m) => surface.f(m)));
  const field = new Float32Array(width * height);
  let max = 0;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const v = Math.log1p(Math.max(0, surface.f(tr.toWorld(i + 0.5, j + 0.5)) - fmin));
      field[j * width + i] = v;
      if (v > max) max = v;
    }
  }
  if (max > 0) for (let k = 0; k < field.length; k++) field[k] = (field[k] ?? 0) / max;
  return field;
}

/** Stops of the colour scale, low loss first (dark blue valley to pale yellow heights). */
const HEAT_STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [30, 27, 75],
  [49, 104, 142],
  [53, 183, 121],
  [180, 222, 44],
  [253, 245, 200],
];

/** The colour of a value in 0..1 on the heat scale (values outside are clamped). */
export function heatColor(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (HEAT_STOPS.length - 1);
  const i = Math.min(HEAT_STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = HEAT_STOPS[i] ?? [0, 0, 0];
  const b = HEAT_STOPS[i + 1] ?? a;
  return [0, 1, 2].map((k) => Math.round((a[k] ?? 0) + f * ((b[k] ?? 0) - (a[k] ?? 0)))) as [number, number, number];
}

/**
 * RGBA pixels of a field: the heat colour, darkened where the field crosses one of `bands`
 * equally spaced levels, which draws the contour lines.
 */
export function heatmapPixels(field: Float32Array, width: number, height: number, bands = 12): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  const band = (k: number) => Math.floor((field[k] ?? 0) * bands);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const k = j * width + i;
      const edge = (i + 1 < width && band(k + 1) !== band(k)) || (j + 1 < height && band(k + width) !== band(k));
      const [r, g, b] = heatColor(field[k] ?? 0);
      const shade = edge ? 0.6 : 1;
      out.set([r * shade, g * shade, b * shade, 255], k * 4);
    }
  }
  return out;
}

/** How the race ended, for the result line. */
export type RaceVerdict = { kind: 'arrived'; steps: number } | { kind: 'diverged'; steps: number } | { kind: 'timeout' };

export function raceVerdict(r: RaceResult): RaceVerdict {
  if (r.steps !== null) return { kind: 'arrived', steps: r.steps };
  // The path keeps the last finite point before the run left the board.
  if (r.diverged) return { kind: 'diverged', steps: r.path.length };
  return { kind: 'timeout' };
}

/** Points per millisecond: a whole path in about this long, never slower than the floor below. */
export const ANIMATION_MS = 3_000;
const MIN_POINTS_PER_MS = 0.008;

/** How many points of a path of `length` an animation started `elapsedMs` ago shows (at least 1). */
export function visiblePoints(length: number, elapsedMs: number): number {
  if (length <= 0) return 0;
  const rate = Math.max(length / ANIMATION_MS, MIN_POINTS_PER_MS);
  return Math.min(length, 1 + Math.floor(Math.max(0, elapsedMs) * rate));
}

/** The time after which visiblePoints shows the whole path. */
export function animationDuration(length: number): number {
  const rate = Math.max(length / ANIMATION_MS, MIN_POINTS_PER_MS);
  return Math.ceil((length - 1) / rate);
}

/** One colour per optimizer in the comparison (distinct on the heat map's blues and greens). */
export const OPTIMIZER_COLORS: Readonly<Record<RaceSettings['optimizer'], string>> = {
  gd: '#ffffff',
  sgd: '#f97316',
  minibatch: '#facc15',
  momentum: '#ef4444',
  adagrad: '#a855f7',
  rmsprop: '#22d3ee',
  adam: '#ec4899',
};
