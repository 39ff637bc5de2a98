import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHALLENGE_IDS, CHALLENGES } from '../../../game/challenges';
import { DEFAULT_TRAIN_SECONDS, ROUND_TIME_MARGIN, roundTimeAdvice, roundTimeNeededMs } from '../../../game/round-time';
import { ROUND_MAX_MS, ROUND_MIN_MS } from '../../../game/room/settings';

describe('round length advice', () => {
  test('every model challenge has a measured training time; played challenges have none', () => {
    for (const id of CHALLENGE_IDS) {
      const s = DEFAULT_TRAIN_SECONDS[id];
      if (CHALLENGES[id].kind === 'model') assert.ok(typeof s === 'number' && s > 0, id);
      else assert.equal(s, null, id);
    }
  });

  test('needed = two runs of the default plus two minutes', () => {
    assert.equal(roundTimeNeededMs('sign-digits'), DEFAULT_TRAIN_SECONDS['sign-digits']! * 2000 + 120_000);
    assert.equal(roundTimeNeededMs('optimizer-race'), ROUND_TIME_MARGIN.fixedMs);
  });

  test('a 2-minute Sign Digits round is too short; 15 minutes is not', () => {
    assert.equal(roundTimeAdvice('sign-digits', 2 * 60_000).tooShort, true);
    assert.equal(roundTimeAdvice('sign-digits', 15 * 60_000).tooShort, false);
    assert.equal(roundTimeAdvice('sign-digits', 2 * 60_000).trainMs, DEFAULT_TRAIN_SECONDS['sign-digits']! * 1000);
  });

  test('exactly the needed length is enough; one ms less is not', () => {
    const needed = roundTimeNeededMs('boss-1');
    assert.equal(roundTimeAdvice('boss-1', needed).tooShort, false);
    assert.equal(roundTimeAdvice('boss-1', needed - 1).tooShort, true);
  });

  test('a duration that is not a number is not judged', () => {
    assert.equal(roundTimeAdvice('sign-digits', Number.NaN).tooShort, false);
  });

  test('the longest round is enough for every challenge, and the shortest warns on each', () => {
    for (const id of CHALLENGE_IDS) {
      assert.equal(roundTimeAdvice(id, ROUND_MAX_MS).tooShort, false, id);
      assert.equal(roundTimeAdvice(id, ROUND_MIN_MS).tooShort, true, id);
    }
  });
});
