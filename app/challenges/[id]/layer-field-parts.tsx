'use client';
/** The pieces every layer's fields are made of (plain, sequence and decoder layers): one look, one behaviour. */
import { useTranslations } from 'next-intl';

export const inputCls = 'w-16 rounded border border-slate-300 bg-white px-2 py-1 text-sm';
export const labelCls = 'flex items-center gap-1 text-xs text-slate-600';
export const helpCls = 'cursor-help underline decoration-slate-300 decoration-dotted underline-offset-2';

export interface NumberFieldProps {
  label: string;
  help: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** `data-field` for tests and the problem list, where a layer has several numbers. */
  field?: string;
  onChange: (v: number) => void;
}

/** A number with its label; what does not parse reaches the spec check as NaN, which names the field. */
export function NumberField({ label, help, value, min, max, step, field, onChange }: NumberFieldProps) {
  return (
    <label className={labelCls} title={help}>
      <span className={helpCls}>{label}</span>
      <input type="number" data-field={field} min={min} max={max} step={step ?? 1} value={Number.isFinite(value) ? value : ''} onChange={(e) => onChange(e.target.valueAsNumber)} className={inputCls} />
    </label>
  );
}

/** `same` keeps the size (stride 1), `valid` uses only whole windows. */
export function PaddingField({ value, onChange }: { value: 'same' | 'valid'; onChange: (v: 'same' | 'valid') => void }) {
  const t = useTranslations('train');
  return (
    <label className={labelCls} title={t('fieldHelp.padding')}>
      <span className={helpCls}>{t('field.padding')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as 'same' | 'valid')} className="rounded border border-slate-300 bg-white px-1 py-1 text-sm">
        <option value="same">same</option>
        <option value="valid">valid</option>
      </select>
    </label>
  );
}
