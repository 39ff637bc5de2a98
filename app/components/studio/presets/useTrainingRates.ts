'use client';
import { useEffect, useState } from 'react';
import type { Shape } from '../../../../models/shapes';
import type { BatchProgress } from '../../../../models/train';
import type { TrainerState } from '../../../challenges/[id]/useTrainer';
import { costKey, forwardMacs, parseRates, rateSince, RATES_STORAGE_KEY, withRate, type MeasuredRate } from './estimate';

function readRates(): MeasuredRate[] {
  try {
    return parseRates(window.localStorage.getItem(RATES_STORAGE_KEY));
  } catch {
    return [];
  }
}

function writeRates(rates: MeasuredRate[]): void {
  try {
    window.localStorage.setItem(RATES_STORAGE_KEY, JSON.stringify(rates));
  } catch {
    // Storage full or blocked: the estimate is only advice; this run's rate still shows live.
  }
}

/**
 * The training rates measured in this browser (React state, kept in localStorage), and the live
 * rate of the run in progress, from its first batches. A run's rate is stored once its warm-up
 * batches are measured and again when it ends (over the whole run), so the next run's estimate
 * (this model or, scaled, another) is there before Train is pressed.
 */
export function useTrainingRates(state: TrainerState, model: { inputShape: Shape; numClasses: number }) {
  const [rates, setRates] = useState<MeasuredRate[]>([]);
  const [first, setFirst] = useState<{ runId: number; point: BatchProgress } | null>(null);
  const [recorded, setRecorded] = useState<{ runId: number; final: boolean } | null>(null);
  useEffect(() => setRates(readRates()), []);

  const p = state.progress;
  const runFirst = first && first.runId === state.runId ? first.point : null;
  useEffect(() => {
    if (p && (!first || first.runId !== state.runId)) setFirst({ runId: state.runId, point: p });
  }, [p, first, state.runId]);

  const liveRate = runFirst && p ? rateSince(runFirst, p) : null;
  const done = state.phase === 'done' && state.result !== null;
  const { inputShape, numClasses } = model;
  useEffect(() => {
    const spec = state.trainedSpec;
    const backend = state.backend?.backend;
    if (liveRate === null || !spec || !backend) return;
    if (recorded?.runId === state.runId && (recorded.final || !done)) return;
    const macs = forwardMacs(spec, inputShape, numClasses);
    if (macs === null || macs <= 0) return;
    const next = withRate(readRates(), { key: costKey(spec), backend, macs, samplesPerSecond: liveRate, at: Date.now() });
    writeRates(next);
    setRates(next);
    setRecorded({ runId: state.runId, final: done });
  }, [liveRate, done, recorded, state.runId, state.trainedSpec, state.backend, inputShape, numClasses]);

  return { rates, liveRate };
}
