'use client';
import { useEffect, useMemo, useRef } from 'react';
import type { Surface, Vec2 } from '../../../../game/solo/surfaces';
import { animationDuration, heatmapPixels, plotTransform, surfaceField, visiblePoints } from './race-view';
import { useReducedMotion } from './useReducedMotion';

/** Canvas width in device pixels; the height follows the surface's view box. */
const PLOT_WIDTH_PX = 440;

export interface PlotPath {
  key: string;
  path: readonly Vec2[];
  color: string;
}

function drawPath(ctx: CanvasRenderingContext2D, toPx: (p: Vec2) => [number, number], p: PlotPath, count: number) {
  const pts = p.path.slice(0, count);
  if (pts.length === 0) return;
  ctx.strokeStyle = p.color;
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  pts.forEach((q, i) => {
    const [x, y] = toPx(q);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
  // Small dots on the first steps show where each step landed; the head is a larger dot.
  ctx.fillStyle = p.color;
  pts.slice(0, 60).forEach((q) => {
    const [x, y] = toPx(q);
    ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
  });
  const head = pts.at(-1);
  if (head) {
    const [x, y] = toPx(head);
    ctx.beginPath();
    ctx.arc(x, y, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.strokeStyle = '#0f172a';
    ctx.lineWidth = 1;
    ctx.stroke();
  }
}

function drawMarkers(ctx: CanvasRenderingContext2D, surface: Surface, toPx: (p: Vec2) => [number, number]) {
  const [sx, sy] = toPx(surface.start);
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = '#0f172a';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(sx, sy, 6, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.font = '20px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const m of surface.minima) {
    const [mx, my] = toPx(m);
    ctx.fillStyle = '#fbbf24';
    ctx.strokeText('★', mx, my);
    ctx.fillText('★', mx, my);
  }
}

/**
 * A surface as a heat map with contour lines, its start and minimum, and optimizer paths drawn
 * step by step whenever `runId` changes (all at once when the reader prefers reduced motion).
 */
export function SurfacePlot({ surface, paths, runId, label, testId }: { surface: Surface; paths: readonly PlotPath[]; runId: number; label: string; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const reduced = useReducedMotion();
  const [x0, x1, y0, y1] = surface.view;
  const width = PLOT_WIDTH_PX;
  const height = Math.round((PLOT_WIDTH_PX * (y1 - y0)) / (x1 - x0));
  const background = useMemo(() => heatmapPixels(surfaceField(surface, width, height), width, height), [surface, width, height]);
  const latest = useRef(paths);
  latest.current = paths;

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const image = new ImageData(new Uint8ClampedArray(background), width, height);
    const { toPx } = plotTransform(surface.view, width, height);
    const longest = Math.max(0, ...latest.current.map((p) => p.path.length));
    const draw = (elapsed: number) => {
      ctx.putImageData(image, 0, 0);
      drawMarkers(ctx, surface, toPx);
      for (const p of latest.current) drawPath(ctx, toPx, p, reduced ? p.path.length : visiblePoints(p.path.length, elapsed));
    };
    if (reduced || longest <= 1) {
      draw(Infinity);
      return;
    }
    const started = performance.now();
    const end = animationDuration(longest);
    let frame = 0;
    const tick = (now: number) => {
      const elapsed = now - started;
      draw(elapsed);
      if (elapsed < end) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    // A lost canvas (GPU reset) comes back blank: draw the finished picture again.
    const restore = () => draw(Infinity);
    el.addEventListener('contextrestored', restore);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('contextrestored', restore);
    };
  }, [background, surface, width, height, reduced, runId]);

  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-run={runId}
      className="h-auto w-full rounded-md ring-1 ring-slate-300"
    />
  );
}
