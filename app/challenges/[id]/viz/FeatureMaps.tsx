'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SplitData } from '../../../../models/dataset';
import { grayToRgba, pickExamples, tileGrid, toGray } from '../../../../models/featuremaps';
import type { ModelSpec } from '../../../../models/spec';
import { DigitCanvas } from '../DigitCanvas';
import type { FeatureModel, FirstFilters, LayerMaps } from './feature-model';

/** Width the tile grids are laid out for, in CSS pixels. */
const GRID_WIDTH_PX = 640;
const THUMBNAILS = 10;

export interface FeatureMapsProps {
  /** The spec the weights were trained with (the studio's trainedSpec). */
  spec: ModelSpec;
  /** Trained weights, float32 in model.getWeights() order (the studio's result.weights). */
  weights: ArrayBuffer;
  /** One example's shape, e.g. [64, 64, 1] (the challenge's inputShape). */
  inputShape: readonly number[];
  numClasses: number;
  /** Validation images to choose from (grayscale, one channel). */
  images: SplitData;
}

/** One map or filter as a small grey image, scaled up with crisp pixels. */
function GrayTile({ values, width, height, px, label }: { values: Float32Array; width: number; height: number; px: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(new Uint8ClampedArray(grayToRgba(toGray(values))), width, height), 0, 0);
  }, [values, width, height]);
  return <canvas ref={ref} width={width} height={height} role="img" aria-label={label} title={label} className="pixelated rounded-sm ring-1 ring-slate-300" style={{ width: px, height: px * (height / width) }} />;
}

function LayerRow({ layer }: { layer: LayerMaps }) {
  const t = useTranslations('play.featureMaps');
  const grid = tileGrid(layer.maps.length, GRID_WIDTH_PX);
  return (
    <div data-testid="feature-layer" data-index={layer.index} data-type={layer.type} data-maps={layer.maps.length} className="flex flex-col gap-1">
      <h4 className="text-sm font-medium">{t('layer', { n: layer.index + 1, type: t(layer.type), height: layer.height, width: layer.width, channels: layer.maps.length })}</h4>
      <div className="flex flex-wrap gap-1" style={{ maxWidth: GRID_WIDTH_PX }}>
        {layer.maps.map((m, k) => <GrayTile key={k} values={m} width={layer.width} height={layer.height} px={grid.tilePx} label={t('mapLabel', { n: k + 1 })} />)}
      </div>
    </div>
  );
}

type Loaded = { kind: 'loading' } | { kind: 'ready'; model: FeatureModel } | { kind: 'error'; message: string };

