import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INITIAL_TRAINER, trainerReducer, type RestoredRun, type TrainerState } from '../../../app/challenges/[id]/useTrainer';
import {
  chooseStart, DRAFT_MAX_AGE_MS, draftStorageKey, parseDraft, sameSpec, scopeKey, serializeDraft, staleDraftKeys,
} from '../../../app/components/studio/drafts';
import { modelRecord, restorableRun, SAVED_MODEL_MAX_AGE_MS, SAVED_MODELS_MAX, staleModelKeys, submittableRun } from '../../../app/components/studio/saved-model';
import { modelChallenge } from '../../../game/challenges';
import { defaultSpec } from '../../../models/presets';
import { inferShapes } from '../../../models/shapes';
import type { ModelSpec } from '../../../models/spec';

const NOW = Date.UTC(2026, 11, 2, 1, 0, 0);
const gates = modelChallenge('logic-gates');
const DEFAULT = defaultSpec('logic-gates');
/** The finding's edit: a hidden layer above the output, learning rate 0.05. */
const EDITED: ModelSpec = {
  ...DEFAULT,
  layers: [{ type: 'dense', units: 2, activation: 'tanh' }, ...DEFAULT.layers],
  training: { ...DEFAULT.training, optimizer: { ...DEFAULT.training.optimizer, learningRate: 0.05 } },
};

describe('draft keys', () => {
  test('solo per challenge, rooms per code, round and round start', () => {
    assert.equal(scopeKey({ kind: 'solo', challengeId: 'logic-gates' }), 'solo/logic-gates');
    const r1 = draftStorageKey({ kind: 'room', code: 'ACDEFH', round: 1, startedAt: 1000 });
    const r2 = draftStorageKey({ kind: 'room', code: 'ACDEFH', round: 2, startedAt: 2000 });
    const reused = draftStorageKey({ kind: 'room', code: 'ACDEFH', round: 1, startedAt: 9000 });
    assert.equal(new Set([r1, r2, reused, draftStorageKey({ kind: 'solo', challengeId: 'logic-gates' })]).size, 4);
    assert.match(r1, /^gradient-arena\.draft\.v1\.room\/ACDEFH\/1\/1000$/);
  });
});

describe('draft (de)serialization', () => {
  test('a saved draft reads back as the same spec', () => {
    const raw = serializeDraft('logic-gates', EDITED, NOW);
    assert.ok(raw);
    const back = parseDraft(raw, 'logic-gates', NOW + 1000, DRAFT_MAX_AGE_MS.solo);
    assert.ok(back && sameSpec(back, EDITED));
    assert.equal(back.layers.length, 2);
    assert.equal(back.training.optimizer.learningRate, 0.05);
  });

  test('a half-typed spec is not saved (the last good draft stays)', () => {
    const bad = { ...EDITED, training: { ...EDITED.training, optimizer: { ...EDITED.training.optimizer, learningRate: Number.NaN } } };
    assert.equal(serializeDraft('logic-gates', bad, NOW), null);
  });

  test('unusable drafts are ignored: corrupt, another challenge or version, too old, refused by the schema', () => {
    const raw = serializeDraft('logic-gates', EDITED, NOW)!;
    const read = (text: string | null, at = NOW, id = 'logic-gates') => parseDraft(text, id, at, DRAFT_MAX_AGE_MS.solo);
    assert.equal(read(null), null);
    assert.equal(read('{not json'), null);
    assert.equal(read('"a string"'), null);
    assert.equal(read(raw, NOW, 'depth-width'), null);
    assert.equal(read(raw.replace('"v":1', '"v":0')), null);
    assert.equal(read(raw, NOW + DRAFT_MAX_AGE_MS.solo + 1), null);
    assert.equal(read(raw, NOW - 3600_000), null, 'saved in the future');
    const unknownField = JSON.stringify({ v: 1, challengeId: 'logic-gates', savedAt: NOW, spec: { ...EDITED, extra: 1 } });
    assert.equal(read(unknownField), null);
    const tooManyUnits = JSON.stringify({ v: 1, challengeId: 'logic-gates', savedAt: NOW, spec: { ...EDITED, layers: [{ type: 'dense', units: 99999, activation: 'relu' }] } });
    assert.equal(read(tooManyUnits), null);
  });

  test('sameSpec ignores key order and absent optionals', () => {
    const reordered = JSON.parse(JSON.stringify({ training: EDITED.training, layers: EDITED.layers, version: 1 })) as ModelSpec;
    assert.ok(sameSpec(reordered, EDITED));
    assert.ok(sameSpec({ ...EDITED, training: { ...EDITED.training, earlyStopping: undefined } }, EDITED));
    assert.ok(!sameSpec(EDITED, DEFAULT));
  });
});

