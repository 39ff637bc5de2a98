'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import type { ModelChallenge } from '../../../../game/challenges';
import { tokenLabel } from '../../../../game/sequences';
import type { FeatureSplit } from '../../../../models/challenge-data';
import type { AttentionTrace, RecurrentTrace, SequenceTrace } from '../../../../models/sequence-inspect';
import type { ModelSpec } from '../../../../models/spec';
import { Heatmap } from './Heatmap';
import { useTrainedModel, type LoadedModel, type ModelLoader } from '../useTrainedModel';
import type { SequenceModel } from './sequence-model';
import { exampleAt, lookupAnswer, oneHot, rotateDigits } from './tokens';

/** Validation sequences offered in the picker. */
const CHOICES = 12;
/** Units drawn per recurrent layer (a 256-unit state would not fit the page). */
const MAX_UNITS_SHOWN = 32;

export interface SequenceViewsProps {
  challenge: ModelChallenge;
  spec: ModelSpec;
  /** Trained weights, float32 in model.getWeights() order. */
  weights: ArrayBuffer;
  val: FeatureSplit;
}

type Loaded = LoadedModel<SequenceModel>;

/** The trained model rebuilt in the page (sequence-model.ts, which loads tfjs, imported on demand). */
const loadSequence: ModelLoader<SequenceModel> = async (spec, weights, challenge) => {
  const lib = await import('./sequence-model');
  await lib.ensureBackend();
  return lib.loadSequenceModel(spec, weights, challenge.inputShape, challenge.numClasses);
};

const argmax = (p: readonly number[]) => p.reduce((best, v, i) => (v > (p[best] ?? -Infinity) ? i : best), 0);
const transpose = (grid: number[][], rows: number) => Array.from({ length: Math.min(rows, grid[0]?.length ?? 0) }, (_, u) => grid.map((step) => step[u] ?? 0));

