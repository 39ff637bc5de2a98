'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { modelChallenge, type ModelChallenge, type ModelChallengeId } from '../../../game/challenges';
import { isFeatureSplit } from '../../../models/challenge-data';
import { applyLocked, type LockedHyper } from '../../../game/room/settings';
import type { BackendName } from '../../../models/backend-names';
import { defaultSpec, tinySpec } from '../../../models/presets';
import { inferShapes } from '../../../models/shapes';
import type { ModelSpec } from '../../../models/spec';
import { HyperParams } from './HyperParams';
import { LayerEditor } from './LayerEditor';
import { collectProblems, type Problems } from './problems';
import { Results } from './Results';
import { SampleGrid } from './SampleGrid';
import { useRoomActivity, type StudioActivity } from '../../components/room/useRoomActivity';
import { SubmitPanel } from './SubmitPanel';
import { TrainingPanel } from './TrainingPanel';
import { useDataset } from './useDataset';
import { useTrainer, type TrainerState } from './useTrainer';

/** The studio inside a room round: the teacher's locks apply and submissions go to the round. */
export interface RoomMode {
  code: string;
  locked: LockedHyper;
  /** Submissions left in the round. */
  remaining: number;
  /** A submission was refused with this code. */
  onRefused: (code: string) => void;
}

/** ?preset=tiny is for quick checks and tests: the tiny model, always a single epoch. */
function initialSpec(challengeId: ModelChallengeId, preset: 'default' | 'tiny'): ModelSpec {
  if (preset === 'default') return defaultSpec(challengeId);
  const tiny = tinySpec(challengeId);
  return { ...tiny, training: { ...tiny.training, epochs: 1 } };
}

/** The layer editor, the parameter count against the budget, and the hyperparameters. */
function ModelSection({ challenge, spec, problems, busy, locked, onChange }: {
  challenge: ModelChallenge;
  spec: ModelSpec;
  problems: Problems;
  busy: boolean;
  locked?: LockedHyper;
  onChange: (spec: ModelSpec) => void;
}) {
  const t = useTranslations('train');
  const shapes = useMemo(() => {
    const s = inferShapes(spec, challenge.inputShape, challenge.numClasses);
    return s.ok ? s : null;
  }, [spec, challenge]);
  const params = shapes?.totalParams ?? null;
  return (
    <section aria-labelledby="model" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="model" className="text-lg font-semibold">{t('modelTitle')}</h2>
        <span data-testid="param-count" className={`text-sm tabular-nums ${params !== null && params > challenge.budget.maxParams ? 'font-semibold text-red-700' : 'text-slate-600'}`}>
          {t('paramCount', { params: params?.toLocaleString('en-US') ?? '—', budget: challenge.budget.maxParams.toLocaleString('en-US') })}
        </span>
        <button type="button" disabled={busy} onClick={() => onChange(applyLocked(locked ?? {}, defaultSpec(challenge.id)))} className="text-sm text-indigo-700 underline disabled:opacity-50">{t('resetDefault')}</button>
      </div>
      <LayerEditor layers={spec.layers} infos={shapes?.layers ?? null} inputShape={challenge.inputShape} issues={problems.byLayer} disabled={busy} onChange={(layers) => onChange({ ...spec, layers })} />
      {problems.other.map((m) => <p key={m} data-testid="spec-error" role="alert" className="text-sm text-red-700">{m}</p>)}
      {locked && Object.keys(locked).length > 0 && <p data-testid="locked-summary" className="rounded-lg bg-indigo-50 p-2 text-sm text-indigo-950 ring-1 ring-indigo-200">{t('lockedSummary')}</p>}
      <HyperParams training={spec.training} problems={problems.byField} disabled={busy} locked={locked} onChange={(training) => onChange({ ...spec, training })} />
    </section>
  );
}

/** The class wall's view of this studio: training while a run is on, submitted once this run was. */
function studioActivity(state: TrainerState, submittedRun: number | null): StudioActivity {
  const training = state.phase === 'starting' || state.phase === 'training' || state.phase === 'stopping';
  const last = state.curve.at(-1);
  return {
    activity: training ? 'training' : submittedRun !== null && submittedRun === state.runId ? 'submitted' : 'building',
    backend: state.backend?.backend ?? null,
    point: last ? { x: last.x, loss: last.loss, acc: last.acc } : null,
  };
}

