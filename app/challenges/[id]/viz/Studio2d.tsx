'use client';
import { useTranslations } from 'next-intl';
import { generatedTrainCount, type ModelChallenge } from '../../../../game/challenges';
import type { GateId } from '../../../../game/solo/data2d';
import { hiddenDenseLayers } from '../../../../game/stars';
import type { FeatureSplit } from '../../../../models/challenge-data';
import type { Probe } from '../../../../models/probe';
import type { ModelSpec } from '../../../../models/spec';
import type { TrainerState } from '../useTrainer';
import { BatchBudget } from './BatchBudget';
import { GatePractice } from './GatePractice';
import { GradientBars } from './GradientBars';
import { NeuronPanel } from './NeuronPanel';
import { lineInView, probeView } from './plane';
import { Playground2d } from './Playground2d';
import { RunCompare, type ComparedRun } from './RunCompare';
import { views2d } from './views';

/**
 * Beside the studio of a 2-D challenge: the data and the live decision boundary, and for the logic
 * gates the neuron's weights and the practice switch.
 */
export function Side2d({ challenge, train, val, probe, spec, state, gate, scored, busy, onGate }: {
  challenge: ModelChallenge;
  train: FeatureSplit;
  val: FeatureSplit;
  /** The newest probe of a run on this data, or null. */
  probe: Probe | null;
  /** The model as edited now. */
  spec: ModelSpec;
  state: TrainerState;
  gate: GateId | null;
  scored: GateId | null;
  busy: boolean;
  onGate: (gate: GateId) => void;
}) {
  const t = useTranslations('train');
  const views = views2d(challenge);
  const gateData = challenge.data.type === 'gate';
  const summary = challenge.data.type === 'gate'
    ? t('dataSummaryGate', { repeat: challenge.data.repeat })
    : t('dataSummaryPoints', { train: train.count, val: val.count });
  // The model the boundary shows: the run's while there is one on this data, else the edited one.
  const shownSpec = probe && state.trainedSpec ? state.trainedSpec : spec;
  const neuron = probe?.neuron ?? null;
  const view = probeView(challenge);
  return (
    <Playground2d view={view} probe={probe} train={gateData ? val : train} val={val} gate={gateData}>
      <p className="text-xs text-slate-500">{summary}</p>
      {(views.gates || neuron) && <NeuronPanel neuron={neuron} lineShown={neuron !== null && lineInView(neuron, view) !== null} hidden={hiddenDenseLayers(shownSpec) > 0} trained={probe !== null} />}
      {views.gates && gate && scored && <GatePractice gate={gate} scored={scored} disabled={busy} onChange={onGate} />}
    </Playground2d>
  );
}

/** The current run as the comparison draws it, once one has started. */
function comparedRun(state: TrainerState): ComparedRun | null {
  if (state.phase === 'idle' || !state.trainedSpec) return null;
  const { loss, epochs } = state.trainedSpec.training;
  return { runId: state.runId, tag: state.dataTag, loss, epochs: state.epochs, planned: epochs };
}

/** Under the training panel of a 2-D challenge: the views of the lesson it teaches. */
export function Extras2d({ challenge, spec, state }: { challenge: ModelChallenge; spec: ModelSpec; state: TrainerState }) {
  const views = views2d(challenge);
  const showCompare = views.compare === 'always' || state.previous !== null;
  return (
    <>
      {views.budget && (
        <BatchBudget
          training={spec.training}
          trainCount={generatedTrainCount(challenge) ?? 0}
          budget={challenge.budget.maxSamplesSeen}
          curve={state.curve}
          runId={state.runId}
          trainedBatch={state.trainedSpec?.training.batchSize ?? null}
          previous={state.previous}
        />
      )}
      {views.gradients && <GradientBars gradients={state.gradients} spec={state.trainedSpec ?? spec} />}
      {showCompare && <RunCompare previous={state.previous} current={comparedRun(state)} goal={challenge.goalAccuracy} />}
    </>
  );
}
