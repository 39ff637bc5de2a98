/**
 * Pure helpers for the step-through: every number the diagram can show for a problem, which of
 * them each answered question reveals, and how a typed answer is read. The diagram's numbers come
 * from the same game/solo/stepthrough code the server grades with.
 */
import { STEPS_LEARNING_RATE, type StepProblem, type StepQuestion } from '../../../../game/solo/steps-quiz';
import { backward, forward, sgdUpdate } from '../../../../game/solo/stepthrough';

/** Everything computed for one problem: forward values, the loss, gradients and updated weights. */
export interface StepsTrace {
  /** Weighted sums of the two hidden neurons. */
  z: [number, number];
  /** Their sigmoid activations. */
  h: [number, number];
  zOut: number;
  out: number;
  loss: number;
  /** ∂L/∂z at the output neuron. */
  dOut: number;
  /** ∂L/∂z at the two hidden neurons. */
  dHidden: [number, number];
  /** ∂L/∂w for the hidden → output weights. */
  dw2: [number, number];
  /** ∂L/∂w for input i → hidden j, as dw1[i][j]. */
  dw1: [[number, number], [number, number]];
  /** Hidden → output weights after one gradient-descent step. */
  newW2: [number, number];
}

const num = (v: number | undefined) => v ?? NaN;

export function stepsTrace(p: StepProblem): StepsTrace {
  const xs = [p.x];
  const ys = [[p.y]];
  const tr = forward(p.net, xs, ys, 'meanSquaredError');
  const g = backward(p.net, xs, ys, 'meanSquaredError', tr);
  const next = sgdUpdate(p.net, g, STEPS_LEARNING_RATE);
  const row = (m: number[][]) => m[0] ?? [];
  return {
    z: [num(row(tr.z1)[0]), num(row(tr.z1)[1])],
    h: [num(row(tr.a1)[0]), num(row(tr.a1)[1])],
    zOut: num(row(tr.z2)[0]),
    out: num(row(tr.a2)[0]),
    loss: tr.loss,
    dOut: num(row(g.dz2)[0]),
    dHidden: [num(row(g.dz1)[0]), num(row(g.dz1)[1])],
    dw2: [num(g.dw2[0]?.[0]), num(g.dw2[1]?.[0])],
    dw1: [
      [num(g.dw1[0]?.[0]), num(g.dw1[0]?.[1])],
      [num(g.dw1[1]?.[0]), num(g.dw1[1]?.[1])],
    ],
    newW2: [num(next.w2[0]?.[0]), num(next.w2[1]?.[0])],
  };
}

/** Numbers the diagram can show, each revealed once the question that needs it has been checked. */
export type RevealKey =
  | 'z1' | 'h1' | 'z2' | 'h2' | 'zOut' | 'out' | 'loss' | 'dOut' | 'dHidden' | 'dw2' | 'dw1' | 'newW2';

/**
 * What checking each question reveals. After h₁ the diagram also shows h₂ (worked out the same
 * way) so the player can go on to the output; after ∂L/∂w₁ every hidden δ and input gradient.
 */
const REVEALS: Readonly<Record<StepQuestion['key'], readonly RevealKey[]>> = {
  z1: ['z1'],
  h1: ['h1', 'z2', 'h2'],
  out: ['zOut', 'out'],
  loss: ['loss'],
  dout: ['dOut'],
  dw2: ['dw2'],
  dw1: ['dHidden', 'dw1'],
  neww2: ['newW2'],
};

/** The numbers visible after the first `checked` questions (in order) have been checked. */
export function revealed(questions: readonly StepQuestion[], checked: number): Set<RevealKey> {
  return new Set(questions.slice(0, Math.max(0, checked)).flatMap((q) => REVEALS[q.key]));
}

/**
 * A typed answer as a number: decimal comma, typographic minus and spaces are accepted; null when
 * it is not a finite number.
 */
export function parseAnswer(text: string): number | null {
  const cleaned = text.trim().replace(/\s+/g, '').replace(/[−–]/g, '-').replace(',', '.');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const v = Number(cleaned);
  return Number.isFinite(v) ? v : null;
}

/** Numbers on the diagram and in the feedback: four decimals, a real minus sign. */
export function fmt(v: number, decimals = 4): string {
  if (!Number.isFinite(v)) return '—';
  const s = (Object.is(Math.round(v * 10 ** decimals), -0) ? 0 : v).toFixed(decimals);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** A seed the server accepts (0 .. 2³¹−1) from 32 random bits. */
export const seedFromBits = (bits: number) => (bits >>> 1) & 0x7fffffff;
