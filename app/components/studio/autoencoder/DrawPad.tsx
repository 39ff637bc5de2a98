'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef } from 'react';

/** The pad's drawing surface in pixels; the picture is shrunk to the model's size when read. */
const PAD_PX = 160;
const PEN_PX = 10;

/** The pad as the model's input: `width` × `height` grey floats in 0..1 (white paper = 1). */
function readPicture(pad: HTMLCanvasElement, width: number, height: number): Float32Array {
  const small = document.createElement('canvas');
  small.width = width;
  small.height = height;
  const ctx = small.getContext('2d');
  if (!ctx) return new Float32Array(width * height);
  ctx.drawImage(pad, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = (0.299 * (rgba[4 * i] ?? 0) + 0.587 * (rgba[4 * i + 1] ?? 0) + 0.114 * (rgba[4 * i + 2] ?? 0)) / 255;
  return out;
}

function clear(pad: HTMLCanvasElement): void {
  const ctx = pad.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, PAD_PX, PAD_PX);
}

/** A house: a drawing any keyboard user can put on the pad with one button. */
function drawHouse(pad: HTMLCanvasElement): void {
  const ctx = pad.getContext('2d');
  if (!ctx) return;
  clear(pad);
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = PEN_PX;
  ctx.lineJoin = 'round';
  ctx.strokeRect(40, 75, 80, 60);
  ctx.beginPath();
  ctx.moveTo(30, 80);
  ctx.lineTo(80, 30);
  ctx.lineTo(130, 80);
  ctx.stroke();
}

/**
 * A small canvas to draw on with the mouse, a pen or a finger (black on white), with Clear and a
 * ready-made drawing for the keyboard. Every finished stroke hands the picture, at the model's
 * size, to `onPicture`.
 */
export function DrawPad({ width, height, onPicture }: { width: number; height: number; onPicture: (pixels: Float32Array) => void }) {
  const t = useTranslations('autoencoder');
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<[number, number] | null>(null);
  const emit = useCallback(() => ref.current && onPicture(readPicture(ref.current, width, height)), [onPicture, width, height]);
  useEffect(() => {
    if (ref.current) clear(ref.current);
  }, []);
  const at = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - rect.left) * PAD_PX) / rect.width, ((e.clientY - rect.top) * PAD_PX) / rect.height];
  };
  const line = (from: [number, number], to: [number, number]) => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = PEN_PX;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(...from);
    ctx.lineTo(...to);
    ctx.stroke();
  };
  return (
    <div className="flex flex-col gap-2">
      <canvas
        ref={ref}
        data-testid="draw-pad"
        width={PAD_PX}
        height={PAD_PX}
        role="img"
        aria-label={t('anomaly.padLabel')}
        className="touch-none rounded bg-white ring-1 ring-slate-400"
        style={{ width: PAD_PX, height: PAD_PX }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = at(e);
          line(last.current, last.current);
        }}
        onPointerMove={(e) => {
          if (!last.current) return;
          const p = at(e);
          line(last.current, p);
          last.current = p;
        }}
        onPointerUp={() => {
          last.current = null;
          emit();
        }}
      />
      <div className="flex gap-2">
        <button type="button" data-testid="pad-house" onClick={() => { if (ref.current) drawHouse(ref.current); emit(); }} className="rounded-md bg-white px-2 py-1 text-sm text-indigo-800 ring-1 ring-indigo-300 hover:bg-indigo-50">{t('anomaly.house')}</button>
        <button type="button" data-testid="pad-clear" onClick={() => { if (ref.current) clear(ref.current); emit(); }} className="rounded-md bg-white px-2 py-1 text-sm text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">{t('anomaly.clear')}</button>
      </div>
    </div>
  );
}
