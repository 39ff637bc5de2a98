'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import type { ModelChallenge } from '../../../../game/challenges';
import type { ReconstructionSplit } from '../../../../models/autoencoder-data';
import type { ModelSpec } from '../../../../models/spec';
import { AnomalySection, CodeSection, Denoising, errorsOf, Reconstructions, type Photos } from './AeSections';
import { useTrainedModel, type LoadedModel, type ModelLoader } from '../useTrainedModel';
import { toFloats, type AeModel } from './ae-model-types';
import { fewPerClass } from './ae-views';

export interface AutoencoderViewsProps {
  challenge: ModelChallenge;
  spec: ModelSpec;
  /** Trained weights, float32 in model.getWeights() order. */
  weights: ArrayBuffer;
  /** The validation photos at the challenge's input size (with their noisy copies on the denoising level). */
  val: ReconstructionSplit;
}

type Loaded = LoadedModel<AeModel>;

/** The trained autoencoder rebuilt in the page (ae-model.ts, which loads tfjs, imported on demand). */
const loadAe: ModelLoader<AeModel> = async (spec, weights, challenge) => {
  const lib = await import('./ae-model');
  await lib.ensureBackend();
  return lib.loadAutoencoder(spec, weights, challenge);
};

/** Every validation photo's code and reconstruction error, computed once per model. */
function useWholeSplit(loaded: Loaded, photos: Photos) {
  const [result, setResult] = useState<{ codes: Float32Array; errors: Float32Array } | null>(null);
  useEffect(() => {
    if (loaded.kind !== 'ready') return;
    let alive = true;
    setResult(null);
    void (async () => {
      const [codes, rebuilt] = await Promise.all([loaded.model.encode(photos.pixels, photos.count), loaded.model.reconstruct(photos.pixels, photos.count)]);
      if (alive) setResult({ codes, errors: errorsOf(photos.pixels, rebuilt, photos.count) });
    })();
    return () => {
      alive = false;
    };
  }, [loaded, photos]);
  return result;
}

/**
 * After training an autoencoder: originals beside their reconstructions, the denoising level's
 * noisy / rebuilt / clean rows, for a code of 2 the map of every validation photo's code with a
 * decoded path between two of them, and the errors of pictures that are not hands (anomalies).
 */
export function AutoencoderViews({ challenge, spec, weights, val }: AutoencoderViewsProps) {
  const t = useTranslations('autoencoder');
  const loaded = useTrainedModel(loadAe, spec, weights, challenge);
  const photos = useMemo<Photos>(() => ({
    pixels: toFloats(val.images), labels: val.labels, count: val.count, width: val.width, height: val.height, shown: fewPerClass(val.labels, 1),
    ...(val.noisy && { noisy: toFloats(val.noisy) }),
  }), [val]);
  const whole = useWholeSplit(loaded, photos);
  const model = loaded.kind === 'ready' ? loaded.model : null;
  return (
    <section aria-labelledby="ae-views" data-testid="autoencoder-views" data-state={loaded.kind} data-code={model?.codeLength ?? ''} className="flex flex-col gap-4">
      <h2 id="ae-views" className="text-lg font-semibold">{t('title')}</h2>
      {loaded.kind === 'error' && <p role="alert" className="text-sm text-red-700">{t('failed', { message: loaded.message })}</p>}
      {loaded.kind === 'loading' && <p className="text-sm text-slate-500">{t('loading')}</p>}
      {model && (
        <>
          <p className="text-sm text-slate-700">{t('intro', { size: model.codeLength })}</p>
          <Reconstructions model={model} photos={photos} allErrors={whole?.errors ?? null} />
          {photos.noisy && <Denoising model={model} photos={photos} noisyPixels={photos.noisy} />}
          {model.codeLength !== 2 && <p data-testid="code-map-off" className="text-sm text-slate-600">{t('codeMap.notTwo', { size: model.codeLength })}</p>}
          {model.codeLength === 2 && whole && <CodeSection model={model} photos={photos} codes={whole.codes} />}
          {whole && <AnomalySection model={model} photos={photos} handErrors={whole.errors} />}
        </>
      )}
    </section>
  );
}
