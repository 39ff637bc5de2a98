'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ModelChallenge } from '../../../../game/challenges';
import { centreSquare, toGray } from '../../../../models/gray-image';
import type { ModelSpec } from '../../../../models/spec';
import { DigitCanvas } from '../../../challenges/[id]/DigitCanvas';
import { useTrainedModel, type LoadedModel, type ModelLoader } from '../useTrainedModel';
import type { HandModel } from './hand-model';
import { useCamera, type CameraState } from './useCamera';

/** The challenges whose data are photos of hands (issue 15: Sign Digits and 0 vs 1). */
const HAND_CHALLENGES: readonly string[] = ['sign-01', 'sign-digits'];
export const isHandChallenge = (c: ModelChallenge) => HAND_CHALLENGES.includes(c.id);

/** A few predictions a second: live enough to follow a hand, light on a Chromebook's CPU. */
const PER_SECOND = 4;

interface Reading {
  pixels: Uint8Array;
  probs: Float32Array;
  tensors: number;
  /** Frames predicted since the camera started. */
  frame: number;
}

type Loaded = LoadedModel<HandModel>;

/** The trained model in this page (hand-model.ts, which loads tfjs, imported on demand). */
const loadHand: ModelLoader<HandModel> = async (spec, weights, challenge) => (await import('./hand-model')).loadHandModel(spec, weights, challenge.inputShape, challenge.numClasses);

/** The centre square of the current video frame in the data set's grayscale (models/gray-image.ts). */
function grabFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, size: number, mirror: boolean): Uint8Array | null {
  const { videoWidth: w, videoHeight: h } = video;
  if (!w || !h) return null;
  const sq = centreSquare(w, h);
  if (canvas.width !== sq.side) canvas.width = canvas.height = sq.side;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, sq.x, sq.y, sq.side, sq.side, 0, 0, sq.side, sq.side);
  const img = ctx.getImageData(0, 0, sq.side, sq.side);
  return toGray({ data: img.data, width: sq.side, height: sq.side, channels: 4 }, size, undefined, mirror);
}

