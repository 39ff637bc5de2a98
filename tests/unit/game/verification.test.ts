/**
 * Which challenges the server retrains, which rules need it, and what a rule about training may
 * rest on: only the server's own run (game/verification.ts, game/stars.ts, game/room/settings.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHALLENGE_IDS, generatedTrainCount, getModelChallenge, modelChallenge, type ModelChallenge } from '../../../game/challenges';
import { applyRoomEvent, createRoom } from '../../../game/room/machine';
import { DEFAULT_ROUND_SETTINGS, locksVerifiable, roundSettingsProblem, type RoundSettings } from '../../../game/room/settings';
import { modelStars } from '../../../game/stars';
import { validateSubmission } from '../../../game/submission';
import { MAX_SERVER_LAYER_STEPS, retrainCostProblem, scoringPlan, serverCanTrain, trainingClaims, trainingCost, trainingSteps } from '../../../game/verification';
import { defaultSpec, knownGoodSpec, tinySpec } from '../../../models/presets';
import type { ModelSpec } from '../../../models/spec';

const modelChallenges = CHALLENGE_IDS.map(getModelChallenge).filter((c): c is ModelChallenge => c !== undefined);
const withTraining = (spec: ModelSpec, t: Partial<ModelSpec['training']>): ModelSpec => ({ ...spec, training: { ...spec.training, ...t } });

describe('which challenges the server retrains', () => {
  test('the plan for each challenge, solo and with a lock', () => {
    const plans = Object.fromEntries(modelChallenges.map((c) => [c.id, [scoringPlan(c).retrain, scoringPlan(c, { epochs: 5 }).retrain]]));
    assert.deepEqual(plans, {
      'logic-gates': [false, true],
      'depth-width': [false, true],
      activations: [false, true],
      losses: [true, true],
      'batch-epochs': [true, true],
      'sign-01': [false, false],
      'sign-digits': [false, false],
      memory: [false, false],
      attention: [false, false],
      autoencoder: [false, false],
      denoise: [false, false],
      gan: [false, false],
      'gan-digits': [false, false],
      'boss-1': [false, false],
      'boss-2': [false, false],
      'boss-3': [false, false],
    });
  });

  test('what makes it retrain: the epochs stars of losses, the samples budget of batch-epochs, a round lock', () => {
    assert.deepEqual(trainingClaims(modelChallenge('losses')), ['maxEpochs']);
    assert.deepEqual(trainingClaims(modelChallenge('batch-epochs')), ['maxSamplesSeen']);
    assert.deepEqual(trainingClaims(modelChallenge('logic-gates')), []);
    assert.deepEqual(trainingClaims(modelChallenge('logic-gates'), { optimizer: 'sgd' }), ['locked']);
    assert.deepEqual(trainingClaims(modelChallenge('depth-width'), { learningRate: undefined }), [], 'an unset lock is no lock');
  });

  test('every star rule and budget about training is on a challenge the server trains itself', () => {
    for (const c of modelChallenges) {
      if (trainingClaims(c).length > 0) assert.ok(serverCanTrain(c), `${c.id} has a training rule the server could not check`);
    }
  });

  test('image challenges (and bosses) have only rules on score, parameters, layers and what the server reads of the output (code length, digits drawn)', () => {
    for (const c of modelChallenges.filter((x) => x.data.type === 'images')) {
      for (const rule of c.stars) assert.deepEqual(Object.keys(rule).filter((k) => !['minScore', 'maxParams', 'minHiddenLayers', 'maxCode', 'minModes'].includes(k)), [], c.id);
      assert.equal(c.budget.maxSamplesSeen, undefined, c.id);
    }
  });
});

describe('stars about training read only the server run', () => {
  const losses = modelChallenge('losses');
  const spec = withTraining(knownGoodSpec('losses'), { epochs: 1 });

  test('finding 5: a 0.996 model that declares one epoch earns no star without a server run', () => {
    assert.equal(modelStars(losses, { score: 0.996, paramCount: 82, spec }), 0);
  });

  test('with the server run the same score earns what the run did', () => {
    assert.equal(modelStars(losses, { score: 0.996, paramCount: 82, spec, run: { epochs: 5, samplesSeen: 2000 } }), 3);
    assert.equal(modelStars(losses, { score: 0.996, paramCount: 82, spec, run: { epochs: 8, samplesSeen: 3200 } }), 2);
    assert.equal(modelStars(losses, { score: 0.996, paramCount: 82, spec, run: { epochs: 21, samplesSeen: 8400 } }), 0);
  });

  test('stars without training rules do not need a run (logic-gates, activations)', () => {
    const gates = modelChallenge('logic-gates');
    assert.equal(modelStars(gates, { score: 1, paramCount: 12, spec: knownGoodSpec('logic-gates') }), 3);
    const act = modelChallenge('activations');
    assert.equal(modelStars(act, { score: 0.97, paramCount: 400, spec: knownGoodSpec('activations') }), 3);
  });
});

describe('the cost of a server retrain is bounded', () => {
  test('steps are epochs × batches, the last batch short', () => {
    assert.equal(trainingSteps(knownGoodSpec('losses'), 400), 5 * 25);
    assert.equal(trainingSteps(knownGoodSpec('batch-epochs'), 500), 4 * 125);
    assert.equal(trainingSteps(withTraining(knownGoodSpec('losses'), { batchSize: 30 }), 400), 5 * 14);
    assert.equal(trainingSteps(withTraining(knownGoodSpec('losses'), { batchSize: 512 }), 400), 5);
    assert.equal(trainingCost(knownGoodSpec('activations'), 400), 15 * 25 * 7, 'each layer of each step');
  });

  test('every preset a retrained challenge ships fits the bound, with room to spare', () => {
    for (const c of modelChallenges.filter(serverCanTrain)) {
      for (const make of [defaultSpec, knownGoodSpec, tinySpec]) {
        assert.equal(retrainCostProblem(c, make(c.id), { epochs: make(c.id).training.epochs }), null, `${c.id} ${make.name}`);
        assert.ok(trainingCost(make(c.id), generatedTrainCount(c) ?? 0) <= MAX_SERVER_LAYER_STEPS / 5, `${c.id} ${make.name}`);
      }
    }
  });

  test('losses in batches of 1 for 200 epochs (80,000 steps) is refused before it is queued, naming the epochs', () => {
    const r = validateSubmission('losses', withTraining(knownGoodSpec('losses'), { batchSize: 1, epochs: 200 }));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'submission/over_steps');
    assert.deepEqual(r.error.issues.map((i) => i.message), ['training.epochs: at most 25 with batches of 1 and 2 layers, got 200']);
    assert.equal(validateSubmission('losses', withTraining(knownGoodSpec('losses'), { batchSize: 1, epochs: 25 })).ok, true);
  });

  test('a deeper network gets fewer epochs: activations (7 layers) in a locked round, batches of 1', () => {
    const deep = withTraining(knownGoodSpec('activations'), { batchSize: 1, epochs: 8 });
    const r = retrainCostProblem(modelChallenge('activations'), deep, { optimizer: 'sgd' });
    assert.deepEqual(r?.issues.map((i) => i.message), ['training.epochs: at most 7 with batches of 1 and 7 layers, got 8']);
    assert.equal(retrainCostProblem(modelChallenge('activations'), withTraining(deep, { epochs: 7 }), { optimizer: 'sgd' }), null);
  });

  test('no bound where nothing is retrained; a lock brings it in', () => {
    const long = withTraining(knownGoodSpec('logic-gates'), { batchSize: 1, epochs: 200 });
    assert.equal(validateSubmission('logic-gates', long).ok, true);
    assert.equal(retrainCostProblem(modelChallenge('logic-gates'), long, { optimizer: 'adam' })?.code, 'submission/over_steps');
  });
});

describe('round settings: locks only where the server retrains', () => {
  const locked = (challengeId: RoundSettings['challengeId']): RoundSettings => ({ ...DEFAULT_ROUND_SETTINGS, challengeId, locked: { optimizer: 'sgd', learningRate: 0.1 } });

  test('locks are verifiable on the 2-D and gate challenges only', () => {
    assert.deepEqual(CHALLENGE_IDS.filter(locksVerifiable), ['logic-gates', 'depth-width', 'activations', 'losses', 'batch-epochs']);
  });

  test('a round on sign-digits with locks is refused with its code; without locks it is fine', () => {
    assert.equal(roundSettingsProblem(locked('sign-digits'))?.code, 'round/locks_unverifiable');
    assert.equal(roundSettingsProblem(locked('boss-1'))?.code, 'round/locks_unverifiable');
    assert.equal(roundSettingsProblem(locked('optimizer-race'))?.code, 'round/locks_unverifiable');
    assert.equal(roundSettingsProblem(DEFAULT_ROUND_SETTINGS), null);
    assert.equal(roundSettingsProblem(locked('losses')), null);
  });

  test('the reducer refuses to start such a round and the room is unchanged', () => {
    const room = createRoom('ACDEFH', 1_000);
    const r = applyRoomEvent(room, { type: 'startRound', actor: { role: 'host' }, settings: locked('sign-digits'), now: 2_000 });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'round/locks_unverifiable');
    assert.equal(r.state, room);
    const ok = applyRoomEvent(room, { type: 'startRound', actor: { role: 'host' }, settings: locked('batch-epochs'), now: 2_000 });
    assert.ok(ok.ok);
  });
});
