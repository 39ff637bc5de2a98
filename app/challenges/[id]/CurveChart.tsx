'use client';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Redraws at most this often while points stream in. */
const REDRAW_INTERVAL_MS = 250;

export interface Series {
  label: string;
  color: string;
  values: (number | null)[];
}

/** A small live line chart (uPlot): x is the fractional epoch. */
export function CurveChart({ title, xLabel, x, series, testId, yRange }: { title: string; xLabel: string; x: number[]; series: Series[]; testId: string; yRange?: [number, number] }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const lastDraw = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const labels = series.map((s) => s.label).join('|');

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: el.clientWidth || 400,
      height: 200,
      legend: { show: true },
      scales: { x: { time: false }, ...(yRange ? { y: { range: yRange } } : {}) },
      axes: [{ label: xLabel }, {}],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: true, points: { show: false } }))],
    };
    plot.current = new uPlot(opts, [[], ...series.map(() => [])], el);
    const resize = () => plot.current?.setSize({ width: el.clientWidth, height: 200 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.current?.destroy();
      plot.current = null;
    };
    // Rebuild only when the set of series changes, not on every new point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [labels, xLabel]);

  useEffect(() => {
    const draw = () => {
      pending.current = null;
      lastDraw.current = performance.now();
      plot.current?.setData([x, ...series.map((s) => s.values)] as uPlot.AlignedData);
    };
    const wait = REDRAW_INTERVAL_MS - (performance.now() - lastDraw.current);
    if (wait <= 0) draw();
    else pending.current ??= setTimeout(draw, wait);
  }, [x, series]);

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