/** Predicts PER_SECOND frames a second while the camera is live; a slow frame is skipped, not queued. */
function usePredictions(video: React.RefObject<HTMLVideoElement | null>, camera: CameraState, loaded: Loaded, size: number, mirror: boolean): Reading | null {
  const [reading, setReading] = useState<Reading | null>(null);
  useEffect(() => {
    if (camera.kind !== 'live' || loaded.kind !== 'ready') return;
    const canvas = document.createElement('canvas'); // off-screen: frames stay in this page's memory
    let busy = false;
    let alive = true;
    let frame = 0;
    const tick = async () => {
      const v = video.current;
      if (busy || !v) return;
      busy = true;
      try {
        const pixels = grabFrame(v, canvas, size, mirror);
        if (!pixels) return;
        const probs = await loaded.model.predict(pixels);
        if (alive) setReading({ pixels, probs, tensors: loaded.model.tensors(), frame: ++frame });
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void tick(), 1000 / PER_SECOND);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [video, camera.kind, loaded, size, mirror]);
  return reading;
}

function Probabilities({ probs, names }: { probs: Float32Array; names: string[] }) {
  const t = useTranslations('hand');
  const best = probs.reduce((b, p, i) => (p > (probs[b] ?? 0) ? i : b), 0);
  return (
    <div className="flex min-w-48 flex-col gap-2">
      <p className="text-lg">
        {t('prediction')}{' '}
        <strong data-testid="hand-prediction" data-label={names[best]} className="text-2xl tabular-nums">{names[best]}</strong>
      </p>
      <h4 className="text-sm font-medium">{t('probabilities')}</h4>
      <ul data-testid="hand-probabilities" className="flex flex-col gap-1">
        {names.map((name, i) => {
          const p = probs[i] ?? 0;
          return (
            <li key={name} data-testid="hand-prob" data-label={name} data-value={p} className="flex items-center gap-2 text-sm tabular-nums">
              <span className="w-16 shrink-0">{t('classLabel', { label: name })}</span>
              <span aria-hidden="true" className="h-3 w-40 rounded bg-slate-100">
                <span className={`block h-3 rounded ${i === best ? 'bg-indigo-600' : 'bg-slate-400'}`} style={{ width: `${(p * 100).toFixed(1)}%` }} />
              </span>
              <span className="w-14 text-right">{(p * 100).toFixed(1)}%</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The camera, what the model sees, and its answer; mounted only while the panel is open. */
function LiveHand({ challenge, spec, weights, onClose }: { challenge: ModelChallenge; spec: ModelSpec; weights: ArrayBuffer; onClose: () => void }) {
  const t = useTranslations('hand');
  const videoRef = useRef<HTMLVideoElement>(null);
  const camera = useCamera(videoRef);
  const loaded = useTrainedModel(loadHand, spec, weights, challenge);
  const [mirror, setMirror] = useState(false);
  const size = challenge.inputShape[0] ?? 64;
  const reading = usePredictions(videoRef, camera.state, loaded, size, mirror);
  const { start } = camera;
  useEffect(() => void start(), [start]);
  const names = challenge.data.type === 'images' && challenge.data.classes ? challenge.data.classes.map(String) : Array.from({ length: challenge.numClasses }, (_, i) => String(i));
  const state = camera.state;

  return (
    <div data-testid="hand-live" data-camera={state.kind} data-model={loaded.kind} data-tensors={reading?.tensors} data-frame={reading?.frame ?? 0} className="flex flex-col gap-3">
      {state.kind === 'error' && (
        <div role="alert" data-testid="hand-camera-error" data-error={state.error} className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
          <p>{t(`errors.${state.error}`)}</p>
          {state.error !== 'insecure' && state.error !== 'unsupported' && <button type="button" onClick={() => void start()} className="mt-2 rounded-md border border-amber-400 px-3 py-1">{t('retry')}</button>}
        </div>
      )}
      {loaded.kind === 'error' && <p role="alert" className="text-sm text-red-700">{t('errors.model')}</p>}
      {state.kind === 'starting' && <p className="text-sm text-slate-600">{t('starting')}</p>}
      <div className={`flex flex-wrap items-start gap-4 ${state.kind === 'live' ? '' : 'hidden'}`}>
        <figure className="relative w-72 max-w-full overflow-hidden rounded-lg bg-slate-900">
          <video ref={videoRef} data-testid="hand-video" muted playsInline aria-label={t('video')} className="block w-full" style={mirror ? { transform: 'scaleX(-1)' } : undefined} />
          {/* The square the model sees: as tall as the picture, in its middle (a landscape camera). */}
          <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-1/2 aspect-square h-full -translate-x-1/2 border-2 border-amber-300" />
        </figure>
        <figure className="flex flex-col gap-1">
          <figcaption className="text-sm font-medium">{t('input')}</figcaption>
          {reading ? <DigitCanvas pixels={reading.pixels} width={size} height={size} label={t('input')} size={160} /> : <span className="block h-40 w-40 rounded bg-slate-100" />}
        </figure>
        {reading ? <Probabilities probs={reading.probs} names={names} /> : <p className="text-sm text-slate-600">{loaded.kind === 'loading' ? t('loadingModel') : t('starting')}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={mirror} onChange={(e) => setMirror(e.target.checked)} />
          {t('mirror')}
        </label>
        <span className="text-xs text-slate-600">{t('updates', { perSecond: PER_SECOND })}</span>
        <button type="button" data-testid="hand-close" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1 text-sm">{t('stop')}</button>
      </div>
    </div>
  );
}

/**
 * After training on hand photos: the webcam's centre square, converted the way the data set was,
 * and the model's live answer with a bar per class. Frames never leave the page: they are drawn on
 * an off-screen canvas, converted in JavaScript and fed to tfjs here; nothing is sent anywhere.
 */
export function HandPanel({ challenge, spec, weights }: { challenge: ModelChallenge; spec: ModelSpec; weights: ArrayBuffer }) {
  const t = useTranslations('hand');
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} data-testid="hand-panel" className="flex flex-col gap-2">
      <h3 id={titleId} className="text-lg font-semibold">{t('title')}</h3>
      <p className="max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      <p data-testid="hand-how" className="max-w-3xl text-xs text-slate-600">{t('how')}</p>
      {open ? (
        <>
          <p className="max-w-3xl text-xs text-slate-600">{t('tips')}</p>
          <LiveHand challenge={challenge} spec={spec} weights={weights} onClose={close} />
        </>
      ) : (
        <button type="button" data-testid="hand-open" onClick={() => setOpen(true)} className="self-start rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800">{t('start')}</button>
      )}
    </section>
  );
}
