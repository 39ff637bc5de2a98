'use client';
import { useEffect, useRef } from 'react';
import type { FeatureSplit } from '../../../../models/challenge-data';
import type { Probe, ProbeView } from '../../../../models/probe';
import { CLASS_RGB, lineInView, probColor, rgbCss, toPixel } from './plane';

/** Side of the drawing in CSS pixels; the canvas keeps this many logical pixels at any display size. */
export const PLOT_PX = 360;

/** The heatmap: one pixel per grid point, scaled up with smoothing into soft bands. */
function drawHeatmap(ctx: CanvasRenderingContext2D, probe: Probe | null) {
  if (!probe) {
    ctx.fillStyle = '#f8fafc';
    ctx.fillRect(0, 0, PLOT_PX, PLOT_PX);
    return;
  }
  const n = probe.size;
  const img = new ImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const [r, g, b] = probColor(probe.grid[i] ?? 0.5);
    img.data.set([r, g, b, 255], 4 * i);
  }
  const tile = document.createElement('canvas');
  tile.width = n;
  tile.height = n;
  tile.getContext('2d')?.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  // Grid points are pixel centres: the outermost ones sit on the view's edges.
  const half = PLOT_PX / (n - 1) / 2;
  ctx.drawImage(tile, -half, -half, PLOT_PX + 2 * half, PLOT_PX + 2 * half);
}

/** Light axes through the origin (points) or the unit square's sides (gates), with their ticks. */
function drawAxes(ctx: CanvasRenderingContext2D, view: ProbeView, gate: boolean) {
  const ticks = gate ? [0, 1] : [-1, 0, 1];
  ctx.strokeStyle = 'rgba(15, 23, 42, 0.15)';
  ctx.lineWidth = 1;
  ctx.fillStyle = 'rgba(15, 23, 42, 0.55)';
  ctx.font = '11px system-ui, sans-serif';
  for (const t of ticks) {
    const [x, y] = toPixel(view, PLOT_PX, t, t);
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, PLOT_PX);
    ctx.moveTo(0, y);
    ctx.lineTo(PLOT_PX, y);
    ctx.stroke();
    ctx.fillText(String(t), x + 3, PLOT_PX - 4);
    ctx.fillText(String(t), 3, y - 3);
  }
}

/** Training points filled, validation points as rings; gate rows large, with their output inside. */
function drawPoints(ctx: CanvasRenderingContext2D, view: ProbeView, split: FeatureSplit, style: 'fill' | 'ring' | 'gate') {
  const r = style === 'gate' ? 11 : style === 'ring' ? 4 : 3.5;
  for (let i = 0; i < split.count; i++) {
    const label = split.labels[i] === 1 ? 1 : 0;
    const [x, y] = toPixel(view, PLOT_PX, split.features[2 * i] ?? 0, split.features[2 * i + 1] ?? 0);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.lineWidth = style === 'ring' ? 2 : 1.5;
    if (style === 'ring') {
      ctx.strokeStyle = rgbCss(CLASS_RGB[label]);
      ctx.stroke();
      continue;
    }
    ctx.fillStyle = rgbCss(CLASS_RGB[label]);
    ctx.strokeStyle = '#ffffff';
    ctx.fill();
    ctx.stroke();
    if (style === 'gate') {
      ctx.fillStyle = '#ffffff';
      ctx.font = 'bold 13px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(String(label), x, y + 0.5);
      ctx.textAlign = 'start';
      ctx.textBaseline = 'alphabetic';
    }
  }
}

/** The neuron's decision line w·x + b = 0, and a short arrow along w towards the class-1 side. */
function drawNeuronLine(ctx: CanvasRenderingContext2D, view: ProbeView, probe: Probe | null) {
  const seg = probe?.neuron && lineInView(probe.neuron, view);
  if (!seg || !probe?.neuron) return;
  const [a, b] = seg.map(([x1, x2]) => toPixel(view, PLOT_PX, x1, x2)) as [[number, number], [number, number]];
  ctx.strokeStyle = '#0f172a';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(a[0], a[1]);
  ctx.lineTo(b[0], b[1]);
  ctx.stroke();
  const [w1, w2] = probe.neuron.w;
  const len = Math.hypot(w1, w2);
  const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as const;
  // Screen y points down: the plane's +x₂ is −y.
  const tip = [mid[0] + (22 * w1) / len, mid[1] - (22 * w2) / len] as const;
  ctx.beginPath();
  ctx.moveTo(mid[0], mid[1]);
  ctx.lineTo(tip[0], tip[1]);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(tip[0], tip[1], 3, 0, 2 * Math.PI);
  ctx.fillStyle = '#0f172a';
  ctx.fill();
}

/**
 * The input plane: the model's class-1 probability as a heatmap, the data on top, and a single
 * neuron's line. Redraws once per animation frame at most, whatever the rate of probes.
 */
export function BoundaryCanvas({ view, probe, train, val, gate, label }: {
  view: ProbeView;
  probe: Probe | null;
  train: FeatureSplit;
  /** Validation points to draw as rings, or null to hide them. */
  val: FeatureSplit | null;
  gate: boolean;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const frame = requestAnimationFrame(() => {
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      if (canvas.width !== PLOT_PX * dpr) {
        canvas.width = PLOT_PX * dpr;
        canvas.height = PLOT_PX * dpr;
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawHeatmap(ctx, probe);
      drawAxes(ctx, view, gate);
      if (val && !gate) drawPoints(ctx, view, val, 'ring');
      drawPoints(ctx, view, train, gate ? 'gate' : 'fill');
      drawNeuronLine(ctx, view, probe);
      // What is on screen now (the attribute below is what React rendered, a frame earlier).
      canvas.dataset.drawnAt = probe ? String(probe.at) : '';
    });
    return () => cancelAnimationFrame(frame);
  }, [view, probe, train, val, gate]);
  return (
    <canvas
      ref={ref}
      data-testid="boundary-canvas"
      data-probe-at={probe ? probe.at : ''}
      role="img"
      aria-label={label}
      className="aspect-square w-full max-w-[360px] rounded-lg ring-1 ring-slate-200"
    />
  );
}