/** `initial`: a spec to start from instead of the default (a reproduced run). */
export function Studio({ challengeId, prefer, preset, room, initial }: { challengeId: ModelChallengeId; prefer?: BackendName; preset: 'default' | 'tiny'; room?: RoomMode; initial?: ModelSpec }) {
  const t = useTranslations('train');
  const challenge = modelChallenge(challengeId);
  const [spec, setSpec] = useState<ModelSpec>(() => applyLocked(room?.locked ?? {}, initial ?? initialSpec(challengeId, preset)));
  const { data, error: dataError } = useDataset(challenge);
  const { state, start, stop } = useTrainer();
  const [submittedRun, setSubmittedRun] = useState<number | null>(null);
  const activity = studioActivity(state, submittedRun);
  const lastPoint = state.curve.at(-1);
  // Stable between batches, so the reporter only wakes up when something changed.
  const reported = useMemo<StudioActivity>(
    () => ({ activity: activity.activity, backend: activity.backend, point: lastPoint ? { x: lastPoint.x, loss: lastPoint.loss, acc: lastPoint.acc } : null }),
    [activity.activity, activity.backend, lastPoint],
  );
  useRoomActivity(room?.code ?? null, reported);
  const runId = state.runId;
  const onAccepted = useCallback(() => setSubmittedRun(runId), [runId]);

  const problems = useMemo(() => collectProblems(challenge, spec, t), [challenge, spec, t]);
  const busy = state.phase === 'starting' || state.phase === 'training' || state.phase === 'stopping';

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('intro', { goal: Math.round(challenge.goalAccuracy * 100) })}</p>
      </header>

      <section aria-labelledby="samples" className="flex flex-col gap-2">
        <h2 id="samples" className="text-lg font-semibold">{t('samplesTitle')}</h2>
        {data ? (isFeatureSplit(data.train) ? null : <SampleGrid train={data.train} />) : <p className="text-sm text-slate-500">{dataError ? t('dataFailed', { message: dataError }) : t('loadingData')}</p>}
        {data && <p className="text-xs text-slate-500">{t('dataSummary', { train: data.train.count, val: data.val.count })}</p>}
      </section>

      <ModelSection challenge={challenge} spec={spec} problems={problems} busy={busy} locked={room?.locked} onChange={setSpec} />

      <section aria-labelledby="training" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="training" className="text-lg font-semibold">{t('trainingTitle')}</h2>
          <button
            type="button"
            data-testid="train-button"
            disabled={!data || !problems.valid || busy}
            onClick={() => data && start(spec, data, challenge.inputShape, challenge.numClasses, prefer)}
            className="rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-50"
          >
            {state.phase === 'done' ? t('trainAgain') : t('train')}
          </button>
          <button type="button" data-testid="stop-button" disabled={state.phase !== 'training' && state.phase !== 'starting'} onClick={stop} className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100 disabled:opacity-40">
            {state.phase === 'stopping' ? t('stopping') : t('stop')}
          </button>
          {!problems.valid && <span className="text-sm text-red-700">{t('fixFirst')}</span>}
        </div>
        {state.phase !== 'idle' && <TrainingPanel state={state} prefer={prefer} />}
      </section>

      {state.result && data && state.trainedSpec && (
        <>
          <section aria-labelledby="results" className="flex flex-col gap-2">
            <h2 id="results" className="text-lg font-semibold">{t('resultsTitle')}</h2>
            {state.result.stopped && <p className="text-sm text-amber-800">{t('stoppedEarly')}</p>}
            {!isFeatureSplit(data.val) && <Results val={data.val} predictions={state.result.valPredictions} />}
          </section>
          <section aria-labelledby="submit" className="flex flex-col gap-2">
            <h2 id="submit" className="text-lg font-semibold">{t('submitTitle')}</h2>
            <SubmitPanel key={state.runId} challengeId={challengeId} spec={state.trainedSpec} weights={state.result.weights} room={room && { code: room.code, remaining: room.remaining, onAccepted, onRefused: room.onRefused }} />
          </section>
        </>
      )}
    </div>
  );
}
