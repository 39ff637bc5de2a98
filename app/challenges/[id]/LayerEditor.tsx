'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { LayerInfo } from '../../../models/shapes';
import { ACTIVATIONS, LAYER_TYPES, type Activation, type LayerSpec, type LayerType } from '../../../models/spec';

const NEW_LAYER: Record<LayerType, LayerSpec> = {
  dense: { type: 'dense', units: 32, activation: 'relu' },
  conv2d: { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
  maxPooling2d: { type: 'maxPooling2d', poolSize: 2 },
  flatten: { type: 'flatten' },
  dropout: { type: 'dropout', rate: 0.3 },
};

const inputCls = 'w-20 rounded border border-slate-300 px-2 py-1 text-sm';

function NumberField({ label, value, step, onChange }: { label: string; value: number; step?: number; onChange: (v: number) => void }) {
  return (
    <label className="flex items-center gap-1 text-xs text-slate-600">
      {label}
      <input type="number" step={step ?? 1} value={Number.isFinite(value) ? value : ''} onChange={(e) => onChange(e.target.valueAsNumber)} className={inputCls} />
    </label>
  );
}

function LayerFields({ layer, onChange }: { layer: LayerSpec; onChange: (l: LayerSpec) => void }) {
  const t = useTranslations('train');
  const activation = 'activation' in layer && (
    <label className="flex items-center gap-1 text-xs text-slate-600">
      {t('field.activation')}
      <select value={layer.activation} onChange={(e) => onChange({ ...layer, activation: e.target.value as Activation })} className="rounded border border-slate-300 px-1 py-1 text-sm">
        {ACTIVATIONS.map((a) => (
          <option key={a} value={a}>{a}</option>
        ))}
      </select>
    </label>
  );
  switch (layer.type) {
    case 'dense':
      return <>{<NumberField label={t('field.units')} value={layer.units} onChange={(units) => onChange({ ...layer, units })} />}{activation}</>;
    case 'conv2d':
      return (
        <>
          <NumberField label={t('field.filters')} value={layer.filters} onChange={(filters) => onChange({ ...layer, filters })} />
          <NumberField label={t('field.kernelSize')} value={layer.kernelSize} onChange={(kernelSize) => onChange({ ...layer, kernelSize })} />
          <NumberField label={t('field.strides')} value={layer.strides} onChange={(strides) => onChange({ ...layer, strides })} />
          <label className="flex items-center gap-1 text-xs text-slate-600">
            {t('field.padding')}
            <select value={layer.padding} onChange={(e) => onChange({ ...layer, padding: e.target.value as 'same' | 'valid' })} className="rounded border border-slate-300 px-1 py-1 text-sm">
              <option value="same">same</option>
              <option value="valid">valid</option>
            </select>
          </label>
          {activation}
        </>
      );
    case 'maxPooling2d':
      return <NumberField label={t('field.poolSize')} value={layer.poolSize} onChange={(poolSize) => onChange({ ...layer, poolSize })} />;
    case 'dropout':
      return <NumberField label={t('field.rate')} value={layer.rate} step={0.05} onChange={(rate) => onChange({ ...layer, rate })} />;
    case 'flatten':
      return null;
  }
}

export function LayerEditor({ layers, infos, issues, disabled, onChange }: {
  layers: LayerSpec[];
  /** Per-layer shapes when the whole stack is valid. */
  infos: LayerInfo[] | null;
  /** Problems keyed by layer index. */
  issues: Map<number, string[]>;
  disabled: boolean;
  onChange: (layers: LayerSpec[]) => void;
}) {
  const t = useTranslations('train');
  const [newType, setNewType] = useState<LayerType>('dense');
  const update = (i: number, l: LayerSpec) => onChange(layers.map((x, j) => (j === i ? l : x)));
  const move = (i: number, d: -1 | 1) => {
    const next = layers.slice();
    const [l] = next.splice(i, 1);
    if (l) next.splice(i + d, 0, l);
    onChange(next);
  };
  return (
    <fieldset data-testid="layer-editor" disabled={disabled} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm text-slate-600">{t('editorHelp')}</legend>
      <ol className="flex flex-col gap-2">
        {layers.map((layer, i) => (
          <li key={i} data-testid="layer-row" className="flex flex-wrap items-center gap-2 rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200">
            <span className="w-6 text-xs text-slate-400">{i + 1}</span>
            <span className="w-28 font-mono text-sm font-semibold" title={t(`layerHelp.${layer.type}`)}>{t(`layer.${layer.type}`)}</span>
            <LayerFields layer={layer} onChange={(l) => update(i, l)} />
            <span className="ml-auto font-mono text-xs text-slate-500">
              {infos?.[i] ? `${infos[i].outputShape.join('×')} · ${infos[i].params.toLocaleString('en-US')}` : ''}
            </span>
            <span className="flex gap-1">
              <button type="button" aria-label={t('moveUp')} disabled={i === 0} onClick={() => move(i, -1)} className="rounded px-1 hover:bg-slate-100 disabled:opacity-30">↑</button>
              <button type="button" aria-label={t('moveDown')} disabled={i === layers.length - 1} onClick={() => move(i, 1)} className="rounded px-1 hover:bg-slate-100 disabled:opacity-30">↓</button>
              <button type="button" aria-label={t('remove')} disabled={layers.length === 1} onClick={() => onChange(layers.filter((_, j) => j !== i))} className="rounded px-1 text-red-600 hover:bg-red-50 disabled:opacity-30">✕</button>
            </span>
            {issues.get(i)?.map((m) => (
              <p key={m} data-testid="spec-error" role="alert" className="w-full text-xs text-red-700">{m}</p>
            ))}
          </li>
        ))}
      </ol>
      <div className="flex items-center gap-2">
        <select aria-label={t('layerType')} value={newType} onChange={(e) => setNewType(e.target.value as LayerType)} className="rounded border border-slate-300 px-2 py-1 text-sm">
          {LAYER_TYPES.map((type) => (
            <option key={type} value={type}>{t(`layer.${type}`)}</option>
          ))}
        </select>
        <button type="button" data-testid="add-layer" onClick={() => onChange([...layers, NEW_LAYER[newType]])} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
          + {t('addLayer')}
        </button>
      </div>
    </fieldset>
  );
}
