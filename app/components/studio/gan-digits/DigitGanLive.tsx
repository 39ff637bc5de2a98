'use client';
import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { PhotoTiles } from './PhotoTiles';
import { VIEW_ROWS } from './digit-view';

/** The digits over their columns, so a column reads as "the photos of this digit". */
function DigitHeader({ classes }: { classes: number }) {
  return (
    <div aria-hidden="true" className="grid text-center text-xs font-semibold tabular-nums text-slate-700" style={{ gridTemplateColumns: `repeat(${classes}, minmax(0, 1fr))` }}>
      {Array.from({ length: classes }, (_, d) => <span key={d} data-testid="digit-gan-column">{d}</span>)}
    </div>
  );
}

/** One real photo of each digit; memoized, as it never changes while the losses stream in. */
const RealRow = memo(function RealRow({ real, classes, side }: { real: Float32Array | null; classes: number; side: number }) {
  const td = useTranslations('gan.digits.live');
  return (
    <figure data-testid="digit-gan-real" data-ready={real ? 'yes' : 'no'} className="flex flex-col gap-1">
      <figcaption className="text-xs font-medium text-emerald-900">{td('real')}</figcaption>
      {real
        ? <PhotoTiles values={real} count={classes} side={side} cols={classes} label={td('realAlt', { classes })} />
        : <p role="status" className="rounded bg-slate-100 p-2 text-xs text-slate-600">{td('loading')}</p>}
    </figure>
  );
});

/**
 * The live view of the digit GAN: real photos of each digit over the generator's photos of the
 * same digits, four per digit from fixed noise, as of round `step`.
 */
export function DigitGanLive({ real, fakes, step, classes, side }: {
  real: Float32Array | null;
  /** VIEW_ROWS photos of each digit (column c: digit c), or null before any run. */
  fakes: Float32Array | null;
  step: number | null;
  classes: number;
  side: number;
}) {
  const td = useTranslations('gan.digits.live');
  return (
    <section aria-labelledby="digit-gan-live-title" data-testid="digit-gan-live" className="flex flex-col gap-3">
      <h2 id="digit-gan-live-title" className="text-lg font-semibold">{td('title')}</h2>
      <DigitHeader classes={classes} />
      <RealRow real={real} classes={classes} side={side} />
      <figure data-testid="digit-gan-fakes" data-step={step ?? ''} className="flex flex-col gap-1">
        <figcaption className="text-xs font-medium text-purple-900">{td('fakes', { rows: VIEW_ROWS })}</figcaption>
        {fakes
          ? <PhotoTiles values={fakes} count={VIEW_ROWS * classes} side={side} cols={classes} label={td('fakesAlt', { rows: VIEW_ROWS, classes, step: step ?? 0 })} />
          : <p className="flex aspect-[5/2] items-center justify-center rounded border border-dashed border-slate-300 p-3 text-center text-xs text-slate-600">{td('notYet')}</p>}
      </figure>
      {step !== null && <p data-testid="digit-gan-snapshot-status" className="text-xs text-slate-600">{step === 0 ? td('untrained') : td('shownAt', { step })}</p>}
      <p className="text-xs leading-snug text-slate-600">{td('help')}</p>
    </section>
  );
}
