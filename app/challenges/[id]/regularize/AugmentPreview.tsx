'use client';
import { useTranslations } from 'next-intl';
import { memo, useEffect, useMemo, useState } from 'react';
import type { SplitData } from '../../../../models/dataset';
import { imageAt } from '../../../../models/dataset';
import { pickExamples } from '../../../../models/featuremaps';
import type { AugmentSpec } from '../../../../models/spec';
import { DigitCanvas } from '../DigitCanvas';

/** Training images shown, and augmented copies of each under the original. */
const PREVIEW_IMAGES = 6;
const PREVIEW_COPIES = 2;
const TILE_PX = 52;

type Preview =
  | { kind: 'loading' }
  /** `settings`: the augmentation and seed these copies were drawn with (for tests and stale checks). */
  | { kind: 'ready'; copies: Uint8Array[][]; settings: string }
  | { kind: 'error'; message: string };

/** Runs the preview's augmentation in the page (tfjs on demand); the newest settings win. */
function useAugmented(images: SplitData, originals: Uint8Array[], augment: AugmentSpec, seed: number): Preview {
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  const { shift, rotate, zoom, brightness } = augment;
  useEffect(() => {
    let alive = true;
    const a = { shift, rotate, zoom, brightness };
    const settings = JSON.stringify({ ...a, seed });
    (async () => {
      const lib = await import('./augment-preview');
      await lib.ensureBackend();
      if (!alive) return;
      const copies = lib.augmentPixels(originals, images.height, images.width, a, seed, PREVIEW_COPIES);
      setPreview({ kind: 'ready', copies, settings });
    })().catch((e: unknown) => {
      if (alive) setPreview({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      alive = false;
    };
  }, [images, originals, shift, rotate, zoom, brightness, seed]);
  return preview;
}

/**
 * A few training images and augmented copies of them with the current settings: what the model
 * will be shown instead of the originals, a new draw for every batch. Shuffle draws again.
 * Memoized: the studio re-renders on every training batch, and the tiles need drawing only when
 * the settings change.
 */
export const AugmentPreview = memo(function AugmentPreview({ images, numClasses, augment, seed }: {
  images: SplitData;
  numClasses: number;
  augment: AugmentSpec;
  /** The run's seed; Shuffle adds to it. */
  seed: number;
}) {
  const t = useTranslations('train.augment');
  const [shuffles, setShuffles] = useState(0);
  const picks = useMemo(() => pickExamples(images.labels, numClasses, PREVIEW_IMAGES), [images, numClasses]);
  const originals = useMemo(() => picks.map((i) => imageAt(images, i)), [images, picks]);
  const preview = useAugmented(images, originals, augment, seed + shuffles);
  return (
    <figure data-testid="augment-preview" data-state={preview.kind} data-settings={preview.kind === 'ready' ? preview.settings : ''} className="flex flex-col gap-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      <figcaption className="flex flex-wrap items-center gap-3">
        <span className="text-sm font-medium">{t('previewTitle')}</span>
        <button type="button" data-testid="augment-shuffle" onClick={() => setShuffles((s) => s + 1)} className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100">
          ↻ {t('shuffle')}
        </button>
        <span className="basis-full text-xs text-slate-500">{t('previewHelp')}</span>
      </figcaption>
      {preview.kind === 'error' && <p role="alert" className="text-sm text-red-700">{t('previewFailed', { message: preview.message })}</p>}
      <div className="grid w-fit gap-1" style={{ gridTemplateColumns: `auto repeat(${picks.length}, ${TILE_PX}px)` }}>
        <span className="self-center pr-2 text-xs text-slate-500">{t('original')}</span>
        {picks.map((i, k) => <DigitCanvas key={i} pixels={originals[k] ?? imageAt(images, i)} width={images.width} height={images.height} label={t('originalLabel', { n: i + 1 })} size={TILE_PX} />)}
        {Array.from({ length: PREVIEW_COPIES }, (_, c) => (
          <Row key={c} label={t('augmented')} copies={preview.kind === 'ready' ? preview.copies[c] : undefined} count={picks.length} images={images} alt={t('augmentedLabel')} />
        ))}
      </div>
    </figure>
  );
});

function Row({ label, copies, count, images, alt }: { label: string; copies: Uint8Array[] | undefined; count: number; images: SplitData; alt: string }) {
  return (
    <>
      <span className="self-center pr-2 text-xs text-slate-500">{label}</span>
      {Array.from({ length: count }, (_, i) => {
        const px = copies?.[i];
        return px
          ? <span key={i} data-testid="augment-preview-image"><DigitCanvas pixels={px} width={images.width} height={images.height} label={alt} size={TILE_PX} /></span>
          : <span key={i} className="rounded bg-slate-200" style={{ width: TILE_PX, height: TILE_PX }} />;
      })}
    </>
  );
}
