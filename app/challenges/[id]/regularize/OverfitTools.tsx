'use client';
import { useTranslations } from 'next-intl';
import type { SplitData } from '../../../../models/dataset';
import { SPEC_LIMITS, type AugmentSpec, type TrainingSpec } from '../../../../models/spec';
import { AugmentPreview } from './AugmentPreview';
import { AUGMENT_FIELDS, AUGMENT_SLIDERS, DEFAULT_AUGMENT, DEFAULT_PATIENCE, setAugment, setEarlyStopping, sliderValue, withSlider } from './spec-edit';

const input = 'w-20 rounded border border-slate-300 bg-white px-2 py-1 text-sm';
const errorCls = 'text-xs font-medium text-red-700';

function Errors({ messages }: { messages: string[] | undefined }) {
  return <>{messages?.map((m) => <span key={m} data-testid="spec-error" role="alert" className={errorCls}>{m}</span>)}</>;
}

function EarlyStopping({ training, problems, onChange }: { training: TrainingSpec; problems: Map<string, string[]>; onChange: (t: TrainingSpec) => void }) {
  const t = useTranslations('train');
  const on = training.earlyStopping !== undefined;
  const patience = training.earlyStopping?.patience ?? DEFAULT_PATIENCE;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label className="flex items-center gap-2 font-medium">
        <input data-testid="early-stopping-toggle" type="checkbox" checked={on} onChange={(e) => onChange(setEarlyStopping(training, e.target.checked ? patience : null))} />
        {t('early.toggle')}
      </label>
      {on && (
        <label className="flex items-center gap-2 pl-6 text-slate-700">
          {t('field.patience')}
          <input data-testid="patience-input" type="number" min={1} max={SPEC_LIMITS.maxPatience} value={Number.isFinite(patience) ? patience : ''} onChange={(e) => onChange(setEarlyStopping(training, e.target.valueAsNumber))} className={input} />
          <span className="text-xs text-slate-500">{t('early.epochs')}</span>
        </label>
      )}
      <span className="pl-6"><Errors messages={problems.get('patience')} /></span>
      <span className="pl-6 text-xs leading-snug text-slate-500">{t('early.help', { patience: Number.isFinite(patience) ? patience : DEFAULT_PATIENCE })}</span>
    </div>
  );
}

function AugmentSliders({ augment, problems, onChange }: { augment: AugmentSpec; problems: Map<string, string[]>; onChange: (a: AugmentSpec) => void }) {
  const t = useTranslations('train');
  return (
    <div className="grid gap-x-6 gap-y-2 pl-6 sm:grid-cols-2">
      {AUGMENT_FIELDS.map((f) => {
        const s = AUGMENT_SLIDERS[f];
        const v = sliderValue(augment, f);
        return (
          <label key={f} className="flex flex-col gap-0.5 text-sm" title={t(`augment.fieldHelp.${f}`)}>
            <span className="flex items-baseline justify-between gap-2">
              <span>{t(`field.${f}`)}</span>
              <span data-testid={`augment-${f}-value`} className="font-mono text-xs tabular-nums text-slate-700">{Number.isFinite(v) ? `${v}${s.unit}` : '—'}</span>
            </span>
            <input data-testid={`augment-${f}`} type="range" min={0} max={s.max} step={s.step} value={Number.isFinite(v) ? v : 0} onChange={(e) => onChange(withSlider(augment, f, e.target.valueAsNumber))} aria-valuetext={`${v}${s.unit}`} />
            <span className="text-xs leading-snug text-slate-500">{t(`augment.fieldHelp.${f}`)}</span>
            <Errors messages={problems.get(f)} />
          </label>
        );
      })}
    </div>
  );
}

/**
 * Tools against overfitting that live in the training settings: early stopping on validation loss,
 * and for image challenges augmentation with a preview. (Dropout and weight decay are per layer.)
 */
export function OverfitTools({ training, problems, disabled, images, numClasses, imageInput, show, onChange }: {
  training: TrainingSpec;
  problems: Map<string, string[]>;
  disabled: boolean;
  /** The training images to preview augmentation on (null while they load). */
  images: SplitData | null;
  numClasses: number;
  /** Whether the challenge's inputs are images; 2-D points get no augmentation. */
  imageInput: boolean;
  /** Which of the tools this challenge shows (game/controls.ts). */
  show: { earlyStopping: boolean; augment: boolean };
  onChange: (t: TrainingSpec) => void;
}) {
  const t = useTranslations('train');
  const augment = training.augment;
  if (!show.earlyStopping && !(show.augment && imageInput)) return null;
  return (
    <fieldset data-testid="overfit-tools" disabled={disabled} className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 text-base font-semibold">{t('overfit.title')}</legend>
      <p className="text-xs leading-snug text-slate-600">{t('overfit.help', { data: imageInput ? 'photos' : 'points' })}</p>
      {show.earlyStopping && <EarlyStopping training={training} problems={problems} onChange={onChange} />}
      {imageInput && show.augment && (
        <div className="flex flex-col gap-2 text-sm">
          <label className="flex items-center gap-2 font-medium">
            <input data-testid="augment-toggle" type="checkbox" checked={augment !== undefined} onChange={(e) => onChange(setAugment(training, e.target.checked ? DEFAULT_AUGMENT : null))} />
            {t('augment.toggle')}
          </label>
          <span className="pl-6 text-xs leading-snug text-slate-500">{t('augment.help')}</span>
          <span className="pl-6"><Errors messages={problems.get('augment')} /></span>
          {augment && <AugmentSliders augment={augment} problems={problems} onChange={(a) => onChange(setAugment(training, a))} />}
          {augment && images && <AugmentPreview images={images} numClasses={numClasses} augment={augment} seed={Number.isFinite(training.seed) ? training.seed : 0} />}
        </div>
      )}
    </fieldset>
  );
}
