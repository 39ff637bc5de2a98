/** Facing the boss solo: the near-chance band and the lock from the player's path. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { faceRefusal, nearChance } from '../../../../game/boss/face';

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
