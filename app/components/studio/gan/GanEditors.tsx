'use client';
import { useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import type { LockedHyper } from '../../../../game/room/settings';
import { inferShapes } from '../../../../models/shapes';
import { generatorInput } from '../../../../models/shapes-gan';
import { LOSSES, OPTIMIZERS, SPEC_LIMITS, type GanSpec, type LayerSpec, type LayerType, type ModelSpec, type OptimizerSpec } from '../../../../models/spec';
import { discriminatorInput, GAN_DISCRIMINATOR_OUTPUT, GAN_LIMITS, GAN_POINTS_IO, generatorOutput, type GanIO } from '../../../../models/spec-gan';
import { LayerEditor } from '../../../challenges/[id]/LayerEditor';
import type { GanProblems } from './gan-problems';

const input = 'w-full rounded border border-slate-300 bg-white px-2 py-1 disabled:bg-slate-100 disabled:text-slate-600';
const NO_TOOLS = { dropout: false, weightDecay: false };
/** A photo generator grows its noise into a photo: the decoder layers in its menu. */
const DECODER_TOOLS = { ...NO_TOOLS, decoder: true };
const DENSE_ONLY: readonly LayerType[] = ['dense'];

/**
 * The words of the editors that depend on what the pair makes (points, or photos of digits): each
 * studio passes its own; the points GAN's are the defaults.
 */
export interface GanEditorTexts {
  generatorHelp: string;
  /** Row 0 of the generator's stack, for a noise vector of `noise` numbers. */
  generatorInput: (noise: number) => string;
  noiseHelp: string;
  discriminatorHelp: string;
  discriminatorInput: string;
  dStepsHelp: string;
  batchHelp: string;
  epochsHelp: string;
}

/** One labelled setting with its explanation and its problems underneath. */
function Field({ label, help, problems, locked, children }: { label: string; help: string; problems?: string[]; locked?: boolean; children: ReactNode }) {
  const t = useTranslations('train');
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      {children}
      {locked && <span data-testid="locked-note" className="text-xs font-medium text-indigo-800">{t('lockedByTeacher')}</span>}
      {problems?.map((m) => <span key={m} data-testid="spec-error" role="alert" className="text-xs font-medium text-red-700">{m}</span>)}
      <span className="text-xs leading-snug text-slate-500">{help}</span>
    </label>
  );
}

const num = (v: number) => (Number.isFinite(v) ? v : '');
/** tfjs's Adam keeps this much of its past gradients when the spec does not say (models/build.ts). */
const ADAM_BETA1 = 0.9;

/** An optimizer's type and learning rate (each model of the pair has its own). */
function OptimizerFields({ who, opt, problems, locked, onChange }: { who: 'g' | 'd'; opt: OptimizerSpec; problems?: string[]; locked: LockedHyper; onChange: (o: OptimizerSpec) => void }) {
  const t = useTranslations('train');
  const tg = useTranslations('gan');
  // A teacher's locks are on the generator's optimizer (the spec's `training`); the discriminator's stays free.
  const lockType = who === 'g' && locked.optimizer !== undefined;
  const lockRate = who === 'g' && locked.learningRate !== undefined;
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field label={t('field.optimizer')} help={t(`optimizerHelp.${opt.type}`)} locked={lockType}>
        <select data-testid={`${who}-optimizer`} disabled={lockType} value={opt.type} onChange={(e) => onChange({ ...opt, type: e.target.value as OptimizerSpec['type'], ...(e.target.value === 'momentum' ? { momentum: opt.momentum ?? 0.9 } : {}) })} className={input}>
          {OPTIMIZERS.map((o) => <option key={o} value={o}>{t(`optimizer.${o}`)}</option>)}
        </select>
      </Field>
      <Field label={t('field.learningRate')} help={tg(who === 'g' ? 'help.gLearningRate' : 'help.dLearningRate')} problems={problems} locked={lockRate}>
        <input data-testid={`${who}-learning-rate`} type="number" disabled={lockRate} min={SPEC_LIMITS.minLearningRate} max={SPEC_LIMITS.maxLearningRate} step="0.0001" value={num(opt.learningRate)} onChange={(e) => onChange({ ...opt, learningRate: e.target.valueAsNumber })} className={input} />
      </Field>
      {opt.type === 'adam' && (
        <Field label={tg('beta1')} help={tg('help.beta1')}>
          <input data-testid={`${who}-beta1`} type="number" min={0} max={0.999} step="0.05" value={num(opt.beta1 ?? ADAM_BETA1)} onChange={(e) => onChange({ ...opt, beta1: e.target.valueAsNumber })} className={input} />
        </Field>
      )}
    </div>
  );
}

