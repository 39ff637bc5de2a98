'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { modelChallenge, type ModelChallenge, type ModelChallengeId } from '../../../game/challenges';
import { applyLocked, type LockedHyper } from '../../../game/room/settings';
import type { GateId } from '../../../game/solo/data2d';
import type { BackendName } from '../../../models/backend-names';
import { isFeatureSplit, type Examples } from '../../../models/challenge-data';
import type { SplitData } from '../../../models/dataset';
import { defaultSpec, hasPresets, tinySpec } from '../../../models/presets';
import { inferShapes } from '../../../models/shapes';
import type { ModelSpec } from '../../../models/spec';
import { useRoomActivity, type StudioActivity } from '../../components/room/useRoomActivity';
import type { DraftScope } from '../../components/studio/drafts';
import { RestoredNote } from '../../components/studio/RestoredNote';
import { PresetChooser } from '../../components/studio/presets/PresetChooser';
import { useTrainingRates } from '../../components/studio/presets/useTrainingRates';
import { HandPanel, isHandChallenge } from '../../components/studio/hand/HandPanel';
import { ModelDownload } from '../../components/studio/model-files/ModelDownload';
import { ModelUpload } from '../../components/studio/model-files/ModelUpload';
import { useStudioPersistence, type PersistenceOptions } from '../../components/studio/useStudioPersistence';
import { SequenceSamples } from '../../components/studio/sequence/SequenceSamples';
import { SequenceViews } from '../../components/studio/sequence/SequenceViews';
import { AutoencoderViews } from '../../components/studio/autoencoder/AutoencoderViews';
import { outputTargetOf, reconstructs } from '../../components/studio/autoencoder/ae-target';
import { isReconstructionSplit } from '../../../models/autoencoder-data';
import { HyperParams } from './HyperParams';
import { LayerEditor } from './LayerEditor';
import type { RunData } from './regularize/CurveNotes';
import { OverfitTools } from './regularize/OverfitTools';
import { AllControlsSwitch, useStudioControls, type StudioControls } from './StudioControls';
import { TrainBar } from './TrainBar';
import { canAugment } from './regularize/spec-edit';
import { collectProblems, type Problems } from './problems';
import { Results } from './Results';
import { FeatureMaps } from './viz/FeatureMaps';
import { SampleGrid } from './SampleGrid';
import { SubmitPanel } from './SubmitPanel';
import { TrainingPanel } from './TrainingPanel';
import { useDataset, type Dataset } from './useDataset';
import { useTrainer, type TrainerState } from './useTrainer';
import { gateSplits, scoredGate } from './viz/gate-data';
import { probeView } from './viz/plane';
import { Extras2d, Side2d } from './viz/Studio2d';
import { isPlanar } from './viz/views';

/** The studio inside a room round: the teacher's locks apply and submissions go to the round. */
export interface RoomMode {
  code: string;
  locked: LockedHyper;
  /** Submissions left in the round. */
  remaining: number;
  /** A submission was refused with this code. */
  onRefused: (code: string) => void;
  /** The round, which names the student's draft in this browser (a new round starts from its defaults). */
  round: { number: number; startedAt: number };
}

/** ?preset=tiny is for quick checks and tests: the tiny model, always a single epoch. */
function initialSpec(challengeId: ModelChallengeId, preset: 'default' | 'tiny'): ModelSpec {
  if (preset === 'default') return defaultSpec(challengeId);
  const tiny = tinySpec(challengeId);
  return { ...tiny, training: { ...tiny.training, epochs: 1 } };
}

