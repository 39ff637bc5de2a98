/**
 * Geometry and colours of the 2-D studio's plot, pure so they can be tested without a canvas:
 * the square view of the input plane, class colours, a probability's heatmap colour, and where a
 * neuron's decision line crosses the view.
 */
import type { ModelChallenge } from '../../../../game/challenges';
import type { Neuron, ProbeView } from '../../../../models/probe';

/** Grid points per side of the heatmap. */
export const PROBE_GRID = 40;

/** Points sets live in [-1, 1]² plus noise; gate inputs are 0 and 1, with room around the corners. */
export function probeView(challenge: ModelChallenge): ProbeView {
  return challenge.data.type === 'gate' ? { min: -0.25, max: 1.25, size: PROBE_GRID } : { min: -1.2, max: 1.2, size: PROBE_GRID };
}

export type RGB = readonly [number, number, number];

/** Class 0 orange, class 1 blue (as in the classic playground); white in between. */
export const CLASS_RGB: readonly [RGB, RGB] = [[245, 147, 34], [8, 119, 189]];
const WHITE: RGB = [255, 255, 255];

const mix = (a: RGB, b: RGB, t: number): RGB => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/**
 * The heatmap colour of a class-1 probability: white at 0.5, towards the class colour as the model
 * gets surer, never the full colour, so the points drawn on top stay visible.
 */
export function probColor(p: number): RGB {
  const q = Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0.5));
  const strength = Math.abs(q - 0.5) * 2 * 0.75;
  return mix(WHITE, CLASS_RGB[q >= 0.5 ? 1 : 0], strength);
}

export const rgbCss = (c: RGB, alpha = 1) => `rgba(${Math.round(c[0])}, ${Math.round(c[1])}, ${Math.round(c[2])}, ${alpha})`;

/** Canvas coordinates (0..px, y down) of a point of the input plane. */
export function toPixel(view: ProbeView, px: number, x1: number, x2: number): [number, number] {
  const span = view.max - view.min;
  return [((x1 - view.min) / span) * px, ((view.max - x2) / span) * px];
}

/**
 * The part of the line w₁x₁ + w₂x₂ + b = 0 inside the view, as two points of the input plane;
 * null when it misses the view or the weights are both (about) zero.
 */
export function lineInView(n: Neuron, view: ProbeView): [[number, number], [number, number]] | null {
  const [w1, w2] = n.w;
  const { min, max } = view;
  const eps = 1e-9;
  const hits: [number, number][] = [];
  const add = (x1: number, x2: number) => {
    const inside = x1 >= min - eps && x1 <= max + eps && x2 >= min - eps && x2 <= max + eps;
    if (inside && !hits.some(([a, b]) => Math.abs(a - x1) < 1e-7 && Math.abs(b - x2) < 1e-7)) hits.push([x1, x2]);
  };
  if (Math.abs(w2) > eps) for (const x1 of [min, max]) add(x1, -(w1 * x1 + n.b) / w2);
  if (Math.abs(w1) > eps) for (const x2 of [min, max]) add(-(w2 * x2 + n.b) / w1, x2);
  const [a, b] = hits;
  return a && b ? [a, b] : null;
}
