'use client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { BackendChoice } from '../../../../models/backend';
import type { BackendName } from '../../../../models/backend-names';
import type { ModelSpec } from '../../../../models/spec';
import type { FromGanWorker, GanSnapshot, LossPoint, ToGanWorker } from './gan-protocol';
import type { GanView } from './gan-plane';

export type GanPhase = 'idle' | 'starting' | 'training' | 'stopping' | 'done' | 'error';

export interface GanTrainerState {
  /** Increments with every run, so views of an older run can reset. */
  runId: number;
  phase: GanPhase;
  backend: BackendChoice | null;
  /** Rounds the run will take (from the worker, once it built the pair). */
  totalSteps: number;
  losses: LossPoint[];
  elapsedMs: number;
  snapshot: GanSnapshot | null;
  result: { weights: ArrayBuffer; stopped: boolean; steps: number; elapsedMs: number } | null;
  /** The spec that produced `result` (edits after training do not change what is submitted). */
  trainedSpec: ModelSpec | null;
  /** What the run trained on: a target id or 'drawn'. */
  target: string | null;
  error: string | null;
}

export type GanAction = { type: 'start'; spec: ModelSpec; target: string } | { type: 'stop' } | FromGanWorker;

export const INITIAL_GAN: GanTrainerState = {
  runId: 0, phase: 'idle', backend: null, totalSteps: 0, losses: [], elapsedMs: 0, snapshot: null, result: null, trainedSpec: null, target: null, error: null,
};

/** The run's state machine: it starts, the worker reports, it ends. Pure. */
export function ganReducer(state: GanTrainerState, action: GanAction): GanTrainerState {
  switch (action.type) {
    case 'start':
      return { ...INITIAL_GAN, runId: state.runId + 1, phase: 'starting', trainedSpec: action.spec, target: action.target };
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

/** Owns the GAN worker for the page's lifetime; a new run reuses it. */
export function useGanTrainer() {
  const [state, dispatch] = useReducer(ganReducer, INITIAL_GAN);
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  const start = useCallback((spec: ModelSpec, target: string, data: { real: Float32Array; view: GanView; viewNoise: Float32Array }, prefer?: BackendName) => {
    if (!worker.current) {
      worker.current = new Worker(new URL('./gan.worker.ts', import.meta.url), { type: 'module' });
      worker.current.onmessage = (e: MessageEvent<FromGanWorker>) => dispatch(e.data);
      worker.current.onerror = (e) => {
        // A worker that failed to load or crashed is not reused: the next run starts a fresh one.
        worker.current?.terminate();
        worker.current = null;
        dispatch({ type: 'error', message: e.message || 'the training worker failed' });
      };
    }
    dispatch({ type: 'start', spec, target });
    const msg: ToGanWorker = { type: 'start', spec, prefer, real: data.real, view: data.view, viewNoise: data.viewNoise };
    worker.current.postMessage(msg);
  }, []);

  const stop = useCallback(() => {
    dispatch({ type: 'stop' });
    worker.current?.postMessage({ type: 'stop' } satisfies ToGanWorker);
  }, []);

  return { state, start, stop };
}
