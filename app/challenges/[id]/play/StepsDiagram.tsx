'use client';
import { useTranslations } from 'next-intl';
import type { CSSProperties, ReactNode } from 'react';
import type { StepProblem } from '../../../../game/solo/steps-quiz';
import { fmt, type RevealKey, type StepsTrace } from './steps-view';

/** Forward values, backward gradients and updated weights each keep one colour everywhere. */
export const STEP_COLORS = { forward: '#4338ca', backward: '#c2410c', update: '#15803d', weight: '#334155' } as const;

const R = 34;
const INPUTS: ReadonlyArray<readonly [number, number]> = [[90, 80], [90, 220]];
const HIDDEN: ReadonlyArray<readonly [number, number]> = [[330, 80], [330, 220]];
const OUT = [560, 150] as const;
const SUB = ['₁', '₂'] as const;
/** A white halo keeps numbers readable where they cross a line. */
const HALO: CSSProperties = { paintOrder: 'stroke', stroke: 'white', strokeWidth: 4, strokeLinejoin: 'round' };

function Label({ x, y, color, children, testId, size = 13, anchor = 'middle' }: { x: number; y: number; color: string; children: ReactNode; testId?: string; size?: number; anchor?: 'start' | 'middle' | 'end' }) {
  return <text x={x} y={y} fill={color} fontSize={size} textAnchor={anchor} dominantBaseline="middle" style={HALO} data-testid={testId} className="tabular-nums">{children}</text>;
}

function Node({ at, name, value, testId }: { at: readonly [number, number]; name: string; value: string | null; testId: string }) {
  return (
    <g data-testid={testId}>
      <circle cx={at[0]} cy={at[1]} r={R} fill="white" stroke="#475569" strokeWidth={2} />
      <text x={at[0]} y={at[1] - (value ? 9 : 0)} fontSize={16} fontWeight={600} textAnchor="middle" dominantBaseline="middle">{name}</text>
      {value && <text x={at[0]} y={at[1] + 11} fontSize={13} fill={STEP_COLORS.forward} textAnchor="middle" dominantBaseline="middle" className="tabular-nums">{value}</text>}
    </g>
  );
}

const along = (a: readonly [number, number], b: readonly [number, number], t: number) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t] as const;

/** The weights between inputs and hidden neurons, with their gradients once revealed. */
function InputEdges({ p, tr, show }: { p: StepProblem; tr: StepsTrace; show: Set<RevealKey> }) {
  return (
    <>
      {INPUTS.flatMap((from, i) => HIDDEN.map((to, j) => {
        const [lx, ly] = along(from, to, 0.3);
        const w = p.net.w1[i]?.[j] ?? NaN;
        return (
          <g key={`w${i}${j}`}>
            <line x1={from[0] + R} y1={from[1]} x2={to[0] - R} y2={to[1]} stroke="#94a3b8" strokeWidth={1.5} />
            <Label x={lx} y={ly - 8} color={STEP_COLORS.weight}>w{SUB[i]}{SUB[j]} = {fmt(w, 1)}</Label>
            {show.has('dw1') && <Label x={lx} y={ly + 8} color={STEP_COLORS.backward} testId={`diagram-dw1-${i}${j}`}>∂ {fmt(tr.dw1[i]?.[j] ?? NaN)}</Label>}
          </g>
        );
      }))}
    </>
  );
}

/** The weights into the output, with gradients and the updated values once revealed. */
function OutputEdges({ p, tr, show }: { p: StepProblem; tr: StepsTrace; show: Set<RevealKey> }) {
  return (
    <>
      {HIDDEN.map((from, j) => {
        const [lx, ly] = along(from, OUT, 0.5);
        const dy = j === 0 ? -1 : 1;
        return (
          <g key={`v${j}`}>
            <line x1={from[0] + R} y1={from[1]} x2={OUT[0] - R} y2={OUT[1]} stroke="#94a3b8" strokeWidth={1.5} />
            <Label x={lx} y={ly + dy * 14 - 8} color={STEP_COLORS.weight}>v{SUB[j]} = {fmt(p.net.w2[j]?.[0] ?? NaN, 1)}</Label>
            {show.has('dw2') && <Label x={lx} y={ly + dy * 14 + 8} color={STEP_COLORS.backward} testId={`diagram-dw2-${j}`}>∂ {fmt(tr.dw2[j] ?? NaN)}</Label>}
            {show.has('newW2') && <Label x={lx} y={ly + dy * 14 + 24} color={STEP_COLORS.update} testId={`diagram-neww2-${j}`}>→ {fmt(tr.newW2[j] ?? NaN)}</Label>}
          </g>
        );
      })}
    </>
  );
}

