'use client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { BackendChoice } from '../../../../models/backend';
import type { BackendName } from '../../../../models/backend-names';
import type { ModelSpec } from '../../../../models/spec';
import type { FromGanWorker, GanSnapshot, LossPoint, ToGanWorker } from './gan-protocol';

export type GanPhase = 'idle' | 'starting' | 'training' | 'stopping' | 'done' | 'error';

export interface GanTrainerState<S = GanSnapshot> {
  /** Increments with every run, so views of an older run can reset. */
  runId: number;
  phase: GanPhase;
  backend: BackendChoice | null;
  /** Rounds the run will take (from the worker, once it built the pair). */
  totalSteps: number;
  losses: LossPoint[];
  elapsedMs: number;
  /** The live view's latest picture of the pair (the points GAN's plane, the digit GAN's photos). */
  snapshot: S | null;
  result: { weights: ArrayBuffer; stopped: boolean; steps: number; elapsedMs: number } | null;
  /** The spec that produced `result` (edits after training do not change what is submitted). */
  trainedSpec: ModelSpec | null;
  /** What the run trained on: a target id or 'drawn' (the digit GAN: always its photos). */
  target: string | null;
  error: string | null;
}

export type GanAction<S = GanSnapshot> = { type: 'start'; spec: ModelSpec; target: string } | { type: 'stop' } | FromGanWorker<S>;

/** Before any run, whatever the live view's snapshots are. */
export function initialGan<S = GanSnapshot>(): GanTrainerState<S> {
  return { runId: 0, phase: 'idle', backend: null, totalSteps: 0, losses: [], elapsedMs: 0, snapshot: null, result: null, trainedSpec: null, target: null, error: null };
}

export const INITIAL_GAN: GanTrainerState = initialGan();

/** The run's state machine: it starts, the worker reports, it ends. Pure. */
export function ganReducer<S = GanSnapshot>(state: GanTrainerState<S>, action: GanAction<S>): GanTrainerState<S> {
  switch (action.type) {
    case 'start':
      return { ...initialGan<S>(), runId: state.runId + 1, phase: 'starting', trainedSpec: action.spec, target: action.target };
    case 'stop':
      return state.phase === 'training' || state.phase === 'starting' ? { ...state, phase: 'stopping' } : state;
    case 'backend':
      return { ...state, backend: action.choice, totalSteps: action.totalSteps, phase: state.phase === 'stopping' ? 'stopping' : 'training' };
    case 'losses':
      return { ...state, losses: [...state.losses, ...action.points], elapsedMs: action.elapsedMs };
    case 'snapshot':
      return { ...state, snapshot: action.snapshot };
    case 'done': {
      const { weights, stopped, steps, elapsedMs } = action;
      return { ...state, phase: 'done', snapshot: action.snapshot, elapsedMs, result: { weights, stopped, steps, elapsedMs } };
    }
    case 'error':
      return { ...state, phase: 'error', error: action.message };
  }
}

/** The points GAN's start message without its type, spec and backend: what the page adds for a run. */
export type PointsRunData = Omit<Extract<ToGanWorker, { type: 'start' }>, 'type' | 'spec' | 'prefer'>;

/** The points GAN's worker (a literal `new URL` here, so the bundler finds and bundles it). */
const pointsWorker = () => new Worker(new URL('./gan.worker.ts', import.meta.url), { type: 'module' });

/**
 * Owns a GAN worker for the page's lifetime; a new run reuses it. `createWorker`: which worker
 * (the points GAN's by default; the digit GAN passes its own); `D`: what a run sends it besides
 * the spec and the backend preference, `S`: the snapshots it sends back.
 */
export function useGanTrainer<S = GanSnapshot, D extends object = PointsRunData>(createWorker: () => Worker = pointsWorker) {
  const [state, dispatch] = useReducer(ganReducer<S>, undefined, initialGan<S>);
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  const start = useCallback((spec: ModelSpec, target: string, data: D, prefer?: BackendName) => {
    if (!worker.current) {
      worker.current = createWorker();
      worker.current.onmessage = (e: MessageEvent<FromGanWorker<S>>) => dispatch(e.data);
      worker.current.onerror = (e) => {
        // A worker that failed to load or crashed is not reused: the next run starts a fresh one.
        worker.current?.terminate();
        worker.current = null;
        dispatch({ type: 'error', message: e.message || 'the training worker failed' });
      };
    }
    dispatch({ type: 'start', spec, target });
    worker.current.postMessage({ type: 'start', spec, prefer, ...data });
  }, [createWorker]);

  const stop = useCallback(() => {
    dispatch({ type: 'stop' });
    worker.current?.postMessage({ type: 'stop' } satisfies ToGanWorker);
  }, []);

  return { state, start, stop };
}
