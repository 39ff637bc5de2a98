'use client';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { dColor, FAKE_RGB, REAL_RGB, rgbCss, toPixel, toPlane, type GanView } from './gan-plane';

/** Side of the drawing in CSS pixels; the canvas keeps this many logical pixels at any display size. */
export const GAN_PLOT_PX = 360;

/** The discriminator's P(real) on the grid, one pixel per grid point, scaled up smoothly. */
function drawHeatmap(ctx: CanvasRenderingContext2D, grid: Float32Array | null, size: number) {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, GAN_PLOT_PX, GAN_PLOT_PX);
  if (!grid || grid.length < size * size) return;
  const img = new ImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    const [r, g, b] = dColor(grid[i] ?? 0.5);
    img.data.set([r, g, b, 255], 4 * i);
  }
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  tile.getContext('2d')?.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  // The grid's values are at cell centres (models/gan.ts gridPoints): the tile covers the view exactly.
  ctx.drawImage(tile, 0, 0, GAN_PLOT_PX, GAN_PLOT_PX);
}

function drawAxes(ctx: CanvasRenderingContext2D, view: GanView) {
  ctx.strokeStyle = 'rgba(15, 23, 42, 0.12)';
  ctx.lineWidth = 1;
  const [ox, oy] = toPixel(view, GAN_PLOT_PX, 0, 0);
  ctx.beginPath();
  ctx.moveTo(ox, 0);
  ctx.lineTo(ox, GAN_PLOT_PX);
  ctx.moveTo(0, oy);
  ctx.lineTo(GAN_PLOT_PX, oy);
  ctx.stroke();
}

/** Real points as filled green dots, generated ones as purple dots with a white rim. */
function drawPoints(ctx: CanvasRenderingContext2D, view: GanView, xy: Float32Array, kind: 'real' | 'fake') {
  ctx.fillStyle = rgbCss(kind === 'real' ? REAL_RGB : FAKE_RGB, kind === 'real' ? 0.55 : 0.85);
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.lineWidth = 0.8;
  const r = kind === 'real' ? 2.2 : 2.6;
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const [x, y] = toPixel(view, GAN_PLOT_PX, xy[i] ?? 0, xy[i + 1] ?? 0);
    if (x < -r || y < -r || x > GAN_PLOT_PX + r || y > GAN_PLOT_PX + r) continue;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fill();
    if (kind === 'fake') ctx.stroke();
  }
}

/** The drawn target's own clicks, as small dark crosses (what the sampler spreads around). */
function drawStrokes(ctx: CanvasRenderingContext2D, view: GanView, drawn: readonly (readonly [number, number])[]) {
  ctx.strokeStyle = 'rgba(15, 23, 42, 0.7)';
  ctx.lineWidth = 1.2;
  for (const [px, py] of drawn) {
    const [x, y] = toPixel(view, GAN_PLOT_PX, px, py);
    ctx.beginPath();
    ctx.moveTo(x - 3, y);
    ctx.lineTo(x + 3, y);
    ctx.moveTo(x, y - 3);
    ctx.lineTo(x, y + 3);
    ctx.stroke();
  }
}

/** The keyboard's drawing cursor: a ring the arrow keys move and Enter or Space drops a point at. */
function drawCursor(ctx: CanvasRenderingContext2D, view: GanView, cursor: readonly [number, number]) {
  const [x, y] = toPixel(view, GAN_PLOT_PX, cursor[0], cursor[1]);
  ctx.strokeStyle = '#4338ca';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(x, y, 7, 0, 2 * Math.PI);
  ctx.stroke();
}

/** Arrow keys move the cursor by this much of the plane (with Shift, four times as far). */
const KEY_STEP = 0.05;
const KEY_MOVES: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/** Where one arrow key takes the keyboard cursor: the cursor stays inside the view. */
function stepCursor(view: GanView, at: readonly [number, number], move: readonly [number, number], fast: boolean): [number, number] {
  const d = KEY_STEP * (fast ? 4 : 1);
  const clamp = (v: number) => Math.min(view.max, Math.max(view.min, v));
  return [clamp(at[0] + move[0] * d), clamp(at[1] + move[1] * d)];
}

