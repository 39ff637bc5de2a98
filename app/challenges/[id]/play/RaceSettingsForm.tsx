'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { RACE_OPTIMIZERS, type RaceSettings } from '../../../../game/solo/optimizers';
import { LR_SLIDER_MAX, lrFromSlider, parseLr, sliderFromLr, usesMomentum } from './race-view';

/** Momentum / β₁ slider range; the server accepts up to 0.999. */
const MOMENTUM_MAX = 0.99;
const MOMENTUM_STEP = 0.01;

const FIELD = 'flex flex-col gap-1 text-sm';

type FieldProps = { id: string; settings: RaceSettings; onChange: (s: RaceSettings) => void };

/** Optimizer, learning rate (log slider and a number field) and momentum/β₁ for one surface. */
export function RaceSettingsForm({ id, settings, onChange }: FieldProps) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <OptimizerField id={id} settings={settings} onChange={onChange} />
      <LearningRateField id={id} settings={settings} onChange={onChange} />
      {usesMomentum(settings.optimizer) && <MomentumField id={id} settings={settings} onChange={onChange} />}
    </div>
  );
}

function OptimizerField({ id, settings, onChange }: FieldProps) {
  const t = useTranslations('play');
  return (
    <label className={FIELD}>
      <span className="font-medium">{t('race.optimizerLabel')}</span>
      <select
        data-testid={`race-optimizer-${id}`}
        value={settings.optimizer}
        onChange={(e) => onChange({ ...settings, optimizer: e.target.value as RaceSettings['optimizer'] })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {RACE_OPTIMIZERS.map((o) => <option key={o} value={o}>{t(`optimizer.${o}`)}</option>)}
      </select>
    </label>
  );
}

/**
 * The slider and the number field edit the same rate. The field keeps its own text so a half-typed
 * value ("0.", "1e-") is not overwritten while the user types; only a parseable one is sent on.
 */
function LearningRateField({ id, settings, onChange }: FieldProps) {
  const t = useTranslations('play');
  const [lrText, setLrText] = useState(String(settings.learningRate));
  // The slider moved (or the settings were replaced): show its value in the field.
  useEffect(() => {
    setLrText((text) => (parseLr(text) === settings.learningRate ? text : String(settings.learningRate)));
  }, [settings.learningRate]);

  return (
    <div className={FIELD}>
      <label htmlFor={`race-lr-${id}`} className="font-medium">{t('race.learningRate')}</label>
      <div className="flex items-center gap-2">
        <input
          type="range"
          aria-label={t('race.learningRateSlider')}
          data-testid={`race-lr-slider-${id}`}
          min={0}
          max={LR_SLIDER_MAX}
          step={1}
          value={sliderFromLr(settings.learningRate)}
          onChange={(e) => onChange({ ...settings, learningRate: lrFromSlider(Number(e.target.value)) })}
          className="min-w-0 flex-1 accent-indigo-600"
        />
        <input
          id={`race-lr-${id}`}
          data-testid={`race-lr-${id}`}
          inputMode="decimal"
          value={lrText}
          onChange={(e) => {
            setLrText(e.target.value);
            const lr = parseLr(e.target.value);
            if (lr !== null) onChange({ ...settings, learningRate: lr });
          }}
          onBlur={() => setLrText(String(settings.learningRate))}
          className="w-20 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums"
        />
      </div>
    </div>
  );
}

/** Shown only for optimizers that use it; Adam calls the same knob β₁. */
function MomentumField({ id, settings, onChange }: FieldProps) {
  const t = useTranslations('play');
  return (
    <label className={`${FIELD} sm:col-span-2`}>
      <span className="font-medium">
        {settings.optimizer === 'adam' ? t('race.beta1') : t('race.momentum')}: <span className="tabular-nums">{settings.momentum.toFixed(2)}</span>
      </span>
      <input
        type="range"
        data-testid={`race-momentum-${id}`}
        min={0}
        max={MOMENTUM_MAX}
        step={MOMENTUM_STEP}
        value={settings.momentum}
        onChange={(e) => onChange({ ...settings, momentum: Number(e.target.value) })}
        className="accent-indigo-600"
        title={t('race.momentumHelp')}
      />
    </label>
  );
}
