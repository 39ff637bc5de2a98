'use client';
import { useTranslations } from 'next-intl';
import { LOSSES, OPTIMIZERS, type TrainingSpec } from '../../../models/spec';

const field = 'flex flex-col gap-1 text-sm';
const input = 'rounded border border-slate-300 px-2 py-1';

export function HyperParams({ training, disabled, onChange }: { training: TrainingSpec; disabled: boolean; onChange: (t: TrainingSpec) => void }) {
  const t = useTranslations('train');
  const opt = training.optimizer;
  const num = (v: number) => (Number.isFinite(v) ? v : '');
  return (
    <fieldset disabled={disabled} className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      <label className={field} title={t('help.loss')}>
        {t('field.loss')}
        <select data-testid="loss-select" value={training.loss} onChange={(e) => onChange({ ...training, loss: e.target.value as TrainingSpec['loss'] })} className={input}>
          {LOSSES.map((l) => <option key={l} value={l}>{t(`loss.${l}`)}</option>)}
        </select>
      </label>
      <label className={field} title={t('help.optimizer')}>
        {t('field.optimizer')}
        <select data-testid="optimizer-select" value={opt.type} onChange={(e) => onChange({ ...training, optimizer: { ...opt, type: e.target.value as typeof opt.type } })} className={input}>
          {OPTIMIZERS.map((o) => <option key={o} value={o}>{t(`optimizer.${o}`)}</option>)}
        </select>
      </label>
      <label className={field} title={t('help.learningRate')}>
        {t('field.learningRate')}
        <input data-testid="learning-rate-input" type="number" step="0.0001" value={num(opt.learningRate)} onChange={(e) => onChange({ ...training, optimizer: { ...opt, learningRate: e.target.valueAsNumber } })} className={input} />
      </label>
      {opt.type === 'momentum' && (
        <label className={field} title={t('help.momentum')}>
          {t('field.momentum')}
          <input type="number" step="0.05" value={num(opt.momentum ?? 0.9)} onChange={(e) => onChange({ ...training, optimizer: { ...opt, momentum: e.target.valueAsNumber } })} className={input} />
        </label>
      )}
      <label className={field} title={t('help.batchSize')}>
        {t('field.batchSize')}
        <input data-testid="batch-size-input" type="number" value={num(training.batchSize)} onChange={(e) => onChange({ ...training, batchSize: e.target.valueAsNumber })} className={input} />
      </label>
      <label className={field} title={t('help.epochs')}>
        {t('field.epochs')}
        <input data-testid="epochs-input" type="number" value={num(training.epochs)} onChange={(e) => onChange({ ...training, epochs: e.target.valueAsNumber })} className={input} />
      </label>
      <label className={field} title={t('help.seed')}>
        {t('field.seed')}
        <input type="number" value={num(training.seed)} onChange={(e) => onChange({ ...training, seed: e.target.valueAsNumber })} className={input} />
      </label>
    </fieldset>
  );
}
