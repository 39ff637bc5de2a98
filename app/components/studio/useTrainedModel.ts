'use client';
import { useEffect, useState } from 'react';
import type { ModelChallenge } from '../../../game/challenges';
import type { ModelSpec } from '../../../models/spec';

export type LoadedModel<M> = { kind: 'loading' } | { kind: 'ready'; model: M } | { kind: 'error'; message: string };

/** Rebuilds a trained model in the page; imports its tfjs module on demand, so tfjs loads only where a view needs it. */
export type ModelLoader<M> = (spec: ModelSpec, weights: ArrayBuffer, challenge: ModelChallenge) => Promise<M>;

/**
 * The trained model of a run, rebuilt in the page for a view (the hand camera, the autoencoder's and
 * the sequences' views): loading, ready or failed, and freed when the run changes or the view
 * closes. `load` is an effect dependency: pass a module-level function.
 */
export function useTrainedModel<M extends { dispose(): void }>(load: ModelLoader<M>, spec: ModelSpec, weights: ArrayBuffer, challenge: ModelChallenge): LoadedModel<M> {
  const [loaded, setLoaded] = useState<LoadedModel<M>>({ kind: 'loading' });
  useEffect(() => {
    let alive = true;
    let model: M | null = null;
    setLoaded({ kind: 'loading' });
    load(spec, weights, challenge)
      .then((m) => {
        model = m;
        if (alive) setLoaded({ kind: 'ready', model: m });
        else m.dispose();
      })
      .catch((e: unknown) => alive && setLoaded({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      alive = false;
      model?.dispose();
    };
  }, [load, spec, weights, challenge]);
  return loaded;
}