describe('chooseStart: what the studio opens with', () => {
  test('no link: the draft wins over the default', () => {
    const s = chooseStart({ base: DEFAULT, baseSource: 'default', draft: EDITED, locked: {} });
    assert.deepEqual([s.source, s.restored], ['draft', true]);
    assert.ok(sameSpec(s.spec, EDITED));
  });

  test('a reproduce or preset link wins over the draft', () => {
    for (const baseSource of ['run', 'preset'] as const) {
      const s = chooseStart({ base: DEFAULT, baseSource, draft: EDITED, locked: {} });
      assert.deepEqual([s.source, s.restored], [baseSource, false]);
      assert.ok(sameSpec(s.spec, DEFAULT));
    }
  });

  test("a round's locks win over the draft's values", () => {
    const s = chooseStart({ base: DEFAULT, baseSource: 'default', draft: EDITED, locked: { learningRate: 0.3, epochs: 7 } });
    assert.equal(s.spec.training.optimizer.learningRate, 0.3);
    assert.equal(s.spec.training.epochs, 7);
    assert.equal(s.spec.layers.length, 2, 'the architecture is the student’s');
  });

  test('a draft equal to the start is no restore; none at all is the default', () => {
    assert.deepEqual(chooseStart({ base: DEFAULT, baseSource: 'default', draft: DEFAULT, locked: {} }).restored, false);
    const none = chooseStart({ base: DEFAULT, baseSource: 'default', draft: null, locked: { loss: 'meanSquaredError' } });
    assert.deepEqual([none.source, none.restored, none.spec.training.loss], ['default', false, 'meanSquaredError']);
  });
});

describe('staleDraftKeys', () => {
  test('drops unreadable, old-version and expired drafts; keeps fresh ones and other keys', () => {
    const solo = draftStorageKey({ kind: 'solo', challengeId: 'logic-gates' });
    const room = draftStorageKey({ kind: 'room', code: 'ACDEFH', round: 1, startedAt: 1 });
    const oldRoom = draftStorageKey({ kind: 'room', code: 'ACDEFH', round: 2, startedAt: 2 });
    const entries: [string, string | null][] = [
      [solo, serializeDraft('logic-gates', EDITED, NOW - 3600_000)],
      [room, serializeDraft('logic-gates', EDITED, NOW - 3600_000)],
      [oldRoom, serializeDraft('logic-gates', EDITED, NOW - DRAFT_MAX_AGE_MS.room - 1)],
      ['gradient-arena.draft.v0.solo/x', JSON.stringify({ v: 0, challengeId: 'x', savedAt: NOW, spec: {} })],
      ['gradient-arena.draft.v1.solo/broken', '{'],
      ['gradient-arena.host.ACDEFH', 'token'],
    ];
    assert.deepEqual(staleDraftKeys(entries, NOW).sort(), [oldRoom, 'gradient-arena.draft.v0.solo/x', 'gradient-arena.draft.v1.solo/broken'].sort());
  });
});

/** A finished run of EDITED on the scored gate, as the trainer holds it. */
function finishedRun(spec = EDITED, tag = 'xor'): TrainerState {
  const shapes = inferShapes(spec, gates.inputShape, gates.numClasses);
  assert.ok(shapes.ok);
  const started = trainerReducer(INITIAL_TRAINER, { type: 'start', spec, tag });
  return trainerReducer(started, { type: 'done', stopped: false, valPredictions: new Int32Array([0, 1, 1, 0]), weights: new ArrayBuffer(shapes.totalParams * 4), samplesPerSecond: 100, elapsedMs: 500 });
}

