'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ModelChallenge } from '../../../game/challenges';
import { applyLocked, type LockedHyper } from '../../../game/room/settings';
import type { ModelSpec } from '../../../models/spec';
import type { RestoredRun, TrainerState } from '../../challenges/[id]/useTrainer';
import { chooseStart, DRAFT_MAX_AGE_MS, draftStorageKey, parseDraft, sameSpec, scopeKey, serializeDraft, staleDraftKeys, type DraftScope } from './drafts';
import { idbDelete, idbEntries, idbGet, idbPut } from './idb';
import { modelRecord, restorableRun, staleModelKeys, submittableRun } from './saved-model';

function readLocal(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeLocal(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Private mode or a full quota: the studio works, it only forgets on reload.
  }
}

function pruneDrafts(now: number): void {
  try {
    const store = window.localStorage;
    const entries = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => k !== null).map((k) => [k, store.getItem(k)] as const);
    for (const key of staleDraftKeys(entries, now)) store.removeItem(key);
  } catch {
    // As above.
  }
}

interface DraftOptions {
  scope: DraftScope;
  challengeId: string;
  base: ModelSpec;
  baseSource: 'run' | 'preset' | 'default';
  defaults: ModelSpec;
  locked: LockedHyper;
}

/**
 * The editor's spec, restored from the draft after mount (the page is rendered on the server, which
 * has no storage) and saved on every change the student makes. `start` is the spec the studio
 * started from once decided (null until then).
 */
function useSpecDraft({ scope, challengeId, base, baseSource, defaults, locked }: DraftOptions) {
  const key = draftStorageKey(scope);
  // What the studio shows before any draft is read: the link's or the default spec, under the locks.
  const first = useMemo(() => applyLocked(locked, base), [locked, base]);
  const [spec, setSpec] = useState(first);
  const [start, setStart] = useState<ModelSpec | null>(null);
  const [restored, setRestored] = useState<ModelSpec | null>(null);
  // The spec as loaded, not edited: never written back (a preset link does not overwrite the draft).
  const untouched = useRef<ModelSpec>(first);
  useEffect(() => {
    const now = Date.now();
    pruneDrafts(now);
    const raw = readLocal(key);
    const draft = parseDraft(raw, challengeId, now, DRAFT_MAX_AGE_MS[scope.kind]);
    if (raw !== null && draft === null) writeLocal(key, null);
    const chosen = chooseStart({ base, baseSource, draft, locked });
    if (chosen.restored) {
      untouched.current = chosen.spec;
      setSpec(chosen.spec);
      setRestored(chosen.spec);
    }
    setStart(chosen.restored ? chosen.spec : first);
    // Once per studio: its key, base and locks are fixed for its lifetime (a new round remounts it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => {
    // `first` too: on mount this effect runs after the restore above, still with the first render's spec.
    if (spec === untouched.current || spec === first) return;
    if (sameSpec(spec, defaults)) return writeLocal(key, null);
    const text = serializeDraft(challengeId, spec, Date.now());
    if (text !== null) writeLocal(key, text);
  }, [spec, key, challengeId, defaults, first]);
  return { key, spec, setSpec, start, restoredSpec: restored };
}

interface ModelOptions {
  scope: DraftScope;
  challenge: ModelChallenge;
  spec: ModelSpec;
  start: ModelSpec | null;
  state: TrainerState;
  scoredTag: string;
  restore: (run: RestoredRun) => void;
}

/**
 * The trained, unsubmitted model in IndexedDB: put back once the start spec is known (when it was
 * trained from that spec), replaced by each run the page could submit, deleted once submitted or
 * when the spec in the editor moves away from it. Writes run one after another, in order.
 */
function useSavedModel({ scope, challenge, spec, start, state, scoredTag, restore }: ModelOptions) {
  const key = scopeKey(scope);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const enqueue = useCallback((op: () => Promise<void>) => void (queue.current = queue.current.then(op, op)), []);
  const storedSpec = useRef<ModelSpec | null>(null);
  const handledRun = useRef(0);
  // The restored run's result object: it identifies that run in the trainer's state (not saved again).
  const [restoredResult, setRestoredResult] = useState<RestoredRun['result']>(null);
  const live = useRef({ spec, state });
  live.current = { spec, state };

  useEffect(() => {
    if (!start) return;
    let active = true;
    void idbGet(key).then((record) => {
      const { spec: now, state: trainer } = live.current;
      if (!active || record === undefined) return;
      const run = restorableRun(record, { challengeId: challenge.id, spec: now, inputShape: challenge.inputShape, numClasses: challenge.numClasses, now: Date.now() });
      if (!run) return enqueue(() => idbDelete(key));
      if (trainer.phase !== 'idle') return;
      storedSpec.current = run.trainedSpec;
      setRestoredResult(run.result);
      restore(run);
    });
    return () => {
      active = false;
    };
  }, [start, key, challenge, restore, enqueue]);

  useEffect(() => {
    if (state.phase !== 'done' || state.runId === handledRun.current) return;
    handledRun.current = state.runId;
    if (state.result !== null && state.result === restoredResult) return;
    const run = submittableRun(state, scoredTag);
    storedSpec.current = run?.trainedSpec ?? null;
    if (!run) return enqueue(() => idbDelete(key));
    const record = modelRecord(challenge.id, run, Date.now());
    enqueue(async () => {
      await idbPut(key, record);
      const stale = staleModelKeys(await idbEntries(), Date.now());
      for (const k of stale) await idbDelete(k);
    });
  }, [state, scoredTag, key, challenge.id, enqueue, restoredResult]);

  useEffect(() => {
    if (!storedSpec.current || sameSpec(spec, storedSpec.current)) return;
    storedSpec.current = null;
    enqueue(() => idbDelete(key));
  }, [spec, key, enqueue]);

  const forget = useCallback(() => {
    storedSpec.current = null;
    enqueue(() => idbDelete(key));
  }, [key, enqueue]);
  return { restoredResult, forget };
}

export interface PersistenceOptions extends DraftOptions {
  challenge: ModelChallenge;
  state: TrainerState;
  scoredTag: string;
  restore: (run: RestoredRun) => void;
  clear: () => void;
}

/**
 * The studio's work kept in this browser (drafts.ts, saved-model.ts): the spec to edit, what was
 * restored (for the notice), `reset` to start over from the defaults and `submitted` once the
 * server accepted the trained model.
 */
export function useStudioPersistence(opts: PersistenceOptions) {
  const { spec, setSpec, start, restoredSpec, key } = useSpecDraft(opts);
  const { restoredResult, forget } = useSavedModel({ ...opts, spec, start });
  const { defaults, clear } = opts;
  const reset = useCallback(() => {
    writeLocal(key, null);
    forget();
    clear();
    setSpec(defaults);
  }, [key, forget, clear, setSpec, defaults]);
  return {
    spec,
    setSpec,
    reset,
    submitted: forget,
    /** Shown while the student has not moved on from what came back. */
    restored: { spec: restoredSpec !== null && restoredSpec === spec, model: restoredResult !== null && restoredResult === opts.state.result },
  };
}
