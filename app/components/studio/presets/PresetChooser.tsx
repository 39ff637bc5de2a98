'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { PRESET_NAMES, presetSpec, typicalRate, type PresetChallengeId, type PresetName } from '../../../../models/presets';
import type { Shape } from '../../../../models/shapes';
import type { ModelSpec } from '../../../../models/spec';
import type { TrainerState } from '../../../challenges/[id]/useTrainer';
import { formatSeconds } from '../../../challenges/[id]/TrainingPanel';
import { sameSpec } from '../drafts';
import { estimateRun, forwardMacs, secondsLeft, type Estimate, type MeasuredRate } from './estimate';

type T = ReturnType<typeof useTranslations<'presets'>>;
type TrainT = Parameters<typeof formatSeconds>[1];

interface Context {
  inputShape: Shape;
  numClasses: number;
  /** Training examples of the data the run will use (null while the data loads). */
  trainCount: number | null;
  rates: readonly MeasuredRate[];
  typical?: { macs: number; samplesPerSecond: number };
}

const estimateOf = (spec: ModelSpec, c: Context): Estimate | null =>
  c.trainCount === null ? null : estimateRun(spec, { inputShape: c.inputShape, numClasses: c.numClasses, trainCount: c.trainCount, rates: c.rates, typical: c.typical });

/** Before training, what the current model will take; during training, what is left at the live rate. */
function EstimateLine({ spec, state, liveRate, c, t, tt }: { spec: ModelSpec; state: TrainerState; liveRate: number | null; c: Context; t: T; tt: TrainT }) {
  const training = state.phase === 'starting' || state.phase === 'training' || state.phase === 'stopping';
  const p = state.progress;
  if (training) {
    if (liveRate === null || !p) return <p data-testid="estimate-live" data-ready="false" className="text-sm text-slate-700">{t('warmingUp')}</p>;
    const left = secondsLeft(p.samplesSeen, p.totalSamples, liveRate);
    return (
      <p data-testid="estimate-live" data-ready="true" data-seconds={Math.round(left)} className="text-sm text-slate-700">
        {t('during', { time: formatSeconds(left, tt), rate: Math.round(liveRate).toLocaleString('en-US') })}
      </p>
    );
  }
  const e = estimateOf(spec, c);
  const head = c.trainCount === null ? null : t('thisModel', { epochs: spec.training.epochs, samples: c.trainCount.toLocaleString('en-US') });
  const body = !e
    ? t('beforeNone')
    : t(e.source === 'measured' ? 'beforeMeasured' : e.source === 'scaled' ? 'beforeScaled' : 'beforeTypical', { time: formatSeconds(e.seconds, tt), rate: Math.round(e.samplesPerSecond).toLocaleString('en-US') });
  return (
    <p data-testid="estimate-before" data-source={e?.source ?? 'none'} data-seconds={e ? Math.round(e.seconds) : undefined} className="text-sm text-slate-700">
      {head && <span className="font-medium">{head}: </span>}
      {body}
    </p>
  );
}

function PresetCard({ name, preset, current, busy, c, t, tt, onPick }: { name: PresetName; preset: ModelSpec; current: ModelSpec; busy: boolean; c: Context; t: T; tt: TrainT; onPick: (s: ModelSpec) => void }) {
  const inUse = sameSpec(preset, current);
  const e = estimateOf(preset, c);
  return (
    <div data-testid={`preset-${name}`} data-in-use={inUse} className={`flex flex-col gap-1 rounded-xl p-3 ring-1 ${inUse ? 'bg-indigo-50 ring-indigo-300' : 'bg-white ring-slate-200'}`}>
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="font-semibold">{t(`name.${name}`)}</h3>
        <button type="button" data-testid={`preset-${name}-use`} disabled={busy || inUse} onClick={() => onPick(preset)} className="rounded-md border border-indigo-300 px-2 py-0.5 text-sm text-indigo-800 hover:bg-indigo-100 disabled:opacity-50">
          {inUse ? t('inUse') : t('use')}
        </button>
      </div>
      <p className="text-xs text-slate-600">{t(`about.${name}`)}</p>
      <p data-testid={`preset-${name}-estimate`} data-source={e?.source ?? 'none'} className="text-xs tabular-nums text-slate-800">
        {e ? t(`estimate.${e.source}`, { time: formatSeconds(e.seconds, tt) }) : t('estimate.none')}
      </p>
    </div>
  );
}

/**
 * Quick / default / strong, each with the time it will take here: this device's measured rate
 * (useTrainingRates) where there is one, else a typical CPU-only device's. Picking one replaces the
 * model in the editor (the student's draft is that model from then on).
 */
export function PresetChooser({ challengeId, spec, state, busy, rates, liveRate, inputShape, numClasses, trainCount, onPick }: {
  challengeId: PresetChallengeId;
  spec: ModelSpec;
  state: TrainerState;
  busy: boolean;
  rates: readonly MeasuredRate[];
  liveRate: number | null;
  inputShape: Shape;
  numClasses: number;
  trainCount: number | null;
  onPick: (spec: ModelSpec) => void;
}) {
  const t = useTranslations('presets');
  const tt = useTranslations('train');
  const presets = useMemo(() => PRESET_NAMES.map((name) => [name, presetSpec(challengeId, name)] as const), [challengeId]);
  const typical = useMemo(() => {
    const rate = typicalRate(challengeId);
    const macs = rate ? forwardMacs(rate.spec, inputShape, numClasses) : null;
    return rate && macs ? { macs, samplesPerSecond: rate.samplesPerSecond } : undefined;
  }, [challengeId, inputShape, numClasses]);
  const c: Context = { inputShape, numClasses, trainCount, rates, typical };
  return (
    <section aria-labelledby="presets" data-testid="preset-chooser" className="flex flex-col gap-2">
      <h2 id="presets" className="text-lg font-semibold">{t('title')}</h2>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <div className="grid gap-2 sm:grid-cols-3">
        {presets.map(([name, preset]) => preset && <PresetCard key={name} name={name} preset={preset} current={spec} busy={busy} c={c} t={t} tt={tt} onPick={onPick} />)}
      </div>
      <EstimateLine spec={spec} state={state} liveRate={liveRate} c={c} t={t} tt={tt} />
    </section>
  );
}
