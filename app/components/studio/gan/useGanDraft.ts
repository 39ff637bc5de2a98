'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LockedHyper } from '../../../../game/room/settings';
import type { ModelSpec } from '../../../../models/spec';
import { chooseStart, DRAFT_MAX_AGE_MS, draftStorageKey, parseDraft, serializeDraft, type DraftScope } from '../drafts';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The GAN editor's spec, kept in this browser per challenge (solo) or per round, as the ordinary
 * studio keeps its drafts (drafts.ts, the same keys and rules): a reproduce or preset link wins over
 * the draft, a round's locks over everything. The draft is read after mount (the page is rendered on
 * the server, which has no storage) and written on every edit that parses; `reset` forgets it.
 */
export function useGanDraft(opts: { scope: DraftScope; challengeId: string; base: ModelSpec; baseSource: 'run' | 'preset' | 'default'; defaults: ModelSpec; locked: LockedHyper }) {
  const { scope, challengeId, base, baseSource, defaults, locked } = opts;
  const key = draftStorageKey(scope);
  const [spec, setSpecState] = useState<ModelSpec>(() => chooseStart({ base, baseSource, draft: null, locked }).spec);
  const [restored, setRestored] = useState(false);
  const edited = useRef(false);
  const maxAge = DRAFT_MAX_AGE_MS[scope.kind];

  useEffect(() => {
    const draft = parseDraft(storage()?.getItem(key) ?? null, challengeId, Date.now(), maxAge);
    const start = chooseStart({ base, baseSource, draft, locked });
    if (!edited.current && start.restored) {
      setSpecState(start.spec);
      setRestored(true);
    }
    // Once per page: a draft read later would overwrite the student's edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const setSpec = useCallback((next: ModelSpec) => {
    edited.current = true;
    setSpecState(next);
    const text = serializeDraft(challengeId, next, Date.now());
    if (text !== null) storage()?.setItem(key, text);
  }, [challengeId, key]);

  const reset = useCallback(() => {
    edited.current = true;
    storage()?.removeItem(key);
    setSpecState(defaults);
    setRestored(false);
  }, [defaults, key]);

  return { spec, setSpec, reset, restored };
}