/** The hidden state (and an LSTM's cell state and gates) of one recurrent layer, step by step. */
function RecurrentView({ layer, columns }: { layer: RecurrentTrace; columns: string[] }) {
  const t = useTranslations('train.seqViews');
  const units = layer.states[0]?.length ?? 0;
  const shown = Math.min(units, MAX_UNITS_SHOWN);
  const rows = Array.from({ length: shown }, (_, u) => String(u + 1));
  const gates = Object.entries(layer.gates ?? {});
  return (
    <div data-testid="recurrent-view" data-type={layer.type} className="flex flex-col gap-2">
      <Heatmap testId="state-heatmap" values={transpose(layer.states, shown)} columns={columns} rows={rows} signed label={t('hidden', { n: layer.index + 1, type: layer.type, units, shown, allShown: shown === units ? 'yes' : 'no' })} />
      {layer.cells && <Heatmap testId="cell-heatmap" values={transpose(layer.cells, shown)} columns={columns} rows={rows} signed label={t('cell')} />}
      {gates.length > 0 && (
        <>
          <p className="text-sm text-slate-700">{t('gatesNote')}</p>
          <div className="flex flex-wrap gap-4">
            {gates.map(([name, grid]) => (
              <div key={name} data-testid="gate-heatmap" data-gate={name}>
                <Heatmap testId={`gate-${name}`} values={transpose(grid, shown)} columns={columns} signed={name === 'candidate'} label={t(`gate.${name}`)} />
              </div>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** Every head's attention weights: a row per step that asks, a column per step it looks at. */
function AttentionView({ layer, columns }: { layer: AttentionTrace; columns: string[] }) {
  const t = useTranslations('train.seqViews');
  return (
    <div data-testid="attention-view" className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">{t('attentionNote')}</p>
      <div className="flex flex-wrap gap-4">
        {layer.maps.map((map, h) => (
          <div key={h} data-testid="attention-map" data-head={h + 1}>
            <Heatmap testId={`attention-head-${h + 1}`} values={map} columns={columns} rows={columns} signed={false} highlightRow={columns.length - 1} label={t('attention', { n: layer.index + 1, head: h + 1 })} />
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * Attention blind to order: the same digits moved one place. With positional encoding off the
 * layer sees the same set of tokens, so its answer cannot change though the right one does.
 */
function OrderCheck({ model, tokens, vocab, positional, before }: { model: SequenceModel; tokens: number[]; vocab: number; positional: boolean; before: number }) {
  const t = useTranslations('train.seqViews');
  const [moved, setMoved] = useState<{ tokens: number[]; predicted: number } | null>(null);
  useEffect(() => setMoved(null), [tokens, model]);
  const rotate = async () => {
    const next = rotateDigits(tokens);
    setMoved({ tokens: next, predicted: argmax(await model.predict(oneHot(next, vocab))) });
  };
  return (
    <div data-testid="order-check" data-positional={positional ? 'on' : 'off'} className="flex flex-col gap-1 rounded-lg bg-slate-50 p-2 text-sm ring-1 ring-slate-200">
      <p>{positional ? t('positionalOn') : t('positionalOff')}</p>
      <button type="button" data-testid="rotate-digits" onClick={() => void rotate()} className="self-start rounded-md bg-white px-2 py-1 text-indigo-800 ring-1 ring-indigo-300 hover:bg-indigo-50">{t('rotate')}</button>
      {moved && (
        <p data-testid="rotated" data-same={moved.predicted === before ? 'yes' : 'no'} className="font-mono">
          {t('rotated', { tokens: moved.tokens.map(tokenLabel).join(' '), answer: lookupAnswer(moved.tokens) ?? '?', predicted: moved.predicted })}
          {moved.predicted === before && !positional && <span className="font-sans"> {t('sameAnswer')}</span>}
        </p>
      )}
    </div>
  );
}

/** The chosen example's trace and prediction, recomputed when the example or the model changes. */
function useTrace(loaded: Loaded, features: Float32Array) {
  const [result, setResult] = useState<{ trace: SequenceTrace; probs: number[] } | null>(null);
  useEffect(() => {
    if (loaded.kind !== 'ready') return;
    let alive = true;
    setResult(null);
    void Promise.all([loaded.model.trace(features), loaded.model.predict(features)]).then(([trace, probs]) => alive && setResult({ trace, probs }));
    return () => {
      alive = false;
    };
  }, [loaded, features]);
  return result;
}

/**
 * After training a sequence model: pick a validation sequence and see, step by step, what each
 * recurrent layer's hidden state holds (an LSTM's gates too) and where each attention head looks.
 */
export function SequenceViews({ challenge, spec, weights, val }: SequenceViewsProps) {
  const t = useTranslations('train.seqViews');
  const [index, setIndex] = useState(0);
  const loaded = useTrainedModel(loadSequence, spec, weights, challenge);
  const example = useMemo(() => exampleAt(val, index), [val, index]);
  const result = useTrace(loaded, example.features);
  const columns = example.tokens.map(tokenLabel);
  const attention = spec.layers.find((l) => l.type === 'selfAttention');
  const predicted = result ? argmax(result.probs) : null;
  const vocab = challenge.inputShape[1] ?? 0;
  return (
    <section aria-labelledby="seq-views" data-testid="sequence-views" className="flex flex-col gap-3">
      <h2 id="seq-views" className="text-lg font-semibold">{t('title')}</h2>
      <label className="flex flex-wrap items-center gap-2 text-sm">
        {t('pick')}
        <select data-testid="sequence-pick" value={index} onChange={(e) => setIndex(Number(e.target.value))} className="rounded-md border border-slate-300 px-2 py-1 font-mono">
          {Array.from({ length: Math.min(CHOICES, val.count) }, (_, i) => (
            <option key={i} value={i}>{exampleAt(val, i).tokens.map(tokenLabel).join(' ')}</option>
          ))}
        </select>
      </label>
      {loaded.kind === 'error' && <p role="alert" className="text-sm text-red-700">{t('failed', { message: loaded.message })}</p>}
      {(loaded.kind === 'loading' || (loaded.kind === 'ready' && !result)) && <p className="text-sm text-slate-500">{t('loading')}</p>}
      {result && predicted !== null && (
        <>
          <p data-testid="sequence-answer" data-correct={predicted === val.labels[index] ? 'yes' : 'no'} className="text-sm">
            {t('answer', { answer: val.labels[index] ?? 0, predicted, confidence: Math.round(100 * (result.probs[predicted] ?? 0)) })}
          </p>
          {result.trace.layers.length === 0 && <p className="text-sm text-slate-600">{t('noLayers')}</p>}
          {result.trace.layers.map((layer) =>
            layer.type === 'selfAttention' ? <AttentionView key={layer.index} layer={layer} columns={columns} /> : <RecurrentView key={layer.index} layer={layer} columns={columns} />,
          )}
          {result.trace.layers.some((l) => l.type !== 'selfAttention') && <p className="text-sm text-slate-700">{t('hiddenNote')}</p>}
          {attention?.type === 'selfAttention' && challenge.data.type === 'sequence' && challenge.data.task === 'lookup' && loaded.kind === 'ready' && (
            <OrderCheck model={loaded.model} tokens={example.tokens} vocab={vocab} positional={attention.positional} before={predicted} />
          )}
        </>
      )}
    </section>
  );
}
