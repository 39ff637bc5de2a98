'use client';
/**
 * The layer editor's fields for the decoder layers (models/spec-decoder.ts) and the bottleneck
 * mark on a dense layer (the autoencoder's code): the labels and help texts are train.json's.
 */
import { useTranslations } from 'next-intl';
import { DECODER_ACTIVATIONS, DECODER_LIMITS, type DecoderLayerSpec } from '../../../../models/spec-decoder';
import { SPEC_LIMITS, type LayerSpec } from '../../../../models/spec';
import { helpCls, labelCls, NumberField, PaddingField } from '../../../challenges/[id]/layer-field-parts';

/** "8×8×1" ↔ [8, 8, 1]; what does not parse stays as typed (NaN) and the spec check names it. */
const parseShape = (text: string): number[] => text.split(/[×x*,\s]+/).filter(Boolean).map(Number);

function ReshapeField({ layer, onChange }: { layer: Extract<DecoderLayerSpec, { type: 'reshape' }>; onChange: (l: LayerSpec) => void }) {
  const t = useTranslations('train');
  return (
    <label className={labelCls} title={t('fieldHelp.targetShape')}>
      <span className={helpCls}>{t('field.targetShape')}</span>
      <input type="text" data-field="targetShape" defaultValue={layer.targetShape.join('×')} onChange={(e) => onChange({ ...layer, targetShape: parseShape(e.target.value) })} className="w-24 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm" />
    </label>
  );
}

export function DecoderLayerFields({ layer, onChange }: { layer: DecoderLayerSpec; onChange: (l: LayerSpec) => void }) {
  const t = useTranslations('train');
  switch (layer.type) {
    case 'reshape':
      return <ReshapeField key={layer.targetShape.join('x')} layer={layer} onChange={onChange} />;
    case 'upSampling2d':
      return <NumberField field="size" label={t('field.upSize')} help={t('fieldHelp.upSize')} value={layer.size} min={2} max={DECODER_LIMITS.maxUpSampling} onChange={(size) => onChange({ ...layer, size })} />;
    case 'conv2dTranspose':
      return (
        <>
          <NumberField field="filters" label={t('field.filters')} help={t('fieldHelp.filters')} value={layer.filters} min={1} max={SPEC_LIMITS.maxFilters} onChange={(filters) => onChange({ ...layer, filters })} />
          <NumberField field="kernelSize" label={t('field.kernelSize')} help={t('fieldHelp.kernelSize')} value={layer.kernelSize} min={1} max={SPEC_LIMITS.maxKernelSize} onChange={(kernelSize) => onChange({ ...layer, kernelSize })} />
          <NumberField field="strides" label={t('field.strides')} help={t('fieldHelp.transposeStrides')} value={layer.strides} min={1} max={SPEC_LIMITS.maxStrides} onChange={(strides) => onChange({ ...layer, strides })} />
          <PaddingField value={layer.padding} onChange={(padding) => onChange({ ...layer, padding })} />
          <label className={labelCls} title={t('fieldHelp.activation')}>
            <span className={helpCls}>{t('field.activation')}</span>
            <select value={layer.activation} onChange={(e) => onChange({ ...layer, activation: e.target.value as (typeof DECODER_ACTIVATIONS)[number] })} className="rounded border border-slate-300 bg-white px-1 py-1 text-sm">
              {DECODER_ACTIVATIONS.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
        </>
      );
  }
}

/**
 * The bottleneck mark of a dense layer: its units are the code length. Ticking it here unticks
 * every other layer's (an autoencoder has exactly one), which the editor does with `onMark`.
 */
export function BottleneckField({ checked, onMark }: { checked: boolean; onMark: (on: boolean) => void }) {
  const t = useTranslations('train');
  return (
    <label className={`${labelCls} ${checked ? 'rounded bg-amber-100 px-1 font-semibold text-amber-900' : ''}`} title={t('fieldHelp.bottleneck')}>
      <input type="checkbox" data-field="bottleneck" checked={checked} onChange={(e) => onMark(e.target.checked)} />
      <span className={helpCls}>{t('field.bottleneck')}</span>
    </label>
  );
}
