/**
 * The step-through challenge's questions: one tiny network (2 inputs, 2 sigmoid hidden neurons,
 * 1 sigmoid output, MSE) and one example, both from a seed. The player works through forward
 * propagation, the loss, back propagation and the update; the server recomputes every answer.
 */
import { backward, forward, sgdUpdate, type TinyNet } from './stepthrough';
import { mulberry32 } from '../random';

export const STEPS_LEARNING_RATE = 0.5;

export type StepStage = 'forward' | 'loss' | 'backward' | 'update';

export interface StepQuestion {
  /** Stable key for the catalogue text ("steps.q.h1"). */
  key: 'z1' | 'h1' | 'out' | 'loss' | 'dout' | 'dw2' | 'dw1' | 'neww2';
  stage: StepStage;
  answer: number;
}

export interface StepProblem {
  net: TinyNet;
  /** One example: inputs and target. */
  x: [number, number];
  y: number;
  questions: StepQuestion[];
}

/** Weights rounded to one decimal so the sums can be done by hand. */
const round1 = (v: number) => Math.round(v * 10) / 10;

export function stepProblem(seed: number): StepProblem {
  const rand = mulberry32(seed);
  const w = () => round1(rand() * 2 - 1) || 0.5;
  const net: TinyNet = {
    w1: [[w(), w()], [w(), w()]],
    b1: [round1(rand() - 0.5), round1(rand() - 0.5)],
    w2: [[w()], [w()]],
    b2: [round1(rand() - 0.5)],
    hidden: 'sigmoid',
    output: 'sigmoid',
  };
  // Never 0: an input of 0 would make its weight's gradient 0 whatever the player computes.
  const x: [number, number] = [rand() < 0.5 ? 0.5 : 1, 1];
  const y = rand() < 0.5 ? 0 : 1;
  const xs = [x];
  const ys = [[y]];
  const trace = forward(net, xs, ys, 'meanSquaredError');
  const g = backward(net, xs, ys, 'meanSquaredError', trace);
  const next = sgdUpdate(net, g, STEPS_LEARNING_RATE);
  const at = (m: number[][], i: number, j: number) => m[i]?.[j] ?? NaN;
  const questions: StepQuestion[] = [
    { key: 'z1', stage: 'forward', answer: at(trace.z1, 0, 0) },
    { key: 'h1', stage: 'forward', answer: at(trace.a1, 0, 0) },
    { key: 'out', stage: 'forward', answer: at(trace.a2, 0, 0) },
    { key: 'loss', stage: 'loss', answer: trace.loss },
    { key: 'dout', stage: 'backward', answer: at(g.dz2, 0, 0) },
    { key: 'dw2', stage: 'backward', answer: at(g.dw2, 0, 0) },
    { key: 'dw1', stage: 'backward', answer: at(g.dw1, 0, 0) },
    { key: 'neww2', stage: 'update', answer: at(next.w2, 0, 0) },
  ];
  return { net, x, y, questions };
}

/** Right within 0.005 or 2 %: answers are typed with two or three decimals. */
export function isCloseEnough(given: number, expected: number): boolean {
  return Math.abs(given - expected) <= Math.max(0.005, 0.02 * Math.abs(expected));
}

/** How many of `answers` (in question order; missing ones count as wrong) are right. */
export function gradeSteps(seed: number, answers: readonly number[]): { correct: number; total: number } {
  const { questions } = stepProblem(seed);
  const correct = questions.filter((q, i) => {
    const a = answers[i];
    return a !== undefined && Number.isFinite(a) && isCloseEnough(a, q.answer);
  }).length;
  return { correct, total: questions.length };
}
