'use client';
/**
 * The autoencoder views' sections, each fed by the loaded model (AeModel) and the validation
 * photos as floats: reconstructions, denoising, the code map with a path between two codes, and
 * anomaly detection.
 */
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AnomalyChart, type Probe } from './AnomalyChart';
import { CodeMap } from './CodeMap';
import { DrawPad } from './DrawPad';
import { ImageRows } from './ImageRows';
import type { AeModel } from './ae-model-types';
import { exampleErrors, interpolateCodes } from '../../../../models/autoencoder-data';
import { imageOf, meanSquaredError, noisePicture } from './ae-views';

/** Validation photos as the model's input, and the few shown (one of each digit). */
export interface Photos {
  pixels: Float32Array;
  labels: Uint8Array;
  count: number;
  width: number;
  height: number;
  /** Indices of the photos drawn in the rows. */
  shown: number[];
  /** The denoising level: the same photos with the challenge's seeded noise (the model's input). */
  noisy?: Float32Array;
}

/** Codes decoded on the path from A to B, both ends included. */
const PATH_STEPS = 8;
/** The noise picture's seed: the same picture on every visit. */
const NOISE_SEED = 18;

const pick = (p: Photos, indices: readonly number[], from: Float32Array = p.pixels): Float32Array => {
  const size = p.width * p.height;
  const out = new Float32Array(indices.length * size);
  indices.forEach((src, dst) => out.set(imageOf(from, size, src), dst * size));
  return out;
};

/** Per-picture mean squared error of `rebuilt` against `targets` (the server's measure, models/autoencoder-data.ts). */
export function errorsOf(targets: Float32Array, rebuilt: Float32Array, count: number): Float32Array {
  return count === 0 ? new Float32Array(0) : exampleErrors(rebuilt, targets, targets.length / count);
}

/** Runs `work` when its inputs change; null until it resolves (and again while it reruns). */
function useAsync<T>(work: () => Promise<T>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let alive = true;
    setValue(null);
    void work().then((v) => alive && setValue(v));
    return () => {
      alive = false;
    };
  }, [work]);
  return value;
}

/** Originals over their reconstructions, each pair's error under it, and the mean over all. */
export function Reconstructions({ model, photos, allErrors }: { model: AeModel; photos: Photos; allErrors: Float32Array | null }) {
  const t = useTranslations('autoencoder');
  const originals = useMemo(() => pick(photos, photos.shown), [photos]);
  const rebuilt = useAsync(useCallback(() => model.reconstruct(originals, photos.shown.length), [model, originals, photos.shown.length]));
  const rows = useMemo(() => rebuilt && [
    { kind: 'original', label: t('recon.original'), images: originals },
    { kind: 'reconstruction', label: t('recon.rebuilt'), images: rebuilt },
  ], [rebuilt, originals, t]);
  if (!rows || !rebuilt) return <p className="text-sm text-slate-500">{t('loading')}</p>;
  const notes = Array.from(errorsOf(originals, rebuilt, photos.shown.length), (e) => e.toFixed(4));
  const mean = allErrors && allErrors.length ? allErrors.reduce((s, e) => s + e, 0) / allErrors.length : null;
  return (
    <div className="flex flex-col gap-1">
      <ImageRows testId="reconstructions" rows={rows} count={photos.shown.length} width={photos.width} height={photos.height} notes={notes} caption={t('recon.caption')} />
      {mean !== null && <p data-testid="mean-error" data-value={mean} className="text-sm text-slate-700">{t('recon.mean', { count: allErrors?.length ?? 0, error: mean.toFixed(4) })}</p>}
    </div>
  );
}

/** The denoising level: noisy input, what the model made of it, the clean photo. */
export function Denoising({ model, photos, noisyPixels }: { model: AeModel; photos: Photos; noisyPixels: Float32Array }) {
  const t = useTranslations('autoencoder');
  const clean = useMemo(() => pick(photos, photos.shown), [photos]);
  const noisy = useMemo(() => pick(photos, photos.shown, noisyPixels), [photos, noisyPixels]);
  const rebuilt = useAsync(useCallback(() => model.reconstruct(noisy, photos.shown.length), [model, noisy, photos.shown.length]));
  if (!rebuilt) return <p className="text-sm text-slate-500">{t('loading')}</p>;
  const rows = [
    { kind: 'noisy', label: t('denoise.noisy'), images: noisy },
    { kind: 'reconstruction', label: t('denoise.rebuilt'), images: rebuilt },
    { kind: 'clean', label: t('denoise.clean'), images: clean },
  ];
  const notes = Array.from(errorsOf(clean, rebuilt, photos.shown.length), (e) => e.toFixed(4));
  return (
    <section aria-labelledby="ae-denoise" className="flex flex-col gap-2">
      <h3 id="ae-denoise" className="font-semibold">{t('denoise.title')}</h3>
      <ImageRows testId="denoising" rows={rows} count={photos.shown.length} width={photos.width} height={photos.height} notes={notes} caption={t('denoise.caption')} />
    </section>
  );
}