/** What one frame shows; the drawn strokes and the cursor only in drawing mode. */
interface PlaneScene {
  view: GanView;
  grid: Float32Array | null;
  real: Float32Array;
  fake: Float32Array | null;
  drawn: readonly (readonly [number, number])[] | undefined;
  cursor: readonly [number, number] | null;
  step: number | null;
  drawing: boolean;
}

/**
 * Paints a whole frame. The backing store follows the device pixel ratio (up to 2) so the plot is
 * sharp; `data-drawn-at` records which training step is on screen.
 */
function paintPlane(canvas: HTMLCanvasElement, { view, grid, real, fake, drawn, cursor, step, drawing }: PlaneScene) {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  if (canvas.width !== GAN_PLOT_PX * dpr) {
    canvas.width = GAN_PLOT_PX * dpr;
    canvas.height = GAN_PLOT_PX * dpr;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawHeatmap(ctx, grid, view.size);
  drawAxes(ctx, view);
  drawPoints(ctx, view, real, 'real');
  if (fake) drawPoints(ctx, view, fake, 'fake');
  if (drawn && drawing) drawStrokes(ctx, view, drawn);
  if (cursor && drawing) drawCursor(ctx, view, cursor);
  canvas.dataset.drawnAt = step === null ? '' : String(step);
}

interface GanPlaneProps {
  view: GanView;
  /** P(real) on `view`'s grid, row 0 at the top; null before the first snapshot. */
  grid: Float32Array | null;
  real: Float32Array;
  fake: Float32Array | null;
  /** A drawn target's clicks (shown while drawing). */
  drawn?: readonly (readonly [number, number])[];
  /** The training step the snapshot is of (kept on the canvas for tests and screen readers' status). */
  step: number | null;
  label: string;
  /** Drawing mode: called with each plane point the pointer adds. */
  onDraw?: (p: [number, number]) => void;
}

/**
 * The plane of a 2-D GAN: the discriminator's verdict as a heatmap behind, real points and the
 * generator's points on top. With `onDraw` the student draws a target by clicking or dragging
 * (pointer events, so touch works too). Redraws once per animation frame at most.
 */
export function GanPlane({ view, grid, real, fake, drawn, step, label, onDraw }: GanPlaneProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const down = useRef(false);
  // Keyboard drawing: shown only once the canvas has focus and a key moved it.
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const frame = requestAnimationFrame(() => paintPlane(canvas, { view, grid, real, fake, drawn, cursor, step, drawing: onDraw !== undefined }));
    return () => cancelAnimationFrame(frame);
  }, [view, grid, real, fake, drawn, step, onDraw, cursor]);

  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!onDraw) return;
    const move = KEY_MOVES[e.key];
    const at = cursor ?? [0, 0];
    if (move) setCursor(stepCursor(view, at, move, e.shiftKey));
    else if (e.key === 'Enter' || e.key === ' ') onDraw([at[0], at[1]]);
    else return;
    e.preventDefault();
  };

  const add = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (!onDraw || rect.width === 0) return;
    const scale = GAN_PLOT_PX / rect.width;
    onDraw(toPlane(view, GAN_PLOT_PX, (e.clientX - rect.left) * scale, (e.clientY - rect.top) * scale));
  };
  return (
    <canvas
      ref={ref}
      data-testid="gan-plane"
      data-heatmap={grid ? 'yes' : 'no'}
      data-real-count={real.length / 2}
      data-fake-count={fake ? fake.length / 2 : 0}
      data-drawing={onDraw ? 'yes' : 'no'}
      role={onDraw ? 'application' : 'img'}
      aria-label={label}
      tabIndex={onDraw ? 0 : undefined}
      onKeyDown={onKey}
      onBlur={() => setCursor(null)}
      onPointerDown={(e) => {
        if (!onDraw) return;
        down.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        add(e);
      }}
      onPointerMove={(e) => down.current && add(e)}
      onPointerUp={() => (down.current = false)}
      onPointerCancel={() => (down.current = false)}
      className={`aspect-square w-full max-w-[360px] touch-none rounded-lg ring-1 ring-slate-200 ${onDraw ? 'cursor-crosshair ring-2 ring-indigo-400 focus:outline-none focus-visible:ring-4 focus-visible:ring-indigo-600' : ''}`}
    />
  );
}
