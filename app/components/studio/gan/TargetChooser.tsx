'use client';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { MAX_DRAWN_POINTS, MIN_DRAWN_POINTS } from './gan-plane';

/** What the next run learns to generate: one of the built-in targets, or the student's drawing. */
export type TargetChoice = string;
export const DRAWN = 'drawn';

/**
 * The target chooser: the challenge's own target (the one the server scores) first, then the
 * others for practice and "draw your own". A run on anything but the scored target trains and
 * shows like any other but has nothing to submit.
 */
export function TargetChooser({ targets, scored, value, drawnCount, disabled, onChange, onClear }: {
  /** Built-in target ids (game/gan-data.ts), the scored one among them. */
  targets: readonly string[];
  scored: string;
  value: TargetChoice;
  /** Points drawn so far (for the drawn target). */
  drawnCount: number;
  disabled: boolean;
  onChange: (v: TargetChoice) => void;
  onClear: () => void;
}) {
  const t = useTranslations('gan');
  const name = useId();
  const ordered = [scored, ...targets.filter((x) => x !== scored), DRAWN];
  return (
    <fieldset data-testid="gan-targets" disabled={disabled} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-semibold">{t('targets.title')}</legend>
      <div role="radiogroup" className="flex flex-wrap gap-2">
        {ordered.map((id) => (
          <label key={id} className={`flex cursor-pointer items-center gap-1.5 rounded-full px-3 py-1 text-sm ring-1 ${value === id ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300 hover:bg-slate-50'}`}>
            <input type="radio" name={name} data-testid={`gan-target-${id}`} value={id} checked={value === id} onChange={() => onChange(id)} className="sr-only" />
            {t(`targets.name.${id}`)}
            {id === scored && <span className="text-xs opacity-80">· {t('targets.scored')}</span>}
          </label>
        ))}
      </div>
      {value !== scored && value !== DRAWN && <p data-testid="gan-practice-note" className="text-xs text-amber-800">{t('targets.practice')}</p>}
      {value === DRAWN && (
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
          <span data-testid="gan-drawn-count" data-count={drawnCount}>{t('targets.drawHelp', { count: drawnCount, min: MIN_DRAWN_POINTS, max: MAX_DRAWN_POINTS })}</span>
          <button type="button" data-testid="gan-draw-clear" disabled={drawnCount === 0} onClick={onClear} className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50">{t('targets.clear')}</button>
        </div>
      )}
    </fieldset>
  );
}