/** Rebuilds the trained model in this page (tfjs on demand) and frees it when the props change. */
function useFeatureModel({ spec, weights, inputShape, numClasses }: Omit<FeatureMapsProps, 'images'>): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const shapeKey = inputShape.join('x');
  useEffect(() => {
    let alive = true;
    let model: FeatureModel | null = null;
    setLoaded({ kind: 'loading' });
    (async () => {
      const lib = await import('./feature-model');
      await lib.ensureBackend();
      if (!alive) return;
      model = lib.loadFeatureModel(spec, weights, shapeKey.split('x').map(Number), numClasses);
      setLoaded({ kind: 'ready', model });
    })().catch((e: unknown) => {
      if (alive) setLoaded({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      alive = false;
      model?.dispose();
    };
  }, [spec, weights, shapeKey, numClasses]);
  return loaded;
}

/** The first conv layer's learned filters, one small tile each. */
function FilterTiles({ filters }: { filters: FirstFilters }) {
  const t = useTranslations('play.featureMaps');
  return (
    <div data-testid="feature-filters" data-count={filters.tiles.length} className="flex flex-col gap-1">
      <h4 className="text-sm font-medium">{t('filtersTitle')}</h4>
      <p className="max-w-3xl text-xs text-slate-600">{t('filtersHelp', { size: filters.kernelSize })}</p>
      <div className="flex flex-wrap gap-1" style={{ maxWidth: GRID_WIDTH_PX }}>
        {filters.tiles.map((f, k) => <GrayTile key={k} values={f} width={filters.kernelSize} height={filters.kernelSize} px={40} label={t('filterLabel', { n: k + 1 })} />)}
      </div>
    </div>
  );
}

/** One example's pixels out of the packed validation images. */
function examplePixels(images: SplitData, i: number): Uint8Array {
  const size = images.height * images.width * images.channels;
  return images.images.subarray(i * size, (i + 1) * size);
}

/** A thumbnail per class to choose the input from, and buttons to step through all the images. */
function ImagePicker({ choices, selected, images, label, onPick, onStep }: {
  choices: number[];
  selected: number;
  images: SplitData;
  label: (i: number) => string;
  onPick: (i: number) => void;
  onStep: (d: number) => void;
}) {
  const t = useTranslations('play.featureMaps');
  return (
    <div className="flex flex-col gap-2">
      <span className="text-sm font-medium">{t('pickImage')}</span>
      <div className="flex flex-wrap items-center gap-2">
        {choices.map((i) => (
          <button key={i} type="button" data-testid="feature-image" aria-pressed={i === selected} aria-label={label(i)} onClick={() => onPick(i)} className={`rounded p-0.5 ring-2 ${i === selected ? 'ring-indigo-600' : 'ring-transparent hover:ring-slate-300'}`}>
            <DigitCanvas pixels={examplePixels(images, i)} width={images.width} height={images.height} label={label(i)} size={44} />
          </button>
        ))}
        <button type="button" onClick={() => onStep(-1)} aria-label={t('previous')} className="rounded-md border border-slate-300 px-2 py-1 text-sm">←</button>
        <button type="button" onClick={() => onStep(1)} aria-label={t('next')} className="rounded-md border border-slate-300 px-2 py-1 text-sm">→</button>
      </div>
    </div>
  );
}

/**
 * After training a CNN: pick a validation image and see what each conv and pooling layer makes of
 * it (one grey tile per filter, bright = strong response), and the first conv layer's learned
 * filters. Self-contained: give it the trained spec and weights and the validation images.
 */
export function FeatureMaps(props: FeatureMapsProps) {
  const { images, numClasses } = props;
  const t = useTranslations('play.featureMaps');
  const loaded = useFeatureModel(props);
  const choices = useMemo(() => pickExamples(images.labels, numClasses, THUMBNAILS), [images, numClasses]);
  const [chosen, setSelected] = useState(() => choices[0] ?? 0);
  const selected = Math.min(chosen, Math.max(0, images.count - 1));
  const [maps, setMaps] = useState<LayerMaps[] | null>(null);
  const size = images.height * images.width * images.channels;

  useEffect(() => {
    if (loaded.kind !== 'ready') return;
    let alive = true;
    loaded.model.mapsFor(images.images.subarray(selected * size, (selected + 1) * size)).then((m) => alive && setMaps(m), () => alive && setMaps([]));
    return () => {
      alive = false;
    };
  }, [loaded, selected, images, size]);

  const step = (d: number) => setSelected((s) => (s + d + images.count) % images.count);
  const label = (i: number) => t('imageLabel', { n: i + 1, label: images.labels[i] ?? '?' });
  return (
    <section aria-labelledby="feature-maps" data-testid="feature-maps" data-state={loaded.kind} className="flex flex-col gap-3">
      <h3 id="feature-maps" className="text-lg font-semibold">{t('title')}</h3>
      <p className="max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      {loaded.kind === 'loading' && <p className="text-sm text-slate-500">{t('loading')}</p>}
      {loaded.kind === 'error' && <p role="alert" className="text-sm text-red-700">{t('failed', { message: loaded.message })}</p>}
      {loaded.kind === 'ready' && loaded.model.layers.length === 0 && <p data-testid="feature-maps-none" className="text-sm text-amber-800">{t('noConv')}</p>}
      {loaded.kind === 'ready' && loaded.model.layers.length > 0 && (
        <>
          <ImagePicker choices={choices} selected={selected} images={images} label={label} onPick={setSelected} onStep={step} />
          <div className="flex flex-col gap-1">
            <h4 className="text-sm font-medium">{t('input')} · {label(selected)}</h4>
            <DigitCanvas pixels={examplePixels(images, selected)} width={images.width} height={images.height} label={label(selected)} size={128} />
          </div>
          {maps?.map((l) => <LayerRow key={l.index} layer={l} />)}
          {loaded.model.filters && <FilterTiles filters={loaded.model.filters} />}
        </>
      )}
    </section>
  );
}
