'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { dColor, FAKE_RGB, REAL_RGB, rgbCss, type GanView } from './gan-plane';
import { GanPlane } from './GanPlane';

function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: color }} />;
}

/** Point colours and the discriminator's scale under the plane. */
function Legend() {
  const tp = useTranslations('gan.plane');
  const scale = [0, 0.25, 0.5, 0.75, 1].map((p) => rgbCss(dColor(p))).join(', ');
  return (
    <div className="flex flex-col gap-1 text-xs text-slate-600">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="flex items-center gap-1"><Swatch color={rgbCss(REAL_RGB)} />{tp('legendReal')}</span>
        <span className="flex items-center gap-1"><Swatch color={rgbCss(FAKE_RGB)} />{tp('legendFake')}</span>
      </div>
      <div className="flex items-center gap-2">
        <span>{tp('legendFakeSide')}</span>
        <span aria-hidden="true" className="h-2 w-28 rounded" style={{ background: `linear-gradient(to right, ${scale})` }} />
        <span>{tp('legendRealSide')}</span>
      </div>
    </div>
  );
}

/** How many of the target's modes the generator's points reach; few of many is mode collapse. */
export interface ModeCount {
  covered: number;
  total: number;
}

/** Modes covered, with a warning once a trained generator reaches only a few of them. */
function ModeMeter({ modes, trained }: { modes: ModeCount | null; trained: boolean }) {
  const tm = useTranslations('gan.modes');
  if (!modes) return <p data-testid="gan-modes" data-covered="" className="text-xs text-slate-500">{tm('none')}</p>;
  // Some modes reached but half or fewer, after some training: the generator settled on a few of
  // them (none reached yet is a generator still on its way, not a collapse).
  const collapsed = trained && modes.covered > 0 && modes.covered <= modes.total / 2;
  return (
    <div data-testid="gan-modes" data-covered={modes.covered} data-total={modes.total} data-collapse={collapsed ? 'yes' : 'no'} role="status" className={`flex flex-col gap-1 rounded-lg p-2 text-sm ring-1 ${collapsed ? 'bg-amber-50 ring-amber-300' : 'bg-white ring-slate-200'}`}>
      <div className="flex items-center gap-2">
        <span className="font-medium">{tm('label', { covered: modes.covered, total: modes.total })}</span>
        <span aria-hidden="true" className="flex gap-0.5">
          {Array.from({ length: modes.total }, (_, i) => <span key={i} className={`inline-block h-2.5 w-2.5 rounded-sm ${i < modes.covered ? 'bg-purple-600' : 'bg-slate-200'}`} />)}
        </span>
      </div>
      {collapsed && <p data-testid="gan-collapse" className="text-xs text-amber-900">{tm('collapse')}</p>}
    </div>
  );
}

/**
 * The live view of the pair: the plane (real vs generated points on the discriminator's heatmap),
 * its legend, what the snapshot is of, and the modes covered. `children`: the target chooser.
 */
export function GanLive({ view, real, fake, grid, step, drawn, onDraw, modes, trained, children }: {
  view: GanView;
  real: Float32Array;
  fake: Float32Array | null;
  grid: Float32Array | null;
  step: number | null;
  drawn: readonly (readonly [number, number])[];
  onDraw?: (p: [number, number]) => void;
  modes: ModeCount | null;
  trained: boolean;
  children?: ReactNode;
}) {
  const tp = useTranslations('gan.plane');
  return (
    <section aria-labelledby="gan-plane-title" data-testid="gan-live" className="flex flex-col gap-3">
      <h2 id="gan-plane-title" className="text-lg font-semibold">{tp('title')}</h2>
      {children}
      <GanPlane view={view} grid={grid} real={real} fake={fake} drawn={drawn} step={step} onDraw={onDraw} label={tp(onDraw ? 'labelDraw' : 'label')} />
      <p data-testid="gan-snapshot-status" className="text-xs text-slate-500">{step === null ? tp('notYet') : tp('shownAt', { step })}</p>
      <Legend />
      <ModeMeter modes={modes} trained={trained} />
      <p className="text-xs leading-snug text-slate-600">{tp('help')}</p>
    </section>
  );
}
