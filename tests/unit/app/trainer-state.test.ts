import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INITIAL_TRAINER, trainerReducer, type TrainerAction, type TrainerState } from '../../../app/challenges/[id]/useTrainer';
import { defaultSpec } from '../../../models/presets';

const spec = defaultSpec('losses');
const probe = (at: number, gradients?: number[]) => ({ at, size: 2, grid: new Float32Array([0.1, 0.2, 0.8, 0.9]), ...(gradients ? { gradients } : {}) });
const batch = (epoch: number, b: number, seen: number, loss: number): TrainerAction => ({
  type: 'batch',
  progress: { epoch, batch: b, batchesPerEpoch: 2, samplesSeen: seen, totalSamples: 800, loss, acc: 0.5, elapsedMs: 1 },
});
const done: TrainerAction = { type: 'done', stopped: false, valPredictions: new Int32Array(0), weights: new ArrayBuffer(0), samplesPerSecond: 1, elapsedMs: 1 };

const run = (state: TrainerState, actions: TrainerAction[]) => actions.reduce(trainerReducer, state);

/** One run of two batches and one epoch, with an initial probe and an epoch probe with gradients. */
function oneRun(state: TrainerState, tag: string, loss: number): TrainerState {
  return run(state, [
    { type: 'start', spec, tag },
    { type: 'probe', probe: probe(0, [1e-6, 1e-2]) },
    batch(0, 0, 200, loss),
    { type: 'probe', probe: probe(0.5) },
    batch(0, 1, 400, loss / 2),
    { type: 'epoch', log: { epoch: 0, loss: 0.75 * loss, acc: 0.5, valAcc: 0.6, elapsedMs: 2 }, probe: probe(1, [2e-6, 2e-2]) },
    done,
  ]);
}

describe('the trainer state', () => {
  test('probes: the newest is kept, gradients are appended only by probes that measured them', () => {
    const s = oneRun(INITIAL_TRAINER, 'data', 1);
    assert.equal(s.phase, 'done');
    assert.equal(s.dataTag, 'data');
    assert.equal(s.probe?.at, 1);
    assert.deepEqual(s.gradients, [{ at: 0, values: [1e-6, 1e-2] }, { at: 1, values: [2e-6, 2e-2] }]);
    assert.deepEqual(s.curve.map((c) => [c.x, c.seen, c.loss]), [[0.5, 200, 1], [1, 400, 0.5]]);
    assert.equal(s.curve.at(-1)?.valAcc, 0.6);
  });

  test('a new run keeps the finished one as `previous` and starts its own views empty', () => {
    const first = oneRun(INITIAL_TRAINER, 'xor', 1);
    const second = trainerReducer(first, { type: 'start', spec, tag: 'and' });
    assert.equal(second.runId, 2);
    assert.equal(second.dataTag, 'and');
    assert.equal(second.probe, null);
    assert.deepEqual(second.gradients, []);
    assert.deepEqual(second.curve, []);
    const prev = second.previous;
    assert.ok(prev);
    assert.equal(prev.runId, 1);
    assert.equal(prev.tag, 'xor');
    assert.equal(prev.loss, spec.training.loss);
    assert.equal(prev.batchSize, spec.training.batchSize);
    assert.deepEqual(prev.batches, [{ seen: 200, loss: 1 }, { seen: 400, loss: 0.5 }]);
    assert.equal(prev.epochs.length, 1);
  });

  test('a run that failed is not kept: the one before it stays `previous`', () => {
    const first = oneRun(INITIAL_TRAINER, 'data', 1);
    const failed = run(first, [{ type: 'start', spec, tag: 'data' }, batch(0, 0, 200, 3), { type: 'error', message: 'boom' }]);
    const third = trainerReducer(failed, { type: 'start', spec, tag: 'data' });
    assert.equal(third.runId, 3);
    assert.equal(third.previous?.runId, 1);
  });
});
