'use client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { BackendChoice } from '../../../models/backend';
import type { BackendName } from '../../../models/backend-names';
import type { Examples } from '../../../models/challenge-data';
import type { ModelSpec } from '../../../models/spec';
import type { BatchProgress, EpochLog } from '../../../models/train';
import type { FromWorker, ToWorker } from './worker-protocol';

export type Phase = 'idle' | 'starting' | 'training' | 'stopping' | 'done' | 'error';

/** One point per batch on the curves; validation values only at epoch ends. */
export interface CurvePoint {
  /** Fractional epoch (1.0 = end of the first epoch). */
  x: number;
  loss: number;
  acc: number;
  valLoss: number | null;
  valAcc: number | null;
}

export interface TrainerState {
  /** Increments with every run, so views of an older run can reset. */
  runId: number;
  phase: Phase;
  backend: BackendChoice | null;
  progress: BatchProgress | null;
  epochs: EpochLog[];
  curve: CurvePoint[];
  result: { stopped: boolean; valPredictions: Int32Array; weights: ArrayBuffer; samplesPerSecond: number; elapsedMs: number } | null;
  /** The spec that produced `result` (edits after training do not change what is submitted). */
  trainedSpec: ModelSpec | null;
  error: string | null;
}

type Action = { type: 'start'; spec: ModelSpec } | { type: 'stop' } | FromWorker;

const INITIAL: TrainerState = { runId: 0, phase: 'idle', backend: null, progress: null, epochs: [], curve: [], result: null, trainedSpec: null, error: null };

function reduce(state: TrainerState, action: Action): TrainerState {
  switch (action.type) {
    case 'start':
      return { ...INITIAL, runId: state.runId + 1, phase: 'starting', trainedSpec: action.spec };
    case 'stop':
      return state.phase === 'training' || state.phase === 'starting' ? { ...state, phase: 'stopping' } : state;
    case 'backend':
      return { ...state, backend: action.choice, phase: state.phase === 'stopping' ? 'stopping' : 'training' };
    case 'batch': {
      const p = action.progress;
      const point = { x: p.epoch + (p.batch + 1) / p.batchesPerEpoch, loss: p.loss, acc: p.acc, valLoss: null, valAcc: null };
      return { ...state, progress: p, curve: [...state.curve, point] };
    }
    case 'epoch': {
      const curve = state.curve.slice();
      const last = curve.at(-1);
      if (last) curve[curve.length - 1] = { ...last, valLoss: action.log.valLoss ?? null, valAcc: action.log.valAcc ?? null };
      return { ...state, epochs: [...state.epochs, action.log], curve };
    }
    case 'done': {
      const { type: _type, ...result } = action;
      return { ...state, phase: 'done', result };
    }
    case 'error':
      return { ...state, phase: 'error', error: action.message };
  }
}

/** Owns the training worker for the page's lifetime; a new run reuses it. */
export function useTrainer() {
  const [state, dispatch] = useReducer(reduce, INITIAL);
  const worker = useRef<Worker | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  const start = useCallback((spec: ModelSpec, data: { train: Examples; val: Examples }, inputShape: readonly number[], numClasses: number, prefer?: BackendName) => {
    if (!worker.current) {
      worker.current = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
      worker.current.onmessage = (e: MessageEvent<FromWorker>) => dispatch(e.data);
      worker.current.onerror = (e) => {
        // A worker that failed to load or crashed is not reused: the next run starts a fresh one.
        worker.current?.terminate();
        worker.current = null;
        dispatch({ type: 'error', message: e.message || 'the training worker failed' });
      };
    }
    dispatch({ type: 'start', spec });
    const msg: ToWorker = { type: 'start', spec, prefer, inputShape: [...inputShape], numClasses, train: data.train, val: data.val };
    worker.current.postMessage(msg);
  }, []);

  const stop = useCallback(() => {
    dispatch({ type: 'stop' });
    worker.current?.postMessage({ type: 'stop' } satisfies ToWorker);
  }, []);

  return { state, start, stop };
}
