/**
 * A trained but unsubmitted model, kept in this browser's IndexedDB so a reload does not cost the
 * student a retrain: the spec, the weights and what the page shows of the run (curves, validation
 * predictions, backend). Pure: building the record and checking one read back; app/components/studio/
 * idb.ts stores it. What a record claims is only shown here; the server scores the weights itself.
 */
import type { RestoredRun, TrainerState } from '../../challenges/[id]/useTrainer';
import { inferShapes } from '../../../models/shapes';
import { modelSpecSchema, type ModelSpec } from '../../../models/spec';
import { sameSpec } from './drafts';

export const SAVED_MODEL_VERSION = 1;
/** Trained models kept at most (the newest); a big image model's weights are under 1 MB. */
export const SAVED_MODELS_MAX = 12;
/** A trained model older than this is not offered (a room's round is long over by then). */
export const SAVED_MODEL_MAX_AGE_MS = 7 * 24 * 3600_000;

export interface SavedModelRecord {
  v: number;
  challengeId: string;
  savedAt: number;
  run: RestoredRun;
}

/**
 * The run to keep, or null when there is none the page could submit: not finished, or trained on a
 * practice gate (`scoredTag` names the data a submittable run trained on: the scored gate or 'data').
 */
export function submittableRun(state: TrainerState, scoredTag: string): RestoredRun | null {
  if (state.phase !== 'done' || !state.result || !state.trainedSpec || state.dataTag !== scoredTag) return null;
  const { trainedSpec, result, epochs, curve, backend, progress, dataTag, probe, gradients } = state;
  return { trainedSpec, result, epochs, curve, backend, progress, dataTag, probe, gradients };
}

export const modelRecord = (challengeId: string, run: RestoredRun, now: number): SavedModelRecord => ({ v: SAVED_MODEL_VERSION, challengeId, savedAt: now, run });

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Whether the result part can be drawn and submitted: typed arrays and numbers where the page reads them. */
function resultIsWhole(result: RestoredRun['result']): boolean {
  if (!result || typeof result !== 'object') return false;
  return result.weights instanceof ArrayBuffer && result.valPredictions instanceof Int32Array && typeof result.stopped === 'boolean'
    && finite(result.elapsedMs) && finite(result.samplesPerSecond) && (result.bestEpoch === undefined || finite(result.bestEpoch));
}

export interface RestoreContext {
  challengeId: string;
  /** The spec in the editor now: a model of another spec is not offered (the student moved on). */
  spec: ModelSpec;
  inputShape: readonly number[];
  numClasses: number;
  now: number;
}

/**
 * The run to put back in the studio, or null: another version or challenge, too old, a spec the
 * schema refuses or other than the editor's, or weights of the wrong length for that spec.
 */
export function restorableRun(record: unknown, ctx: RestoreContext): RestoredRun | null {
  if (record === null || typeof record !== 'object') return null;
  const r = record as Partial<SavedModelRecord>;
  if (r.v !== SAVED_MODEL_VERSION || r.challengeId !== ctx.challengeId || !finite(r.savedAt) || !r.run) return null;
  if (ctx.now - r.savedAt > SAVED_MODEL_MAX_AGE_MS) return null;
  const run = r.run;
  const spec = modelSpecSchema.safeParse(run.trainedSpec);
  if (!spec.success || !sameSpec(spec.data, ctx.spec) || !resultIsWhole(run.result)) return null;
  if (!Array.isArray(run.epochs) || !Array.isArray(run.curve) || !Array.isArray(run.gradients)) return null;
  const shapes = inferShapes(spec.data, ctx.inputShape, ctx.numClasses);
  if (!shapes.ok || run.result!.weights.byteLength !== shapes.totalParams * Float32Array.BYTES_PER_ELEMENT) return null;
  const { result, epochs, curve, backend, progress, dataTag, probe, gradients } = run;
  return { trainedSpec: spec.data, result, epochs, curve, backend: backend ?? null, progress: progress ?? null, dataTag: dataTag ?? null, probe: probe ?? null, gradients };
}

/** Keys to delete: unreadable records, those past the age limit, and all but the newest SAVED_MODELS_MAX. */
export function staleModelKeys(entries: readonly (readonly [string, unknown])[], now: number): string[] {
  const dated = entries.map(([key, value]) => {
    const r = value as Partial<SavedModelRecord> | null;
    const savedAt = r && typeof r === 'object' && r.v === SAVED_MODEL_VERSION && finite(r.savedAt) ? r.savedAt : null;
    return { key, savedAt };
  });
  const stale = dated.filter((d) => d.savedAt === null || now - d.savedAt > SAVED_MODEL_MAX_AGE_MS).map((d) => d.key);
  const kept = dated.filter((d) => !stale.includes(d.key)).sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
  return [...stale, ...kept.slice(SAVED_MODELS_MAX).map((d) => d.key)];
}