/** One model of the pair: its layers (the ordinary editor, with its input and output) and its optimizer. */
function ModelCard({ who, layers, inputShape, outputs, layerTypes, help, problems, busy, opt, optProblems, locked, inputLabel, decoder = false, onLayers, onOpt, children }: {
  who: 'g' | 'd';
  /** The decoder layers in the menu (a photo generator). */
  decoder?: boolean;
  layers: LayerSpec[];
  inputShape: readonly number[];
  /** The model's output: a width, or a shape (a photo). */
  outputs: number | readonly number[];
  layerTypes: readonly LayerType[];
  help: string;
  problems: Map<number, string[]>;
  busy: boolean;
  opt: OptimizerSpec;
  optProblems?: string[];
  locked: LockedHyper;
  inputLabel: string;
  onLayers: (l: LayerSpec[]) => void;
  onOpt: (o: OptimizerSpec) => void;
  children?: ReactNode;
}) {
  const tg = useTranslations('gan');
  const shapes = useMemo(() => {
    const s = inferShapes({ version: 1, layers, training: { loss: 'categoricalCrossentropy', optimizer: opt, batchSize: 1, epochs: 1, seed: 0 } }, inputShape, outputs);
    return s.ok ? s : null;
  }, [layers, inputShape, outputs, opt]);
  const title = who === 'g' ? 'generator' : 'discriminator';
  return (
    <section data-testid={`${title}-card`} aria-labelledby={`${title}-title`} className={`flex min-w-0 flex-col gap-3 rounded-xl p-3 ring-1 ${who === 'g' ? 'bg-purple-50/50 ring-purple-200' : 'bg-emerald-50/50 ring-emerald-200'}`}>
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 id={`${title}-title`} className="text-base font-semibold">{tg(`${title}.title`)}</h3>
        <span data-testid={`${title}-params`} className="text-xs tabular-nums text-slate-600">{tg('params', { params: shapes?.totalParams.toLocaleString('en-US') ?? '—' })}</span>
      </div>
      <p className="text-xs leading-snug text-slate-600">{help}</p>
      {children}
      <LayerEditor layers={layers} infos={shapes?.layers ?? null} inputShape={inputShape} inputLabel={inputLabel} outputLast layerTypes={layerTypes} issues={problems} disabled={busy} tools={decoder ? DECODER_TOOLS : NO_TOOLS} onChange={onLayers} />
      <fieldset disabled={busy} className="min-w-0">
        <legend className="sr-only">{tg(`${title}.optimizer`)}</legend>
        <OptimizerFields who={who} opt={opt} problems={optProblems} locked={locked} onChange={onOpt} />
      </fieldset>
    </section>
  );
}

/** A whole-number setting of the pair's schedule. */
function IntField({ id, label, help, value, min, max, problems, disabled, onChange }: { id: string; label: string; help: string; value: number; min: number; max: number; problems?: string[]; disabled?: boolean; onChange: (v: number) => void }) {
  return (
    <Field label={label} help={help} problems={problems} locked={disabled}>
      <input data-testid={id} type="number" disabled={disabled} min={min} max={max} step={1} value={num(value)} onChange={(e) => onChange(e.target.valueAsNumber)} className={input} />
    </Field>
  );
}

/** Rounds, steps of each model per round, batch, loss and seed: how the two take turns. */
function Schedule({ spec, gan, problems, busy, locked, texts, onChange }: { spec: ModelSpec; gan: GanSpec; problems: GanProblems; busy: boolean; locked: LockedHyper; texts: GanEditorTexts; onChange: (s: ModelSpec) => void }) {
  const t = useTranslations('train');
  const tg = useTranslations('gan');
  const tr = spec.training;
  const setGan = (g: Partial<GanSpec>) => onChange({ ...spec, gan: { ...gan, ...g } });
  const setTraining = (x: Partial<ModelSpec['training']>) => onChange({ ...spec, training: { ...tr, ...x } });
  const f = problems.byField;
  return (
    <fieldset disabled={busy} data-testid="gan-schedule" className="grid min-w-0 grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
      <legend className="mb-2 text-base font-semibold">{tg('schedule.title')}</legend>
      <IntField id="gan-d-steps" label={tg('schedule.dSteps')} help={texts.dStepsHelp} value={gan.dSteps} min={1} max={GAN_LIMITS.maxStepsPerRound} problems={f.get('dSteps')} onChange={(dSteps) => setGan({ dSteps })} />
      <IntField id="gan-g-steps" label={tg('schedule.gSteps')} help={tg('schedule.gStepsHelp')} value={gan.gSteps} min={1} max={GAN_LIMITS.maxStepsPerRound} problems={f.get('gSteps')} onChange={(gSteps) => setGan({ gSteps })} />
      <IntField id="batch-size-input" label={t('field.batchSize')} help={texts.batchHelp} value={tr.batchSize} min={1} max={SPEC_LIMITS.maxBatchSize} problems={f.get('batchSize')} disabled={locked.batchSize !== undefined} onChange={(batchSize) => setTraining({ batchSize })} />
      <IntField id="epochs-input" label={t('field.epochs')} help={texts.epochsHelp} value={tr.epochs} min={1} max={SPEC_LIMITS.maxEpochs} problems={f.get('epochs')} disabled={locked.epochs !== undefined} onChange={(epochs) => setTraining({ epochs })} />
      <IntField id="seed-input" label={t('field.seed')} help={t('help.seed')} value={tr.seed} min={0} max={SPEC_LIMITS.maxSeed} problems={f.get('seed')} onChange={(seed) => setTraining({ seed })} />
      <Field label={tg('schedule.loss')} help={tg('schedule.lossHelp')} problems={f.get('loss')} locked={locked.loss !== undefined}>
        <select data-testid="loss-select" disabled={locked.loss !== undefined} value={tr.loss} onChange={(e) => setTraining({ loss: e.target.value as (typeof LOSSES)[number] })} className={input}>
          {LOSSES.map((l) => <option key={l} value={l}>{tg(`schedule.lossName.${l}`)}</option>)}
        </select>
      </Field>
    </fieldset>
  );
}

