/** The boss's scope strings, the cut's seed and the public/private/train scores (game/boss/scope.ts, score.ts). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { modelChallenge } from '../../../../game/challenges';
import { bossSplit, bossSplitSeed, scoreBoss } from '../../../../game/boss/score';
import { placeScope, revealScope, submissionPlace } from '../../../../game/boss/scope';
import { mulberry32 } from '../../../../game/random';

const sha256 = (t: string) => createHash('sha256').update(t).digest();
const boss = modelChallenge('boss-1').boss!;

describe('scopes (written once, in game/boss/scope.ts)', () => {
  test('a round submission belongs to its round, any other to the solo level', () => {
    const room = submissionPlace({ challengeId: 'boss-1', roomCode: 'ABC234', roundNumber: 2 });
    assert.deepEqual(room, { kind: 'room', code: 'ABC234', round: 2 });
    assert.equal(placeScope(room), 'room:ABC234:2');
    const solo = submissionPlace({ challengeId: 'boss-1', roomCode: null, roundNumber: null });
    assert.equal(placeScope(solo), 'solo:boss-1');
    // A room code without a round number is not a round.
    assert.equal(placeScope(submissionPlace({ challengeId: 'boss-2', roomCode: 'ABC234', roundNumber: null })), 'solo:boss-2');
  });

  test("a solo reveal is the player's, a room's the round's", () => {
    assert.equal(revealScope({ kind: 'solo', challengeId: 'boss-1' }, 'p1'), 'solo:boss-1:p1');
    assert.equal(revealScope({ kind: 'room', code: 'ABC234', round: 3 }, 'p1'), 'room:ABC234:3');
  });
});

describe('the cut', () => {
  test('the seed is the first 32 bits (LE) of sha256("boss-split:" + scope), as the server derived it before', () => {
    for (const scope of ['solo:boss-1', 'room:ABC234:1', 'room:ZZZ999:12', '']) {
      assert.equal(bossSplitSeed(scope, sha256), sha256(`boss-split:${scope}`).readUInt32LE(0), scope);
    }
    assert.notEqual(bossSplitSeed('room:ABC234:1', sha256), bossSplitSeed('room:ABC234:2', sha256));
  });

  test('one scope, one cut: stratified, disjoint, covering', () => {
    const labels = Uint8Array.from({ length: 400 }, (_, i) => i % 10);
    const seed = bossSplitSeed('solo:boss-1', sha256);
    const a = bossSplit(seed, labels, boss);
    assert.deepEqual(bossSplit(seed, labels, boss), a);
    assert.equal(a.publicIdx.length + a.privateIdx.length, 400);
    assert.equal(new Set([...a.publicIdx, ...a.privateIdx]).size, 400);
    assert.equal(a.publicIdx.length, Math.round(40 * boss.publicFraction) * 10);
  });
});

describe('scoreBoss', () => {
  const rand = mulberry32(3);
  const testLabels = Uint8Array.from({ length: 200 }, () => Math.floor(rand() * 10));
  const trainLabels = Uint8Array.from({ length: 30 }, (_, i) => i % 10);
  const seed = bossSplitSeed('room:ABC234:1', sha256);
  const split = bossSplit(seed, testLabels, boss);

  test('right on the public part only: public 1, private 0, train from the training set', () => {
    const predictions = Int32Array.from(testLabels, (l) => (l + 1) % 10);
    for (const i of split.publicIdx) predictions[i] = testLabels[i] as number;
    const trainPredictions = Int32Array.from(trainLabels, (l, i) => (i < 15 ? l : (l + 1) % 10));
    const r = scoreBoss(seed, boss, { predictions, testLabels, trainPredictions, trainLabels });
    assert.ok(r.ok);
    assert.deepEqual(r.value.score, { score: 1, correct: split.publicIdx.length, total: split.publicIdx.length });
    assert.equal(r.value.privateScore, 0);
    assert.equal(r.value.trainScore, 0.5);
  });

  test('missing or miscounted predictions are an error, not a zero', () => {
    const predictions = Int32Array.from(testLabels);
    const code = (r: ReturnType<typeof scoreBoss>) => (r.ok ? 'ok' : r.code);
    assert.equal(code(scoreBoss(seed, boss, { predictions, testLabels, trainPredictions: undefined, trainLabels })), 'scoring/mismatch');
    assert.equal(code(scoreBoss(seed, boss, { predictions, testLabels, trainPredictions: Int32Array.from(trainLabels), trainLabels: null })), 'scoring/mismatch');
    assert.equal(code(scoreBoss(seed, boss, { predictions: predictions.subarray(1), testLabels, trainPredictions: Int32Array.from(trainLabels), trainLabels })), 'scoring/mismatch');
    assert.equal(code(scoreBoss(seed, boss, { predictions, testLabels, trainPredictions: Int32Array.from([1]), trainLabels })), 'scoring/mismatch');
    assert.equal(code(scoreBoss(seed, boss, { predictions, testLabels, trainPredictions: Int32Array.from(trainLabels), trainLabels })), 'ok');
  });
});
