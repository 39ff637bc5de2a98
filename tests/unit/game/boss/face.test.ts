/** Facing the boss solo: the near-chance band, the lock from the player's path, the one reveal, the picks. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { faceLocked, faceRefusal, nearChance, NOTHING_TO_REVEAL, pickStep, soloRevealStep } from '../../../../game/boss/face';
import type { BossReveal } from '../../../../game/boss/reveal';
import type { BossSubmission } from '../../../../game/boss/rules';

describe('nearChance', () => {
  test('ten digits, 120 public images: up to 18 of 120 is what guessing scores, 19 is not', () => {
    for (const correct of [0, 6, 12, 18]) assert.equal(nearChance(correct / 120, 10, 120), true, `${correct}/120`);
    for (const correct of [19, 40, 120]) assert.equal(nearChance(correct / 120, 10, 120), false, `${correct}/120`);
  });
  test('a bigger public part narrows the band, never below 3 points; two classes centre on 50 %', () => {
    assert.equal(nearChance(0.14, 10, 10_000), false, '14 % on 10,000 images is above a guesser');
    assert.equal(nearChance(0.129, 10, 10_000), true, 'within the 3-point floor');
    assert.equal(nearChance(0.6, 2, 40), true);
    assert.equal(nearChance(0.7, 2, 40), false);
  });
  test('no answer for nonsense input', () => {
    assert.equal(nearChance(Number.NaN, 10, 120), false);
    assert.equal(nearChance(0.1, 1, 120), false);
    assert.equal(nearChance(0.1, 10, 0), true, 'no public images: the floor and one image decide');
  });
});

describe('faceRefusal', () => {
  test('boss-1 opens with a star on Sign Digits 0 vs 1; boss-2 with a star on boss-1', () => {
    assert.equal(faceRefusal('boss-1', {})?.code, 'boss/locked');
    assert.match(faceRefusal('boss-1', {})?.message ?? '', /sign-01/);
    assert.equal(faceRefusal('boss-1', { 'sign-01': 1 }), null);
    assert.equal(faceRefusal('boss-2', { 'sign-01': 3 })?.code, 'boss/locked');
    assert.equal(faceRefusal('boss-2', { 'boss-1': 1 }), null);
  });
});

describe('the solo reveal happens once, picks end with it (game/boss/face.ts)', () => {
  const reveal: BossReveal = { challengeId: 'boss-1', rows: [], bossHealth: 40, revealedAt: 5 };
  const own: BossSubmission[] = ['a', 'b', 'c'].map((id, i) => ({ submissionId: id, public: 0.5, private: 0.5, train: 1, submittedAt: i }));

  test('locked: refused whatever is stored; open: reveal the first time, the same reveal after', () => {
    assert.deepEqual(soloRevealStep('boss-1', {}, null), { kind: 'refuse', error: faceRefusal('boss-1', {}) });
    assert.equal(soloRevealStep('boss-1', {}, reveal).kind, 'refuse');
    assert.deepEqual(soloRevealStep('boss-1', { 'sign-01': 1 }, null), { kind: 'reveal' });
    assert.deepEqual(soloRevealStep('boss-1', { 'sign-01': 1 }, reveal), { kind: 'replay', reveal });
    assert.equal(NOTHING_TO_REVEAL.code, 'boss/nothing_to_reveal');
  });

  test('picks: duplicates dropped, at most two of ones own, none after the reveal', () => {
    assert.deepEqual(pickStep(false, own, ['a', 'a', 'b']), { ok: true, picks: ['a', 'b'] });
    assert.deepEqual(pickStep(false, own, []), { ok: true, picks: [] });
    const code = (r: ReturnType<typeof pickStep>) => (r.ok ? 'ok' : r.error.code);
    assert.equal(code(pickStep(false, own, ['a', 'b', 'c'])), 'boss/too_many_selected');
    assert.equal(code(pickStep(false, own, ['z'])), 'boss/not_yours');
    assert.equal(code(pickStep(true, own, ['a'])), 'boss/revealed');
  });

  test('the lock shows only for solo play: a room boss is the teachers pick', () => {
    assert.equal(faceLocked({ kind: 'solo', challengeId: 'boss-1' }, 'boss-1', {}), true);
    assert.equal(faceLocked({ kind: 'solo', challengeId: 'boss-1' }, 'boss-1', { 'sign-01': 2 }), false);
    assert.equal(faceLocked({ kind: 'room', code: 'ABC234', round: 1 }, 'boss-1', {}), false);
  });
});