/** The points GAN's words (gan.json), where a studio passes none of its own. */
function usePointTexts(): GanEditorTexts {
  const tg = useTranslations('gan');
  return useMemo(() => ({
    generatorHelp: tg('generator.help'),
    generatorInput: (size: number) => tg('generator.input', { size }),
    noiseHelp: tg('generator.noiseHelp'),
    discriminatorHelp: tg('discriminator.help'),
    discriminatorInput: tg('discriminator.input'),
    dStepsHelp: tg('schedule.dStepsHelp'),
    batchHelp: tg('schedule.batchHelp'),
    epochsHelp: tg('schedule.epochsHelp'),
  }), [tg]);
}

/**
 * The generator and the discriminator side by side, then the schedule they train on. `io`: what
 * the pair handles (the challenge's ganIO; points by default); `layerTypes`: what "Add layer"
 * offers (dense by default); `texts`: the words that depend on what the pair makes.
 */
export function GanEditors({ spec, problems, busy, locked, io = GAN_POINTS_IO, layerTypes = DENSE_ONLY, texts, onChange }: {
  spec: ModelSpec & { gan: GanSpec };
  problems: GanProblems;
  busy: boolean;
  locked: LockedHyper;
  io?: GanIO;
  layerTypes?: readonly LayerType[];
  texts?: GanEditorTexts;
  onChange: (s: ModelSpec) => void;
}) {
  const tg = useTranslations('gan');
  const pointTexts = usePointTexts();
  const words = texts ?? pointTexts;
  const { gan } = spec;
  const d = gan.discriminator;
  const noise = Number.isInteger(gan.noiseDim) && gan.noiseDim > 0 ? gan.noiseDim : 1;
  // Keyed by the noise size alone: a new shape on every edit would redo both cards' shapes.
  const gInput = useMemo(() => generatorInput({ ...gan, noiseDim: noise }, io), [noise, io]); // eslint-disable-line react-hooks/exhaustive-deps
  const dInput = useMemo(() => discriminatorInput(io), [io]);
  return (
    <section aria-labelledby="gan-models" className="flex flex-col gap-4">
      <h2 id="gan-models" className="text-lg font-semibold">{tg('modelsTitle')}</h2>
      <div className="grid gap-4 xl:grid-cols-2">
        <ModelCard who="g" layers={spec.layers} inputShape={gInput} outputs={generatorOutput(io)} layerTypes={layerTypes} help={words.generatorHelp} problems={problems.generator} busy={busy} opt={spec.training.optimizer} optProblems={problems.byField.get('gLearningRate')} locked={locked} inputLabel={words.generatorInput(noise)} decoder={io.classes > 0}
          onLayers={(layers) => onChange({ ...spec, layers })} onOpt={(optimizer) => onChange({ ...spec, training: { ...spec.training, optimizer } })}>
          <fieldset disabled={busy} className="max-w-xs">
            <IntField id="gan-noise-dim" label={tg('generator.noiseDim')} help={words.noiseHelp} value={gan.noiseDim} min={1} max={GAN_LIMITS.maxNoiseDim} problems={problems.byField.get('noiseDim')} onChange={(noiseDim) => onChange({ ...spec, gan: { ...gan, noiseDim } })} />
          </fieldset>
        </ModelCard>
        <ModelCard who="d" layers={d.layers} inputShape={dInput} outputs={GAN_DISCRIMINATOR_OUTPUT} layerTypes={layerTypes} help={words.discriminatorHelp} problems={problems.discriminator} busy={busy} opt={d.optimizer} optProblems={problems.byField.get('dLearningRate')} locked={locked} inputLabel={words.discriminatorInput}
          onLayers={(layers) => onChange({ ...spec, gan: { ...gan, discriminator: { ...d, layers } } })} onOpt={(optimizer) => onChange({ ...spec, gan: { ...gan, discriminator: { ...d, optimizer } } })} />
      </div>
      {problems.other.map((m) => <p key={m} data-testid="spec-error" role="alert" className="text-sm text-red-700">{m}</p>)}
      <Schedule spec={spec} gan={gan} problems={problems} busy={busy} locked={locked} texts={words} onChange={onChange} />
    </section>
  );
}
