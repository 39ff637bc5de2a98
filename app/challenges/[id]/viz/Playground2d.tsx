'use client';
import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import type { FeatureSplit } from '../../../../models/challenge-data';
import type { Probe, ProbeView } from '../../../../models/probe';
import { BoundaryCanvas } from './BoundaryCanvas';
import { CLASS_RGB, probColor, rgbCss } from './plane';

function Swatch({ color, ring }: { color: string; ring?: boolean }) {
  return <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={ring ? { border: `2px solid ${color}` } : { background: color }} />;
}

/** Class colours, the validation rings, and the probability scale under the plot. */
function Legend({ showVal, gate }: { showVal: boolean; gate: boolean }) {
  const t = useTranslations('train.viz');
  const scale = [0, 0.25, 0.5, 0.75, 1].map((p) => rgbCss(probColor(p))).join(', ');
  return (
    <div className="flex flex-col gap-1 text-xs text-slate-600">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="flex items-center gap-1"><Swatch color={rgbCss(CLASS_RGB[0])} />{t('class0')}</span>
        <span className="flex items-center gap-1"><Swatch color={rgbCss(CLASS_RGB[1])} />{t('class1')}</span>
        {showVal && !gate && <span className="flex items-center gap-1"><Swatch color="#475569" ring />{t('valRing')}</span>}
      </div>
      <div className="flex items-center gap-2">
        <span>{t('prob0')}</span>
        <span aria-hidden="true" className="h-2 w-28 rounded" style={{ background: `linear-gradient(to right, ${scale})` }} />
        <span>{t('prob1')}</span>
      </div>
    </div>
  );
}

/**
 * The data and the model's decision boundary, live: the 2-D studio's main view, with whatever the
 * challenge adds below it (the neuron's weights, the gate practice).
 */
export function Playground2d({ view, probe, train, val, gate, children }: {
  view: ProbeView;
  /** The newest probe of a run on this data, or null (none yet, or the run trained on other data). */
  probe: Probe | null;
  /** Points to draw filled (for a gate: its four rows). */
  train: FeatureSplit;
  val: FeatureSplit;
  gate: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations('train.viz');
  const [showVal, setShowVal] = useState(false);
  const toggleId = useId();
  return (
    <section aria-labelledby="playground" data-testid="playground" className="flex flex-col gap-3">
      <h2 id="playground" className="text-lg font-semibold">{t('title')}</h2>
      <BoundaryCanvas view={view} probe={probe} train={train} val={showVal ? val : null} gate={gate} label={t(gate ? 'canvasLabelGate' : 'canvasLabel')} />
      <p data-testid="probe-status" className="text-xs text-slate-500">
        {probe ? t('shownAt', { epoch: probe.at.toFixed(probe.at % 1 === 0 ? 0 : 1) }) : t('notYet')}
      </p>
      <Legend showVal={showVal} gate={gate} />
      {!gate && (
        <label htmlFor={toggleId} className="flex items-center gap-2 text-sm">
          <input id={toggleId} type="checkbox" data-testid="show-val" checked={showVal} onChange={(e) => setShowVal(e.target.checked)} />
          {t('showVal', { count: val.count })}
        </label>
      )}
      <p className="text-xs leading-snug text-slate-600">{t(gate ? 'helpGate' : 'help')}</p>
      {children}
    </section>
  );
}
