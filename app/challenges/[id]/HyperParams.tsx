'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ControlGroup } from '../../../game/controls';
import type { LockedHyper } from '../../../game/room/settings';
import { LockIcon } from '../../components/room/icons';
import { LOSSES, OPTIMIZERS, SPEC_LIMITS, type OptimizerSpec, type TrainingSpec } from '../../../models/spec';

/** Momentum shown is momentum used: switching to it writes its default into the spec. */
const DEFAULT_MOMENTUM = 0.9;
function withType(opt: OptimizerSpec, type: OptimizerSpec['type']): OptimizerSpec {
  return type === 'momentum' ? { ...opt, type, momentum: opt.momentum ?? DEFAULT_MOMENTUM } : { ...opt, type };
}

const input = 'rounded border border-slate-300 bg-white px-2 py-1 disabled:bg-slate-100 disabled:text-slate-600';

/** One labelled control with its plain-words explanation and its problems underneath. */
function Field({ label, help, problems, lockedNote, children }: { label: string; help: string; problems?: string[]; lockedNote?: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      {children}
      {lockedNote && <span data-testid="locked-note" className="text-xs font-medium text-indigo-800"><LockIcon className="mr-1 inline h-3.5 w-3.5 align-[-2px]" />{lockedNote}</span>}
      {problems?.map((m) => <span key={m} data-testid="spec-error" role="alert" className="text-xs font-medium text-red-700">{m}</span>)}
      <span className="text-xs leading-snug text-slate-500">{help}</span>
    </label>
  );
}

interface HyperParamsProps {
  training: TrainingSpec;
  /** Problems keyed by field name (learningRate, batchSize, …). */
  problems: Map<string, string[]>;
  disabled: boolean;
  /** In a room round: the hyper-parameters the teacher fixed (their inputs are disabled). */
  locked?: LockedHyper;
  /** The settings this challenge shows (game/controls.ts); locked ones are always among them. */
  shown: ReadonlySet<ControlGroup>;
  onChange: (t: TrainingSpec) => void;
}

/** The training settings this challenge shows; a locked one stays visible but disabled, with a note. */
export function HyperParams({ training, problems, disabled, locked = {}, shown, onChange }: HyperParamsProps) {
  const t = useTranslations('train');
  const opt = training.optimizer;
  const num = (v: number) => (Number.isFinite(v) ? v : '');
  const isLocked = (k: keyof LockedHyper) => locked[k] !== undefined;
  const note = (k: keyof LockedHyper) => (isLocked(k) ? t('lockedByTeacher') : undefined);
  return (
    <fieldset disabled={disabled} className="grid min-w-0 grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      <legend className="mb-2 text-base font-semibold">{t('hyperTitle')}</legend>
      {shown.has('loss') && (
        <Field problems={problems.get('loss')} label={t('field.loss')} help={t('help.loss')} lockedNote={note('loss')}>
          <select data-testid="loss-select" disabled={isLocked('loss')} value={training.loss} onChange={(e) => onChange({ ...training, loss: e.target.value as TrainingSpec['loss'] })} className={input}>
            {LOSSES.map((l) => <option key={l} value={l}>{t(`loss.${l}`)}</option>)}
          </select>
        </Field>
      )}
      {shown.has('optimizer') && (
        <Field problems={problems.get('optimizer')} label={t('field.optimizer')} help={t(`optimizerHelp.${opt.type}`)} lockedNote={note('optimizer')}>
          <select data-testid="optimizer-select" disabled={isLocked('optimizer')} value={opt.type} onChange={(e) => onChange({ ...training, optimizer: withType(opt, e.target.value as OptimizerSpec['type']) })} className={input}>
            {OPTIMIZERS.map((o) => <option key={o} value={o}>{t(`optimizer.${o}`)}</option>)}
          </select>
        </Field>
      )}
      {shown.has('learningRate') && (
        <Field problems={problems.get('learningRate')} label={t('field.learningRate')} help={t('help.learningRate')} lockedNote={note('learningRate')}>
          <input data-testid="learning-rate-input" disabled={isLocked('learningRate')} type="number" min={SPEC_LIMITS.minLearningRate} max={SPEC_LIMITS.maxLearningRate} step="0.0001" value={num(opt.learningRate)} onChange={(e) => onChange({ ...training, optimizer: { ...opt, learningRate: e.target.valueAsNumber } })} className={input} />
        </Field>
      )}
      {shown.has('optimizer') && opt.type === 'momentum' && (
        <Field problems={problems.get('momentum')} label={t('field.momentum')} help={t('help.momentum')}>
          <input data-testid="momentum-input" type="number" min={0} max={0.999} step="0.05" value={num(opt.momentum ?? DEFAULT_MOMENTUM)} onChange={(e) => onChange({ ...training, optimizer: { ...opt, momentum: e.target.valueAsNumber } })} className={input} />
        </Field>
      )}
      {shown.has('batchSize') && (
        <Field problems={problems.get('batchSize')} label={t('field.batchSize')} help={t('help.batchSize')} lockedNote={note('batchSize')}>
          <input data-testid="batch-size-input" disabled={isLocked('batchSize')} type="number" min={1} max={SPEC_LIMITS.maxBatchSize} value={num(training.batchSize)} onChange={(e) => onChange({ ...training, batchSize: e.target.valueAsNumber })} className={input} />
        </Field>
      )}
      {shown.has('epochs') && (
        <Field problems={problems.get('epochs')} label={t('field.epochs')} help={t('help.epochs')} lockedNote={note('epochs')}>
          <input data-testid="epochs-input" disabled={isLocked('epochs')} type="number" min={1} max={SPEC_LIMITS.maxEpochs} value={num(training.epochs)} onChange={(e) => onChange({ ...training, epochs: e.target.valueAsNumber })} className={input} />
        </Field>
      )}
      {shown.has('seed') && (
        <Field problems={problems.get('seed')} label={t('field.seed')} help={t('help.seed')}>
          <input data-testid="seed-input" type="number" min={0} max={SPEC_LIMITS.maxSeed} value={num(training.seed)} onChange={(e) => onChange({ ...training, seed: e.target.valueAsNumber })} className={input} />
        </Field>
      )}
    </fieldset>
  );
}
