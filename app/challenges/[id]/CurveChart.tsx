'use client';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Redraws at most this often while points stream in. */
const REDRAW_INTERVAL_MS = 250;
const CHART_HEIGHT_PX = 200;

export interface Series {
  label: string;
  color: string;
  values: (number | null)[];
  /** Only a few points carry values (one per epoch): draw markers on them. */
  sparse?: boolean;
}

/** A labelled vertical line at one x value (the best epoch), drawn over the plot as a DOM element. */
export interface ChartMarker {
  x: number;
  label: string;
  testId: string;
}

/**
 * Puts the marker where `x` is on the current scale (or removes it). A DOM element rather than
 * canvas strokes: it survives redraws without repainting, and a test or screen reader can find it.
 */
function placeMarker(u: uPlot, m: ChartMarker | null | undefined): void {
  let el = u.over.querySelector<HTMLDivElement>('[data-chart-marker]');
  if (!m) {
    el?.remove();
    return;
  }
  if (!el) {
    el = document.createElement('div');
    el.dataset.chartMarker = '';
    el.style.cssText = 'position:absolute;top:0;bottom:0;border-left:2px dashed #059669;pointer-events:none';
    const tag = document.createElement('span');
    tag.style.cssText = 'position:absolute;top:2px;left:4px;white-space:nowrap;font-size:11px;font-weight:600;color:#047857;background:rgba(255,255,255,0.85);padding:0 3px;border-radius:3px';
    el.appendChild(tag);
    u.over.appendChild(el);
  }
  el.setAttribute('data-testid', m.testId);
  el.setAttribute('data-x', String(m.x));
  const left = u.valToPos(m.x, 'x');
  el.style.left = `${left}px`;
  el.title = m.label;
  const tag = el.firstElementChild as HTMLSpanElement;
  tag.textContent = m.label;
  // In the right half the label goes left of the line, so it stays inside the plot.
  const flip = left > u.over.clientWidth / 2;
  tag.style.left = flip ? '' : '4px';
  tag.style.right = flip ? '4px' : '';
}

/** uPlot's data layout: the x values, then one column per series. */
function alignedData(x: number[], series: Series[]): uPlot.AlignedData {
  return [x, ...series.map((s) => s.values)] as uPlot.AlignedData;
}

/** The plot's options; `onDraw` runs after every redraw (new data, new size). */
function chartOptions({ width, xLabel, series, yRange, xMax, onDraw }: {
  width: number;
  xLabel: string;
  series: Series[];
  yRange: [number, number] | undefined;
  xMax: number | undefined;
  onDraw: (u: uPlot) => void;
}): uPlot.Options {
  return {
    width,
    height: CHART_HEIGHT_PX,
    // No hover read-out: the legend names the lines (values would read '--' until hovered).
    legend: { show: true, live: false },
    scales: { x: { time: false, ...(xMax ? { range: [0, xMax] as uPlot.Range.MinMax } : {}) }, ...(yRange ? { y: { range: yRange } } : {}) },
    axes: [{ label: xLabel }, {}],
    hooks: { draw: [onDraw] },
    // Validation values exist only at epoch ends: draw their points so a single epoch still shows.
    series: [{ label: xLabel }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: true, points: { show: s.sparse ?? false, size: 7, fill: s.color } }))],
  };
}

/**
 * Keeps the plot the width of its box (grid columns change with the page width, not only on
 * window resize) and repaints it when its lost canvas comes back blank (setSize repaints
 * everything, see DigitCanvas). Reads the plot through the ref, as it may be replaced or gone.
 * Returns the undo.
 */
function followBox(el: HTMLDivElement, canvas: HTMLCanvasElement, plot: { current: uPlot | null }): () => void {
  const observer = new ResizeObserver(() => {
    if (el.clientWidth > 0) plot.current?.setSize({ width: el.clientWidth, height: CHART_HEIGHT_PX });
  });
  observer.observe(el);
  const repaint = () => plot.current?.setSize({ width: plot.current.width, height: plot.current.height });
  canvas.addEventListener('contextrestored', repaint);
  return () => {
    canvas.removeEventListener('contextrestored', repaint);
    observer.disconnect();
  };
}

interface CurveChartProps {
  title: string;
  xLabel: string;
  x: number[];
  series: Series[];
  testId: string;
  yRange?: [number, number];
  /** The x axis spans 0..xMax (the run's epochs), so the curve fills the chart as training goes. */
  xMax?: number;
  /** A vertical line to mark, e.g. the epoch with the lowest validation loss. */
  marker?: ChartMarker | null;
}

/** A small live line chart (uPlot): x is the fractional epoch. */
export function CurveChart({ title, xLabel, x, series, testId, yRange, xMax, marker }: CurveChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const lastDraw = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const labels = series.map((s) => s.label).join('|');
  // The throttled draw reads the newest data, not the data of the render that scheduled it.
  const latest = useRef({ x, series });
  latest.current = { x, series };
  const markerRef = useRef(marker);
  markerRef.current = marker;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    // Every redraw (new data, new size) puts the marker back at its x.
    const opts = chartOptions({ width: el.clientWidth || 400, xLabel, series, yRange, xMax, onDraw: (u: uPlot) => placeMarker(u, markerRef.current) });
    const { x: xs, series: ss } = latest.current;
    plot.current = new uPlot(opts, alignedData(xs, ss), el);
    const unfollow = followBox(el, plot.current.ctx.canvas, plot);
    return () => {
      unfollow();
      plot.current?.destroy();
      plot.current = null;
    };
    // Rebuild only when the set of series changes, not on every new point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [labels, xLabel, xMax]);

  useEffect(() => {
    const draw = () => {
      pending.current = null;
      lastDraw.current = performance.now();
      const { x: xs, series: ss } = latest.current;
      plot.current?.setData(alignedData(xs, ss));
    };
    const wait = REDRAW_INTERVAL_MS - (performance.now() - lastDraw.current);
    if (wait <= 0) draw();
    else pending.current ??= setTimeout(draw, wait);
  }, [x, series]);

  useEffect(() => {
    if (plot.current) placeMarker(plot.current, marker);
  }, [marker]);

  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);

  return (
    <figure data-testid={testId} className="rounded-lg bg-white p-2 ring-1 ring-slate-200">
      <figcaption className="px-1 text-sm font-medium">{title}</figcaption>
      <div ref={host} className="w-full" />
    </figure>
  );
}
