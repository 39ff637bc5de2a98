import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bestSample,
  estimateFromSamples,
  refineWithStamp,
  sampleFromRoundTrip,
  serverTime,
  UNSYNCED,
  type ClockSample,
} from '../../../app/components/room/clock';

describe('clock offset from round trips', () => {
  test('offset is serverNow minus the midpoint of the round trip, bounded by it', () => {
    // Client sends at 1000, server (5 s ahead) stamps 6020, client receives at 1040.
    const s = sampleFromRoundTrip(1000, 6020, 1040);
    assert.deepEqual(s, { offset: 5000, rtt: 40, lo: 4980, hi: 5020 });
  });

  test('a symmetric trip recovers the exact offset whatever its length', () => {
    for (const [offset, oneWay] of [[0, 1], [-3000, 50], [123_456, 400]] as const) {
      const t0 = 10_000;
      const s = sampleFromRoundTrip(t0, t0 + oneWay + offset, t0 + 2 * oneWay);
      assert.equal(s?.offset, offset);
    }
  });

  test('a trip whose receive time precedes its send time, or a NaN, is refused', () => {
    assert.equal(sampleFromRoundTrip(1000, 5000, 999), null);
    assert.equal(sampleFromRoundTrip(1000, Number.NaN, 1010), null);
  });

  test('the sample with the smallest round trip wins', () => {
    const samples = [
      sampleFromRoundTrip(0, 5100, 300),
      sampleFromRoundTrip(1000, 6010, 1020),
      sampleFromRoundTrip(2000, 7300, 2200),
    ].filter((s): s is ClockSample => s !== null);
    assert.equal(bestSample(samples)?.rtt, 20);
    assert.equal(estimateFromSamples(samples).offset, 5000);
    assert.equal(bestSample([]), null);
    assert.equal(estimateFromSamples([], UNSYNCED), UNSYNCED);
  });
});

describe('refining with stamped messages', () => {
  const synced = estimateFromSamples([sampleFromRoundTrip(1000, 6020, 1040) as ClockSample]);

  test('a stamp below the estimate changes nothing', () => {
    assert.deepEqual(refineWithStamp(synced, 7000, 2030), synced); // lower bound 4970 < 4980
  });

  test('a stamp proving a higher lower bound moves the estimate up to it, within the bounds', () => {
    const r = refineWithStamp(synced, 7000, 1990); // lower bound 5010
    assert.equal(r.lo, 5010);
    assert.equal(r.offset, 5010);
    assert.equal(r.hi, 5020);
  });

  test('a stamp above the upper bound means the clocks moved: the stamp is trusted alone', () => {
    const r = refineWithStamp(synced, 9000, 1000); // lower bound 8000 > hi 5020
    assert.equal(r.offset, 8000);
    assert.equal(r.hi, Infinity);
  });

  test('before any sync, stamps alone give a usable offset', () => {
    const r = refineWithStamp(UNSYNCED, 5000, 1000);
    assert.equal(r.offset, 4000);
    assert.equal(serverTime(r, 1500), 5500);
  });
});