/** The 2-D code map and the decoded path between the two chosen codes. */
export function CodeSection({ model, photos, codes }: { model: AeModel; photos: Photos; codes: Float32Array }) {
  const t = useTranslations('autoencoder');
  const [ends, setEnds] = useState<{ a: number; b: number }>(() => ({ a: photos.shown[0] ?? 0, b: photos.shown.at(-1) ?? Math.max(0, photos.count - 1) }));
  const path = useMemo(() => interpolateCodes(codes.subarray(2 * ends.a, 2 * ends.a + 2), codes.subarray(2 * ends.b, 2 * ends.b + 2), PATH_STEPS), [codes, ends]);
  const pictures = useAsync(useCallback(() => model.decode(path, PATH_STEPS), [model, path]));
  const rows = useMemo(() => pictures && [{ kind: 'path', label: t('path.step'), images: pictures }], [pictures, t]);
  return (
    <section aria-labelledby="ae-codes" className="flex flex-col gap-3">
      <h3 id="ae-codes" className="font-semibold">{t('codeMap.title')}</h3>
      <CodeMap codes={codes} labels={photos.labels} a={ends.a} b={ends.b} onPick={(end, i) => setEnds((e) => ({ ...e, [end]: i }))} />
      <h3 className="font-semibold">{t('path.title')}</h3>
      {rows ? <ImageRows testId="code-path" rows={rows} count={PATH_STEPS} width={photos.width} height={photos.height} caption={t('path.caption', { steps: PATH_STEPS })} /> : <p className="text-sm text-slate-500">{t('loading')}</p>}
    </section>
  );
}

/** Hand photos' errors against random noise's and the student's drawing's. */
export function AnomalySection({ model, photos, handErrors }: { model: AeModel; photos: Photos; handErrors: Float32Array }) {
  const t = useTranslations('autoencoder');
  const size = photos.width * photos.height;
  const noise = useMemo(() => noisePicture(size, NOISE_SEED), [size]);
  const noiseError = useAsync(useCallback(async () => meanSquaredError(noise, await model.reconstruct(noise, 1)), [model, noise]));
  const [drawing, setDrawing] = useState<{ input: Float32Array; rebuilt: Float32Array } | null>(null);
  const onPicture = useCallback((input: Float32Array) => void model.reconstruct(input, 1).then((rebuilt) => setDrawing({ input, rebuilt })), [model]);
  const probes: Probe[] = [
    ...(noiseError !== null ? [{ id: 'noise', label: t('anomaly.noise'), error: noiseError, colour: '#b91c1c' }] : []),
    ...(drawing ? [{ id: 'drawing', label: t('anomaly.drawing'), error: meanSquaredError(drawing.input, drawing.rebuilt), colour: '#4338ca' }] : []),
  ];
  return (
    <section aria-labelledby="ae-anomaly" data-testid="anomaly-view" className="flex flex-col gap-2">
      <h3 id="ae-anomaly" className="font-semibold">{t('anomaly.title')}</h3>
      <p className="text-sm text-slate-700">{t('anomaly.intro')}</p>
      <AnomalyChart handErrors={handErrors} probes={probes} />
      <div className="flex flex-wrap items-start gap-4">
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-semibold">{t('anomaly.padTitle')}</h4>
          <DrawPad width={photos.width} height={photos.height} onPicture={onPicture} />
          <p className="max-w-xs text-xs text-slate-600">{t('anomaly.padHelp', { width: photos.width, height: photos.height })}</p>
        </div>
        {drawing && (
          <ImageRows testId="drawing-rebuilt" rows={[{ kind: 'input', label: t('anomaly.drawingInput'), images: drawing.input }, { kind: 'reconstruction', label: t('anomaly.drawingRebuilt'), images: drawing.rebuilt }]} count={1} width={photos.width} height={photos.height} caption="" size={80} />
        )}
      </div>
    </section>
  );
}
