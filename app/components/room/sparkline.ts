/** Scales a training curve into a tiny SVG box (class-wall tiles). Pure. */

export interface SparkPoint {
  x: number;
  y: number;
}

/**
 * SVG polyline points for `values` (x, y pairs) in a width × height box with `pad` pixels inside.
 * y grows downwards in SVG, so the largest value is at the top. A flat series sits in the middle;
 * non-finite values are skipped. `yRange` fixes the vertical scale (accuracy: [0, 1]); values outside
 * it are clamped. Returns '' for no drawable point.
 */
export function sparklinePoints(values: readonly SparkPoint[], width: number, height: number, pad = 2, yRange?: readonly [number, number]): string {
  const pts = values.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (pts.length === 0) return '';
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = yRange ?? [Math.min(...ys), Math.max(...ys)];
  const w = width - 2 * pad;
  const h = height - 2 * pad;
  const sx = (x: number) => (x1 === x0 ? width / 2 : pad + ((x - x0) / (x1 - x0)) * w);
  const clamp = (y: number) => Math.min(Math.max(y, Math.min(y0, y1)), Math.max(y0, y1));
  const sy = (y: number) => (y1 === y0 ? height / 2 : pad + (1 - (clamp(y) - y0) / (y1 - y0)) * h);
  const round = (v: number) => Math.round(v * 10) / 10;
  return pts.map((p) => `${round(sx(p.x))},${round(sy(p.y))}`).join(' ');
}
