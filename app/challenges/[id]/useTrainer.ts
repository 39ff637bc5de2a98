'use client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { BackendChoice } from '../../../models/backend';
import type { BackendName } from '../../../models/backend-names';
import type { Examples } from '../../../models/challenge-data';
import type { Probe, ProbeView } from '../../../models/probe';
import type { ModelSpec } from '../../../models/spec';
import type { BatchProgress, EpochLog } from '../../../models/train';
import type { RunRecord } from './viz/runs';
import type { FromWorker, ToWorker } from './worker-protocol';

export type Phase = 'idle' | 'starting' | 'training' | 'stopping' | 'done' | 'error';

/** One point per batch on the curves; validation values only at epoch ends. */
export interface CurvePoint {
  /** Fractional epoch (1.0 = end of the first epoch). */
  x: number;
  /** Training examples seen so far in the run (after this batch). */
  seen: number;
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
  result: Omit<Extract<FromWorker, { type: 'done' }>, 'type'> | null;
  /** The spec that produced `result` (edits after training do not change what is submitted). */
  trainedSpec: ModelSpec | null;
  /** What the run trained on, as the page named it at start (e.g. a practice gate). */
  dataTag: string | null;
  /** The newest probe of the live model (2-D inputs only). */
  probe: Probe | null;
  /** Gradient magnitudes per dense layer, one entry per probe that measured them (epoch 0 first). */
  gradients: { at: number; values: number[] }[];
  /** The last run that finished before this one, kept to be drawn beside it. */
  previous: RunRecord | null;
  error: string | null;
}

/** A finished run brought back from this browser's storage (app/components/studio/saved-model.ts). */
export type RestoredRun = Pick<TrainerState, 'trainedSpec' | 'result' | 'epochs' | 'curve' | 'backend' | 'progress' | 'dataTag' | 'probe' | 'gradients'>;

export type TrainerAction =
  | { type: 'start'; spec: ModelSpec; tag: string | null }
  | { type: 'stop' }
  /** Only into an idle trainer: a run the student started meanwhile is never replaced. */
  | { type: 'restore'; run: RestoredRun }
  /** Start over: forget the finished run (ignored while one is training). */
  | { type: 'clear' }
  | FromWorker;

export const INITIAL_TRAINER: TrainerState = {
  runId: 0, phase: 'idle', backend: null, progress: null, epochs: [], curve: [], result: null, trainedSpec: null, dataTag: null, probe: null, gradients: [], previous: null, error: null,
};

/** A finished run's curves, or null when `state` holds no finished run. */
function recordOf(state: TrainerState): RunRecord | null {
  if (state.phase !== 'done' || !state.trainedSpec || !state.result) return null;
  const { loss, batchSize } = state.trainedSpec.training;
  const batches = state.curve.map((c) => ({ seen: c.seen, loss: c.loss }));
  return { runId: state.runId, tag: state.dataTag, loss, batchSize, epochs: state.epochs, batches, stopped: state.result.stopped };
}

/** The state with `probe` as the newest one, its gradients appended when it has some. */
function withProbe(state: TrainerState, probe: Probe | undefined): TrainerState {
  if (!probe) return state;
  const gradients = probe.gradients ? [...state.gradients, { at: probe.at, values: probe.gradients }] : state.gradients;
  return { ...state, probe, gradients };
}

/** The trainer's state machine: a run starts, the worker reports, the run ends. */
export function trainerReducer(state: TrainerState, action: TrainerAction): TrainerState {
  switch (action.type) {
    case 'start':
      return { ...INITIAL_TRAINER, runId: state.runId + 1, phase: 'starting', trainedSpec: action.spec, dataTag: action.tag, previous: recordOf(state) ?? state.previous };
    case 'stop':
      return state.phase === 'training' || state.phase === 'starting' ? { ...state, phase: 'stopping' } : state;
    case 'restore':
      return state.phase === 'idle' ? { ...INITIAL_TRAINER, ...action.run, runId: state.runId + 1, phase: 'done' } : state;
    case 'clear':
      return state.phase === 'done' || state.phase === 'error' ? { ...INITIAL_TRAINER, runId: state.runId + 1 } : state;
    case 'backend':
      return { ...state, backend: action.choice, phase: state.phase === 'stopping' ? 'stopping' : 'training' };
    case 'batch': {
      const p = action.progress;
      const point = { x: p.epoch + (p.batch + 1) / p.batchesPerEpoch, seen: p.samplesSeen, loss: p.loss, acc: p.acc, valLoss: null, valAcc: null };
      return { ...state, progress: p, curve: [...state.curve, point] };
    }
    case 'epoch': {
      const curve = state.curve.slice();
      const last = curve.at(-1);
      if (last) curve[curve.length - 1] = { ...last, valLoss: action.log.valLoss ?? null, valAcc: action.log.valAcc ?? null };
      return withProbe({ ...state, epochs: [...state.epochs, action.log], curve }, action.probe);
    }
    case 'probe':
      return withProbe(state, action.probe);
    case 'done': {
      const { type: _type, ...result } = action;
      return { ...state, phase: 'done', result };
    }
    case 'error':
      return { ...state, phase: 'error', error: action.message };
  }
}

export interface StartOptions {
  prefer?: BackendName;
  /** Probe the live model on this grid (2-D inputs). */
  probe?: ProbeView;
  /** Kept as `dataTag` on the run's state. */
  tag?: string;
  /** An autoencoder's output shape (its input's): the model rebuilds its input instead of classes. */
  outputShape?: readonly number[];
}

/** Owns the training worker for the page's lifetime; a new run reuses it. */
export function useTrainer() {
  const [state, dispatch] = useReducer(trainerReducer, INITIAL_TRAINER);
  const worker = useRef<Worker | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  const start = useCallback((spec: ModelSpec, data: { train: Examples; val: Examples }, inputShape: readonly number[], numClasses: number, opts: StartOptions = {}) => {
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
    dispatch({ type: 'start', spec, tag: opts.tag ?? null });
    const msg: ToWorker = { type: 'start', spec, prefer: opts.prefer, inputShape: [...inputShape], numClasses, train: data.train, val: data.val, probe: opts.probe, ...(opts.outputShape ? { outputShape: [...opts.outputShape] } : {}) };
    worker.current.postMessage(msg);
  }, []);

  const stop = useCallback(() => {
    dispatch({ type: 'stop' });
    worker.current?.postMessage({ type: 'stop' } satisfies ToWorker);
  }, []);

  const restore = useCallback((run: RestoredRun) => dispatch({ type: 'restore', run }), []);
  const clear = useCallback(() => dispatch({ type: 'clear' }), []);

  return { state, start, stop, restore, clear };
}