const ctx = (spec: ModelSpec = EDITED, now = NOW) => ({ challengeId: 'logic-gates', spec, inputShape: gates.inputShape, numClasses: gates.numClasses, now });

describe('saved trained model', () => {
  test('a submittable run is kept and comes back as it was; a practice-gate run is not kept', () => {
    const state = finishedRun();
    const run = submittableRun(state, 'xor');
    assert.ok(run);
    assert.equal(submittableRun(state, 'and'), null);
    assert.equal(submittableRun(INITIAL_TRAINER, 'xor'), null);
    const back = restorableRun(structuredClone(modelRecord('logic-gates', run, NOW)), ctx());
    assert.ok(back && back.result && sameSpec(back.trainedSpec!, EDITED));
    assert.deepEqual([...back.result.valPredictions], [0, 1, 1, 0]);
    assert.equal(back.result.weights.byteLength, run.result!.weights.byteLength);
  });

  test('not offered for another spec, challenge, version, age, or weights of the wrong length', () => {
    const run = submittableRun(finishedRun(), 'xor')!;
    const record = modelRecord('logic-gates', run, NOW);
    assert.equal(restorableRun(record, ctx(DEFAULT)), null, 'the editor moved on');
    assert.equal(restorableRun({ ...record, challengeId: 'depth-width' }, ctx()), null);
    assert.equal(restorableRun({ ...record, v: 2 }, ctx()), null);
    assert.equal(restorableRun(record, ctx(EDITED, NOW + SAVED_MODEL_MAX_AGE_MS + 1)), null);
    const short = { ...record, run: { ...run, result: { ...run.result!, weights: new ArrayBuffer(8) } } };
    assert.equal(restorableRun(short, ctx()), null);
    const noPreds = { ...record, run: { ...run, result: { ...run.result!, valPredictions: [0, 1, 1, 0] } } };
    assert.equal(restorableRun(noPreds, ctx()), null);
    assert.equal(restorableRun(null, ctx()), null);
    assert.equal(restorableRun('junk', ctx()), null);
  });

  test('the trainer takes a restored run only while idle, and Start over clears it', () => {
    const run: RestoredRun = submittableRun(finishedRun(), 'xor')!;
    const restored = trainerReducer(INITIAL_TRAINER, { type: 'restore', run });
    assert.equal(restored.phase, 'done');
    assert.equal(restored.result, run.result);
    assert.equal(restored.runId, 1);
    const training = trainerReducer(INITIAL_TRAINER, { type: 'start', spec: DEFAULT, tag: 'xor' });
    assert.equal(trainerReducer(training, { type: 'restore', run }), training, 'a run the student started is not replaced');
    const cleared = trainerReducer(restored, { type: 'clear' });
    assert.deepEqual([cleared.phase, cleared.result, cleared.runId], ['idle', null, 2]);
    assert.equal(trainerReducer(training, { type: 'clear' }), training, 'no clearing mid-run');
  });

  test('staleModelKeys: unreadable and expired records, then all but the newest', () => {
    const run = submittableRun(finishedRun(), 'xor')!;
    const fresh = Array.from({ length: SAVED_MODELS_MAX + 2 }, (_, i) => [`solo/k${i}`, modelRecord('logic-gates', run, NOW - i * 1000)] as const);
    const entries = [...fresh, ['solo/old', modelRecord('logic-gates', run, NOW - SAVED_MODEL_MAX_AGE_MS - 1)] as const, ['solo/junk', 42] as const];
    const stale = staleModelKeys(entries, NOW);
    assert.deepEqual(stale.sort(), ['solo/junk', 'solo/old', `solo/k${SAVED_MODELS_MAX}`, `solo/k${SAVED_MODELS_MAX + 1}`].sort());
  });
});
