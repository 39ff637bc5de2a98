'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SPEC_LIMITS } from '../../../../models/spec';
import { activeDecay, withDecay, type DecayLayer } from './spec-edit';

/**
 * A Dense or Conv2D layer's weight decay, folded away until wanted: λ for L1 (Σ|w|) and L2 (Σw²)
 * added to the loss; 0 is off. The summary line names what is on, so a closed row still says it.
 * The inputs exist only while it is open, so a closed row holds just the layer's own fields.
 */
export function DecayFields<L extends DecayLayer>({ layer, onChange }: { layer: L; onChange: (l: L) => void }) {
  const t = useTranslations('train');
  const active = activeDecay(layer).filter(([, v]) => Number.isFinite(v));
  const [open, setOpen] = useState(false);
  return (
    <details data-testid="decay" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="w-full text-xs">
      <summary className="cursor-pointer text-slate-600">
        <span title={t('decay.help')}>{t('decay.title')}</span>
        <span data-testid="decay-summary" className={active.length > 0 ? 'ml-2 font-semibold text-indigo-800' : 'ml-2 text-slate-500'}>
          {active.length > 0 ? active.map(([k, v]) => `${k.toUpperCase()} ${v}`).join(' · ') : t('decay.off')}
        </span>
      </summary>
      {open && <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 pl-4">
        {(['l1', 'l2'] as const).map((k) => (
          <label key={k} className="flex items-center gap-1 text-slate-600" title={t(`fieldHelp.${k}`)}>
            <span className="font-medium">{t(`field.${k}`)}</span>
            <input
              data-testid={`decay-${k}`}
              type="number"
              min={0}
              max={SPEC_LIMITS.maxWeightDecay}
              step={0.0001}
              value={Number.isFinite(layer[k] ?? 0) ? (layer[k] ?? 0) : ''}
              onChange={(e) => onChange(withDecay(layer, k, e.target.valueAsNumber))}
              className="w-24 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
            />
          </label>
        ))}
        <span className="basis-full text-slate-500">{t('decay.help')}</span>
      </div>}
    </details>
  );
}
