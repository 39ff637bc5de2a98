'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { LayerInfo } from '../../../models/shapes';
import { DecayFields } from './regularize/DecayFields';
import { takesDecay } from './regularize/spec-edit';
import { ACTIVATIONS, SPEC_LIMITS, type Activation, type LayerSpec, type LayerType } from '../../../models/spec';
import { isSequenceLayer } from '../../../models/spec-sequence';
import { isDecoderLayer } from '../../../models/spec-decoder';
import { BottleneckField, DecoderLayerFields } from '../../components/studio/autoencoder/DecoderLayerFields';
import { markBottleneck } from '../../components/studio/autoencoder/bottleneck-edit';
import { helpCls, labelCls, NumberField, PaddingField } from './layer-field-parts';
import { offeredTypes } from './layer-menu';
import { NEW_SEQUENCE_LAYER, SequenceLayerFields } from './SequenceLayerFields';
import { NEW_DECODER_LAYER } from '../../../models/spec-decoder';

const NEW_LAYER: Record<LayerType, LayerSpec> = {
  dense: { type: 'dense', units: 32, activation: 'relu' },
  conv2d: { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
  maxPooling2d: { type: 'maxPooling2d', poolSize: 2 },
  flatten: { type: 'flatten' },
  dropout: { type: 'dropout', rate: 0.3 },
  ...NEW_SEQUENCE_LAYER,
  ...NEW_DECODER_LAYER,
};

function LayerFields({ layer, onChange }: { layer: LayerSpec; onChange: (l: LayerSpec) => void }) {
  const t = useTranslations('train');
  if (isSequenceLayer(layer)) return <SequenceLayerFields layer={layer} onChange={onChange} />;
  if (isDecoderLayer(layer)) return <DecoderLayerFields layer={layer} onChange={onChange} />;
  const activation = 'activation' in layer && (
    <label className={labelCls} title={t('fieldHelp.activation')}>
      <span className={helpCls}>{t('field.activation')}</span>
      <select value={layer.activation} onChange={(e) => onChange({ ...layer, activation: e.target.value as Activation })} className="rounded border border-slate-300 bg-white px-1 py-1 text-sm">
        {ACTIVATIONS.map((a) => <option key={a} value={a}>{a}</option>)}
      </select>
    </label>
  );
  switch (layer.type) {
    case 'dense':
      return (
        <>
          <NumberField label={t('field.units')} help={t('fieldHelp.units')} value={layer.units} min={1} max={SPEC_LIMITS.maxUnits} onChange={(units) => onChange({ ...layer, units })} />
          {activation}
        </>
      );
    case 'conv2d':
      return (
        <>
          <NumberField label={t('field.filters')} help={t('fieldHelp.filters')} value={layer.filters} min={1} max={SPEC_LIMITS.maxFilters} onChange={(filters) => onChange({ ...layer, filters })} />
          <NumberField label={t('field.kernelSize')} help={t('fieldHelp.kernelSize')} value={layer.kernelSize} min={1} max={SPEC_LIMITS.maxKernelSize} onChange={(kernelSize) => onChange({ ...layer, kernelSize })} />
          <NumberField label={t('field.strides')} help={t('fieldHelp.strides')} value={layer.strides} min={1} max={SPEC_LIMITS.maxStrides} onChange={(strides) => onChange({ ...layer, strides })} />
          <PaddingField value={layer.padding} onChange={(padding) => onChange({ ...layer, padding })} />
          {activation}
        </>
      );
    case 'maxPooling2d':
      return <NumberField label={t('field.poolSize')} help={t('fieldHelp.poolSize')} value={layer.poolSize} min={2} max={SPEC_LIMITS.maxPoolSize} onChange={(poolSize) => onChange({ ...layer, poolSize })} />;
    case 'dropout':
      return <NumberField label={t('field.rate')} help={t('fieldHelp.rate')} value={layer.rate} min={0} max={SPEC_LIMITS.maxDropoutRate} step={0.05} onChange={(rate) => onChange({ ...layer, rate })} />;
    case 'flatten':
      return null;
  }
}

/** Output shape and parameter count of one layer, or nothing while the stack does not fit together. */
function ShapeCell({ info }: { info: LayerInfo | undefined }) {
  const t = useTranslations('train');
  if (!info) return <span className="ml-auto font-mono text-xs text-slate-500">—</span>;
  return (
    <span className="ml-auto flex flex-col items-end font-mono text-xs leading-tight text-slate-600">
      <span title={t('outputShapeHelp')}>→ {info.outputShape.join('×')}</span>
      <span className="text-slate-500">{t('layerParams', { params: info.params.toLocaleString('en-US') })}</span>
    </span>
  );
}

/**
 * New layers go above a final softmax layer (the output), where they almost always belong;
 * `outputLast`: the last layer is always the output (a GAN's generator and discriminator).
 */
function insertAt(layers: LayerSpec[], outputLast = false): number {
  const last = layers.at(-1);
  return (last?.type === 'dense' && last.activation === 'softmax') || (outputLast && last) ? layers.length - 1 : layers.length;
}

/** Row 0: the input the stack starts from, named after what it is (a point, a sequence, an image). */
function InputRow({ inputShape, inputLabel }: { inputShape: readonly number[]; inputLabel: string | undefined }) {
  const t = useTranslations('train');
  const flat = inputShape.length === 1;
  return (
    <div className="flex items-center gap-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-600">
      <span className="w-6 text-xs text-slate-500">0</span>
      <span className="font-semibold">{inputLabel ?? (flat ? t('inputPoint') : inputShape.length === 2 ? t('inputSequence', { steps: inputShape[0] ?? 0, features: inputShape[1] ?? 0 }) : t('inputLayer'))}</span>
      <span className="ml-auto font-mono text-xs">→ {inputShape.join('×')}</span>
    </div>
  );
}

/** One layer of the stack: its settings, its output shape, its move and remove buttons, its problems. */
function LayerRow({ layer, index, count, info, problems, tools, onUpdate, onMove, onRemove, onMarkBottleneck }: {
  layer: LayerSpec;
  index: number;
  /** How many layers the stack has (the last cannot move down, a lone one cannot go). */
  count: number;
  info: LayerInfo | undefined;
  /** This layer's entry in `issues`: any entry, even an empty one, marks the row red. */
  problems: string[] | undefined;
  tools: LayerEditorProps['tools'];
  onUpdate: (l: LayerSpec) => void;
  onMove: (d: -1 | 1) => void;
  onRemove: () => void;
  onMarkBottleneck: (on: boolean) => void;
}) {
  const t = useTranslations('train');
  const bottleneck = layer.type === 'dense' && layer.bottleneck;
  return (
    <li data-testid="layer-row" data-layer-type={layer.type} data-bottleneck={bottleneck ? 'true' : undefined} className={`flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg bg-white px-3 py-2 ring-1 ${problems ? 'ring-red-300' : bottleneck ? 'ring-2 ring-amber-400' : 'ring-slate-200'}`}>
      <span className="w-6 text-xs text-slate-500">{index + 1}</span>
      <span className={`w-40 text-sm font-semibold ${helpCls}`} title={t(`layerHelp.${layer.type}`)}>{t(`layer.${layer.type}`)}</span>
      <LayerFields layer={layer} onChange={onUpdate} />
      <ShapeCell info={info} />
      <span className="flex gap-1">
        <button type="button" aria-label={t('moveUp')} title={t('moveUp')} disabled={index === 0} onClick={() => onMove(-1)} className="rounded px-1.5 hover:bg-slate-100 disabled:opacity-30">↑</button>
        <button type="button" aria-label={t('moveDown')} title={t('moveDown')} disabled={index === count - 1} onClick={() => onMove(1)} className="rounded px-1.5 hover:bg-slate-100 disabled:opacity-30">↓</button>
        <button type="button" aria-label={t('remove')} title={t('remove')} disabled={count === 1} onClick={() => onRemove()} className="rounded px-1.5 text-red-600 hover:bg-red-50 disabled:opacity-30">✕</button>
      </span>
      {tools.bottleneck && layer.type === 'dense' && <BottleneckField checked={layer.bottleneck === true} onMark={onMarkBottleneck} />}
      {tools.weightDecay && takesDecay(layer) && <DecayFields layer={layer} onChange={onUpdate} />}
      {problems?.map((m) => (
        <p key={m} data-testid="spec-error" role="alert" className="w-full text-xs text-red-700">{m}</p>
      ))}
    </li>
  );
}

interface LayerEditorProps {
  layers: LayerSpec[];
  /** Per-layer shapes when the whole stack is valid. */
  infos: LayerInfo[] | null;
  /** The challenge's input shape, shown as row 0. */
  inputShape: readonly number[];
  /** Row 0's name when the input is not the challenge's (a GAN generator's noise vector). */
  inputLabel?: string;
  /** The last layer is the output whatever its activation: new layers go above it. */
  outputLast?: boolean;
  /** The layer types this challenge allows, when it limits them. */
  layerTypes?: readonly LayerType[];
  /** Problems keyed by layer index. */
  issues: Map<number, string[]>;
  disabled: boolean;
  /** The tools against overfitting this challenge shows (game/controls.ts): Dropout, weight decay. */
  tools: { dropout: boolean; weightDecay: boolean; bottleneck?: boolean; decoder?: boolean };
  onChange: (layers: LayerSpec[]) => void;
}

export function LayerEditor({ layers, infos, inputShape, inputLabel, outputLast, layerTypes, issues, disabled, tools, onChange }: LayerEditorProps) {
  const t = useTranslations('train');
  const [newType, setNewType] = useState<LayerType>('dense');
  // A flat input (a 2-D point) has no image for Conv2D, pooling or Flatten to work on: not offered.
  // The decoder layers belong to the autoencoder challenges (with their bottleneck mark) and to a
  // photo GAN's generator (tools.decoder).
  const types = offeredTypes(inputShape, tools.dropout, layerTypes, tools.bottleneck === true || tools.decoder === true);
  const chosen = types.includes(newType) ? newType : (types[0] ?? 'dense');
  const update = (i: number, l: LayerSpec) => onChange(layers.map((x, j) => (j === i ? l : x)));
  const move = (i: number, d: -1 | 1) => {
    const next = layers.slice();
    const [l] = next.splice(i, 1);
    if (l) next.splice(i + d, 0, l);
    onChange(next);
  };
  const add = (type: LayerType) => {
    const next = layers.slice();
    next.splice(insertAt(layers, outputLast), 0, structuredClone(NEW_LAYER[type]));
    onChange(next);
  };
  return (
    <fieldset data-testid="layer-editor" disabled={disabled} className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 text-sm text-slate-600">{t('editorHelp')}</legend>
      <InputRow inputShape={inputShape} inputLabel={inputLabel} />
      <ol className="flex flex-col gap-2">
        {layers.map((layer, i) => (
          <LayerRow
            key={i}
            layer={layer}
            index={i}
            count={layers.length}
            info={infos?.[i]}
            problems={issues.get(i)}
            tools={tools}
            onUpdate={(l) => update(i, l)}
            onMove={(d) => move(i, d)}
            onRemove={() => onChange(layers.filter((_, j) => j !== i))}
            onMarkBottleneck={(on) => onChange(markBottleneck(layers, i, on))}
          />
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label={t('layerType')} value={chosen} onChange={(e) => setNewType(e.target.value as LayerType)} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm">
          {types.map((type) => <option key={type} value={type}>{t(`layer.${type}`)}</option>)}
        </select>
        <button type="button" data-testid="add-layer" onClick={() => add(chosen)} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
          + {t('addLayer')}
        </button>
        <span className="text-xs text-slate-500">{t('addLayerHelp')}</span>
      </div>
      {tools.dropout && <div className="flex flex-wrap items-center gap-2">
        <button type="button" data-testid="add-dropout" onClick={() => add('dropout')} className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-1 text-sm text-emerald-900 hover:bg-emerald-100">
          + {t('layer.dropout')}
        </button>
        <span className="text-xs text-slate-500">{t('addDropoutHelp')}</span>
      </div>}
    </fieldset>
  );
}
