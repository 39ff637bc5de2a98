'use client';
/** The layer editor's fields for the sequence layers (models/spec-sequence.ts). */
import { useTranslations } from 'next-intl';
import type { LayerSpec } from '../../../models/spec';
import { helpCls, labelCls, NumberField, type NumberFieldProps } from './layer-field-parts';
import { RECURRENT_ACTIVATIONS, SEQUENCE_LIMITS, type SequenceLayerSpec, type SequenceLayerType } from '../../../models/spec-sequence';

/** What "Add layer" inserts for each sequence layer type. */
export const NEW_SEQUENCE_LAYER: Record<SequenceLayerType, SequenceLayerSpec> = {
  embedding: { type: 'embedding', outputDim: 16 },
  simpleRNN: { type: 'simpleRNN', units: 32, activation: 'tanh', returnSequences: false },
  lstm: { type: 'lstm', units: 32, returnSequences: false },
  gru: { type: 'gru', units: 32, returnSequences: false },
  selfAttention: { type: 'selfAttention', heads: 2, keyDim: 8, causal: false, positional: true },
  globalAveragePooling1d: { type: 'globalAveragePooling1d' },
  globalMaxPooling1d: { type: 'globalMaxPooling1d' },
  lastStep: { type: 'lastStep' },
};

/** Every sequence layer's numbers start at 1. */
const Num = (p: Omit<NumberFieldProps, 'min'>) => <NumberField min={1} {...p} />;

function Check({ label, help, checked, name, onChange }: { label: string; help: string; checked: boolean; name: string; onChange: (v: boolean) => void }) {
  return (
    <label className={labelCls} title={help}>
      <input type="checkbox" data-field={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className={helpCls}>{label}</span>
    </label>
  );
}

export function SequenceLayerFields({ layer, onChange }: { layer: SequenceLayerSpec; onChange: (l: LayerSpec) => void }) {
  const t = useTranslations('train');
  switch (layer.type) {
    case 'embedding':
      return <Num label={t('field.outputDim')} help={t('fieldHelp.outputDim')} value={layer.outputDim} max={SEQUENCE_LIMITS.maxEmbeddingDim} onChange={(outputDim) => onChange({ ...layer, outputDim })} />;
    case 'simpleRNN':
    case 'lstm':
    case 'gru':
      return (
        <>
          <Num label={t('field.units')} help={t('fieldHelp.recurrentUnits')} value={layer.units} max={SEQUENCE_LIMITS.maxRecurrentUnits} onChange={(units) => onChange({ ...layer, units })} />
          {layer.type === 'simpleRNN' && (
            <label className={labelCls} title={t('fieldHelp.activation')}>
              <span className={helpCls}>{t('field.activation')}</span>
              <select value={layer.activation} onChange={(e) => onChange({ ...layer, activation: e.target.value as (typeof RECURRENT_ACTIVATIONS)[number] })} className="rounded border border-slate-300 bg-white px-1 py-1 text-sm">
                {RECURRENT_ACTIVATIONS.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
            </label>
          )}
          <Check name="returnSequences" label={t('field.returnSequences')} help={t('fieldHelp.returnSequences')} checked={layer.returnSequences} onChange={(returnSequences) => onChange({ ...layer, returnSequences })} />
        </>
      );
    case 'selfAttention':
      return (
        <>
          <Num label={t('field.heads')} help={t('fieldHelp.heads')} value={layer.heads} max={SEQUENCE_LIMITS.maxHeads} onChange={(heads) => onChange({ ...layer, heads })} />
          <Num label={t('field.keyDim')} help={t('fieldHelp.keyDim')} value={layer.keyDim} max={SEQUENCE_LIMITS.maxKeyDim} onChange={(keyDim) => onChange({ ...layer, keyDim })} />
          <Check name="positional" label={t('field.positional')} help={t('fieldHelp.positional')} checked={layer.positional} onChange={(positional) => onChange({ ...layer, positional })} />
          <Check name="causal" label={t('field.causal')} help={t('fieldHelp.causal')} checked={layer.causal} onChange={(causal) => onChange({ ...layer, causal })} />
        </>
      );
    case 'globalAveragePooling1d':
    case 'globalMaxPooling1d':
    case 'lastStep':
      return null;
  }
}
