'use client';
import { useTranslations } from 'next-intl';
import { memo, useMemo } from 'react';
import { imageAt, indicesByClass, type SplitData } from '../../../models/dataset';
import { DigitCanvas } from './DigitCanvas';

const PER_CLASS = 3;

/**
 * A few training images of each class, so students see what the model will see. Memoized: the
 * page re-renders on every training batch and these canvases need drawing once.
 */
export const SampleGrid = memo(function SampleGrid({ train }: { train: SplitData }) {
  const t = useTranslations('train');
  const byClass = useMemo(() => indicesByClass(train, 10), [train]);
  return (
    <div data-testid="sample-grid" className="grid grid-cols-5 gap-3 sm:grid-cols-10">
      {byClass.map((indices, label) => (
        <figure key={label} className="flex flex-col items-center gap-1">
          {indices.slice(0, PER_CLASS).map((i) => (
            <DigitCanvas key={i} pixels={imageAt(train, i)} width={train.width} height={train.height} label={t('sampleAlt', { label })} size={48} />
          ))}
          <figcaption className="text-sm font-semibold">{label}</figcaption>
        </figure>
      ))}
    </div>
  );
});
