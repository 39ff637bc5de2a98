'use client';
import { useTranslations } from 'next-intl';
import { gateTable, linearlySeparable, type GateId } from '../../../../game/solo/data2d';

export const GATES: readonly GateId[] = ['xor', 'and', 'or'];

/**
 * Which truth table the next run trains on. The challenge (and the score) is XOR; AND and OR are
 * practice, to see one neuron succeed where it can, then fail where it cannot.
 */
export function GatePractice({ gate, scored, disabled, onChange }: {
  gate: GateId;
  /** The gate the challenge scores. */
  scored: GateId;
  disabled: boolean;
  onChange: (gate: GateId) => void;
}) {
  const t = useTranslations('train.gates');
  const separable = linearlySeparable(gateTable(gate));
  return (
    <fieldset disabled={disabled} className="flex flex-col gap-2 rounded-lg bg-white p-3 text-sm ring-1 ring-slate-200">
      <legend className="px-1 font-medium">{t('title')}</legend>
      <div role="radiogroup" className="flex flex-wrap gap-2">
        {GATES.map((g) => (
          <label key={g} className={`flex cursor-pointer items-center gap-1 rounded-md px-2 py-1 ring-1 ${g === gate ? 'bg-indigo-50 ring-indigo-300' : 'ring-slate-200'}`}>
            <input type="radio" name="gate" data-testid={`gate-${g}`} value={g} checked={g === gate} onChange={() => onChange(g)} />
            <span className="font-semibold">{t(`name.${g}`)}</span>
            <span className="text-xs text-slate-600">{g === scored ? t('scored') : t('practice')}</span>
          </label>
        ))}
      </div>
      <p data-testid="gate-separable" data-separable={separable} className={`text-xs font-medium ${separable ? 'text-emerald-800' : 'text-amber-800'}`}>
        {separable ? t('separable', { gate: t(`name.${gate}`) }) : t('notSeparable', { gate: t(`name.${gate}`) })}
      </p>
      {gate === 'xor' && <p className="text-xs leading-snug text-slate-600">{t('whyXor')}</p>}
      {gate !== scored && <p className="text-xs text-slate-500">{t('practiceNote', { gate: t(`name.${scored}`) })}</p>}
    </fieldset>
  );
}