/** One hidden neuron: z above, h inside, the bias below, δ under it once the backward pass gets there. */
function HiddenNode({ j, p, tr, show }: { j: 0 | 1; p: StepProblem; tr: StepsTrace; show: Set<RevealKey> }) {
  const at = HIDDEN[j] ?? [0, 0];
  const zKey: RevealKey = j === 0 ? 'z1' : 'z2';
  const hKey: RevealKey = j === 0 ? 'h1' : 'h2';
  return (
    <>
      <Node at={at} name={`h${SUB[j]}`} value={show.has(hKey) ? fmt(tr.h[j]) : null} testId={`diagram-h${j + 1}`} />
      {show.has(zKey) && <Label x={at[0]} y={at[1] - R - 12} color={STEP_COLORS.forward} testId={`diagram-z${j + 1}`}>z{SUB[j]} = {fmt(tr.z[j])}</Label>}
      <Label x={at[0]} y={at[1] + R + 12} color={STEP_COLORS.weight}>b{SUB[j]} = {fmt(p.net.b1[j] ?? NaN, 1)}</Label>
      {show.has('dHidden') && <Label x={at[0]} y={at[1] + R + 28} color={STEP_COLORS.backward}>δ{SUB[j]} = {fmt(tr.dHidden[j])}</Label>}
    </>
  );
}

/** The tiny network with its weights and every number the player has reached so far. */
export function StepsDiagram({ problem, trace, show }: { problem: StepProblem; trace: StepsTrace; show: Set<RevealKey> }) {
  const t = useTranslations('play.steps');
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox="0 0 720 300" role="img" aria-label={t('diagramLabel')} data-testid="steps-diagram" className="h-auto w-full max-w-3xl rounded-xl bg-white ring-1 ring-slate-200">
        <InputEdges p={problem} tr={trace} show={show} />
        <OutputEdges p={problem} tr={trace} show={show} />
        {INPUTS.map((at, i) => <Node key={i} at={at} name={`x${SUB[i]}`} value={String(problem.x[i])} testId={`diagram-x${i + 1}`} />)}
        <HiddenNode j={0} p={problem} tr={trace} show={show} />
        <HiddenNode j={1} p={problem} tr={trace} show={show} />
        <Node at={OUT} name="ŷ" value={show.has('out') ? fmt(trace.out) : null} testId="diagram-out" />
        {show.has('zOut') && <Label x={OUT[0]} y={OUT[1] - R - 12} color={STEP_COLORS.forward}>z = {fmt(trace.zOut)}</Label>}
        <Label x={OUT[0]} y={OUT[1] + R + 12} color={STEP_COLORS.weight}>c = {fmt(problem.net.b2[0] ?? NaN, 1)}</Label>
        {show.has('dOut') && <Label x={OUT[0]} y={OUT[1] + R + 28} color={STEP_COLORS.backward} testId="diagram-dout">δ = {fmt(trace.dOut)}</Label>}
        <line x1={OUT[0] + R} y1={OUT[1]} x2={612} y2={OUT[1]} stroke="#94a3b8" strokeWidth={1.5} />
        <rect x={612} y={OUT[1] - 34} width={100} height={68} rx={8} fill="#f8fafc" stroke="#cbd5e1" />
        <Label x={662} y={OUT[1] - 14} color={STEP_COLORS.weight}>{t('target', { y: problem.y })}</Label>
        {show.has('loss') && <Label x={662} y={OUT[1] + 12} color={STEP_COLORS.forward} size={14} testId="diagram-loss">L = {fmt(trace.loss)}</Label>}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs">
        <span style={{ color: STEP_COLORS.forward }}>● {t('legendForward')}</span>
        <span style={{ color: STEP_COLORS.backward }}>● {t('legendBackward')}</span>
        <span style={{ color: STEP_COLORS.update }}>● {t('legendUpdate')}</span>
      </figcaption>
    </figure>
  );
}