/** The layer editor, the parameter count against the budget, and the hyperparameters. */
function ModelSection({ challenge, spec, problems, busy, locked, images, controls, onChange, onReset }: {
  challenge: ModelChallenge;
  spec: ModelSpec;
  problems: Problems;
  busy: boolean;
  locked?: LockedHyper;
  /** Training images for the augmentation preview (null for 2-D points and while loading). */
  images: SplitData | null;
  /** Which controls this challenge shows (game/controls.ts), and the "All controls" switch. */
  controls: StudioControls;
  onChange: (spec: ModelSpec) => void;
  /** Back to the challenge's default (with the round's locks), forgetting the saved draft. */
  onReset: () => void;
}) {
  const t = useTranslations('train');
  const shapes = useMemo(() => {
    const s = inferShapes(spec, challenge.inputShape, outputTargetOf(challenge));
    return s.ok ? s : null;
  }, [spec, challenge]);
  const params = shapes?.totalParams ?? null;
  const { shown } = controls;
  return (
    <section aria-labelledby="model" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="model" className="text-lg font-semibold">{t('modelTitle')}</h2>
        <span data-testid="param-count" className={`text-sm tabular-nums ${params !== null && params > challenge.budget.maxParams ? 'font-semibold text-red-700' : 'text-slate-600'}`}>
          {t('paramCount', { params: params?.toLocaleString('en-US') ?? '—', budget: challenge.budget.maxParams.toLocaleString('en-US') })}
        </span>
        <button type="button" data-testid="reset-default" disabled={busy} onClick={onReset} className="text-sm text-indigo-700 underline disabled:opacity-50">{t('resetDefault')}</button>
        <AllControlsSwitch controls={controls} />
      </div>
      <LayerEditor layers={spec.layers} infos={shapes?.layers ?? null} inputShape={challenge.inputShape} layerTypes={challenge.layerTypes} issues={problems.byLayer} disabled={busy} tools={{ dropout: shown.has('dropout'), weightDecay: shown.has('weightDecay'), bottleneck: reconstructs(challenge) }} onChange={(layers) => onChange({ ...spec, layers })} />
      {problems.other.map((m) => <p key={m} data-testid="spec-error" role="alert" className="text-sm text-red-700">{m}</p>)}
      {locked && Object.keys(locked).length > 0 && <p data-testid="locked-summary" className="rounded-lg bg-indigo-50 p-2 text-sm text-indigo-950 ring-1 ring-indigo-200">{t('lockedSummary')}</p>}
      <HyperParams training={spec.training} problems={problems.byField} disabled={busy} locked={locked} shown={shown} onChange={(training) => onChange({ ...spec, training })} />
      <OverfitTools training={spec.training} problems={problems.byField} disabled={busy} images={images} numClasses={challenge.numClasses} imageInput={canAugment(challenge.inputShape)} show={{ earlyStopping: shown.has('earlyStopping'), augment: shown.has('augment') }} onChange={(training) => onChange({ ...spec, training })} />
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

/** The live panel and the challenge's own views of the run (Train and Stop are in the TrainBar). */
function TrainingSection({ state, prefer, data, children }: {
  state: TrainerState;
  prefer?: BackendName;
  data: RunData;
  children?: ReactNode;
}) {
  const t = useTranslations('train');
  if (state.phase === 'idle' && !children) return null;
  return (
    <section aria-labelledby="training" className="flex flex-col gap-3">
      <h2 id="training" className="text-lg font-semibold">{t('trainingTitle')}</h2>
      {state.phase !== 'idle' && <TrainingPanel state={state} prefer={prefer} data={data} />}
      {children}
    </section>
  );
}

/** Image challenges: a grid of sample images (2-D challenges draw their data beside the studio). */
function SamplesSection({ data, error }: { data: Dataset | null; error: string | null }) {
  const t = useTranslations('train');
  return (
    <section aria-labelledby="samples" className="flex flex-col gap-2">
      <h2 id="samples" className="text-lg font-semibold">{t('samplesTitle')}</h2>
      {data && isFeatureSplit(data.train) && data.train.steps !== undefined && <SequenceSamples train={data.train} val={isFeatureSplit(data.val) ? data.val : null} />}
      {data && !isFeatureSplit(data.train) ? <SampleGrid train={data.train} /> : data && isFeatureSplit(data.train) && data.train.steps !== undefined ? null : <p className="text-sm text-slate-500">{error ? t('dataFailed', { message: error }) : t('loadingData')}</p>}
      {data && !(isFeatureSplit(data.train) && data.train.steps !== undefined) && <p className="text-xs text-slate-500">{t('dataSummary', { train: data.train.count, val: data.val.count })}</p>}
    </section>
  );
}

/** The room's class wall follows this studio's runs. */
function useActivityReport(state: TrainerState, roomCode: string | null) {
  const [submittedRun, setSubmittedRun] = useState<number | null>(null);
  const activity = studioActivity(state, submittedRun);
  const lastPoint = state.curve.at(-1);
  // Stable between batches, so the reporter only wakes up when something changed.
  const reported = useMemo<StudioActivity>(
    () => ({ activity: activity.activity, backend: activity.backend, point: lastPoint ? { x: lastPoint.x, loss: lastPoint.loss, acc: lastPoint.acc } : null }),
    [activity.activity, activity.backend, lastPoint],
  );
  useRoomActivity(roomCode, reported);
  const runId = state.runId;
  return useCallback(() => setSubmittedRun(runId), [runId]);
}

/** The run's results, then Submit (or, after a practice run, why there is nothing to submit). */
function ResultsSection({ challenge, state, val, practiceOf, room, onAccepted, onSubmitted }: {
  challenge: ModelChallenge;
  state: TrainerState;
  /** Validation examples of the data the run trained on. */
  val: Examples;
  /** The gate to switch back to when the run trained on a practice gate. */
  practiceOf: GateId | null;
  room?: RoomMode;
  onAccepted: () => void;
  /** The server accepted the model (solo or room): the copy kept in this browser is dropped. */
  onSubmitted: () => void;
}) {
  const t = useTranslations('train');
  if (!state.result || !state.trainedSpec) return null;
  return (
    <>
      <section aria-labelledby="results" className="flex flex-col gap-2">
        <h2 id="results" className="text-lg font-semibold">{t('resultsTitle')}</h2>
        {state.result.stopped && state.result.bestEpoch === undefined && <p className="text-sm text-amber-800">{t('stoppedEarly')}</p>}
        {!reconstructs(challenge) && <Results val={val} predictions={state.result.valPredictions} numClasses={challenge.numClasses} gate={challenge.data.type === 'gate'} />}
      </section>
      {/* What each filter of the player's own CNN responds to, on a validation photo of their choice. */}
      {!isFeatureSplit(val) && !reconstructs(challenge) && state.trainedSpec.layers.some((l) => l.type === 'conv2d') && (
        <FeatureMaps key={state.runId} spec={state.trainedSpec} weights={state.result.weights} inputShape={challenge.inputShape} numClasses={challenge.numClasses} images={val} />
      )}
      {/* Sequence challenges: hidden states, gates and attention maps on a chosen sequence. */}
      {isFeatureSplit(val) && val.steps !== undefined && <SequenceViews key={`seq-${state.runId}`} challenge={challenge} spec={state.trainedSpec} weights={state.result.weights} val={val} />}
      {/* Autoencoders: reconstructions, the code map and its path, denoising, anomalies (issue 18). */}
      {isReconstructionSplit(val) && <AutoencoderViews key={`ae-${state.runId}`} challenge={challenge} spec={state.trainedSpec} weights={state.result.weights} val={val} />}
      {/* Webcam and model files: app/components/studio/hand/, model-files/ (issue 15). */}
      {!practiceOf && isHandChallenge(challenge) && <HandPanel key={`hand-${state.runId}`} challenge={challenge} spec={state.trainedSpec} weights={state.result.weights} />}
      {/* Model files carry a classifier's target (numClasses): not offered for autoencoders yet. */}
      {!practiceOf && !reconstructs(challenge) && <ModelDownload key={`files-${state.runId}`} challenge={challenge} spec={state.trainedSpec} weights={state.result.weights} />}
      <section aria-labelledby="submit" className="flex flex-col gap-2">
        <h2 id="submit" className="text-lg font-semibold">{t('submitTitle')}</h2>
        {practiceOf
          ? <p data-testid="practice-no-submit" className="text-sm text-slate-700">{t('gates.noSubmit', { gate: t(`gates.name.${practiceOf}`) })}</p>
          : <SubmitPanel key={state.runId} challengeId={challenge.id} boss={challenge.boss !== undefined} spec={state.trainedSpec} weights={state.result.weights} onAccepted={onSubmitted} room={room && { code: room.code, remaining: room.remaining, onAccepted, onRefused: room.onRefused }} />}
      </section>
    </>
  );
}

/**
 * The data the next run trains on. Gate challenges can swap in another gate's table for practice;
 * the scored task stays the challenge's own. Runs are tagged with their data ('data' or a gate), so
 * views of a run on other data than the one selected now can step aside.
 */
function useTrainingData(challenge: ModelChallenge, data: Dataset | null) {
  const scored = scoredGate(challenge);
  const [gate, setGate] = useState<GateId | null>(scored);
  const trainData = useMemo(() => (gate !== null && gate !== scored ? gateSplits(challenge, gate) : data), [gate, scored, challenge, data]);
  const tag = gate ?? 'data';
  /** The data a run with `runTag` trained on. */
  const dataOf = (runTag: string | null): Dataset | null =>
    runTag === null ? null : runTag === 'data' || runTag === scored ? data : gateSplits(challenge, runTag as GateId);
  return { scored, gate, setGate, trainData, tag, dataOf };
}

/**
 * The editor's spec and the trained model, kept in this browser per challenge (solo) or per round:
 * a reproduce or preset link starts from its own spec, otherwise the draft does; locks apply on top.
 */
function useSavedWork(challenge: ModelChallenge, page: { preset: 'default' | 'tiny'; room?: RoomMode; initial?: ModelSpec }, trainer: Pick<PersistenceOptions, 'state' | 'scoredTag' | 'restore' | 'clear'>) {
  const { preset, room, initial } = page;
  const lockedKey = JSON.stringify(room?.locked ?? {});
  const locked = useMemo<LockedHyper>(() => JSON.parse(lockedKey) as LockedHyper, [lockedKey]);
  const base = useMemo(() => initial ?? initialSpec(challenge.id, preset), [initial, challenge.id, preset]);
  const defaults = useMemo(() => applyLocked(locked, defaultSpec(challenge.id)), [locked, challenge.id]);
  const scope: DraftScope = room ? { kind: 'room', code: room.code, round: room.round.number, startedAt: room.round.startedAt } : { kind: 'solo', challengeId: challenge.id };
  const baseSource = initial ? 'run' : preset === 'tiny' ? 'preset' : 'default';
  return useStudioPersistence({ scope, challengeId: challenge.id, challenge, base, baseSource, defaults, locked, ...trainer });
}

/** `initial`: a spec to start from instead of the default (a reproduced run). */
export function Studio({ challengeId, prefer, preset, room, initial }: { challengeId: ModelChallengeId; prefer?: BackendName; preset: 'default' | 'tiny'; room?: RoomMode; initial?: ModelSpec }) {
  const t = useTranslations('train');
  const challenge = modelChallenge(challengeId);
  const planar = isPlanar(challenge);
  const { data, error: dataError } = useDataset(challenge);
  const { state, start, stop, restore, clear } = useTrainer();
  const onAccepted = useActivityReport(state, room?.code ?? null);
  const { scored, gate, setGate, trainData, tag, dataOf } = useTrainingData(challenge, data);
  const saved = useSavedWork(challenge, { preset, room, initial }, { state, scoredTag: scored ?? 'data', restore, clear });
  const { spec, setSpec } = saved;
  const speed = useTrainingRates(state, challenge);

  const problems = useMemo(() => collectProblems(challenge, spec, t), [challenge, spec, t]);
  const busy = state.phase === 'starting' || state.phase === 'training' || state.phase === 'stopping';
  const train = () => trainData && start(spec, trainData, challenge.inputShape, challenge.numClasses, { prefer, tag, ...(planar ? { probe: probeView(challenge) } : {}), ...(reconstructs(challenge) ? { outputShape: challenge.inputShape } : {}) });
  const runData = dataOf(state.dataTag);
  const controls = useStudioControls(challengeId, spec, room?.locked);

  const main = (
    <div className="flex min-w-0 flex-col gap-6">
      <RestoredNote spec={saved.restored.spec} model={saved.restored.model} busy={busy} onStartOver={saved.reset} />
      {!planar && <SamplesSection data={data} error={dataError} />}
      {hasPresets(challenge.id) && <PresetChooser challengeId={challenge.id} spec={spec} state={state} busy={busy} rates={speed.rates} liveRate={speed.liveRate} inputShape={challenge.inputShape} numClasses={challenge.numClasses} trainCount={trainData?.train.count ?? null} onPick={setSpec} />}
      <ModelSection challenge={challenge} spec={spec} problems={problems} busy={busy} locked={room?.locked} images={data && !isFeatureSplit(data.train) ? data.train : null} controls={controls} onChange={setSpec} onReset={saved.reset} />
      <TrainingSection state={state} prefer={prefer} data={{ numClasses: challenge.numClasses, planar, ...(reconstructs(challenge) ? { reconstruct: true } : {}) }}>
        {planar && <Extras2d challenge={challenge} spec={spec} state={state} />}
      </TrainingSection>
      {runData && <ResultsSection challenge={challenge} state={state} val={runData.val} practiceOf={scored !== null && state.dataTag !== scored ? scored : null} room={room} onAccepted={onAccepted} onSubmitted={saved.submitted} />}
      {!reconstructs(challenge) && <ModelUpload challenge={challenge} val={data?.val ?? null} boss={challenge.boss !== undefined} room={room && { code: room.code, remaining: room.remaining, onAccepted, onRefused: room.onRefused }} />}
      <TrainBar state={state} canTrain={!!trainData && problems.valid && !busy} valid={problems.valid} onTrain={train} onStop={stop} />
    </div>
  );
  if (!planar) return main;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(18rem,380px)]">
      {main}
      <aside className="order-first flex flex-col gap-3 lg:order-none lg:sticky lg:top-4 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto">
        {trainData && isFeatureSplit(trainData.train) && isFeatureSplit(trainData.val)
          ? <Side2d challenge={challenge} train={trainData.train} val={trainData.val} probe={state.dataTag === tag ? state.probe : null} spec={spec} state={state} gate={gate} scored={scored} busy={busy} onGate={setGate} />
          : <p className="text-sm text-slate-500">{dataError ? t('dataFailed', { message: dataError }) : t('loadingData')}</p>}
      </aside>
    </div>
  );
}
