import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generatedSplits, generatedTest } from '../../../game/challenge-data';
import { modelChallenge } from '../../../game/challenges';
import { lengthScores, oneHotSplit, sequenceSet } from '../../../game/sequence-data';
import {
  DIGIT_TOKEN_BASE,
  MARKER_SPAN,
  MARKER_TOKEN,
  PAD_TOKEN,
  QUERY_TOKEN_BASE,
  groupAccuracies,
  lookupSequences,
  memoryGroups,
  memorySequences,
  tokenLabel,
  vocabSize,
  type SequenceSet,
} from '../../../game/sequences';

const row = (s: SequenceSet, i: number) => Array.from(s.tokens.subarray(i * s.width, (i + 1) * s.width));
const counts = (labels: Uint8Array) => Array.from({ length: 10 }, (_, d) => labels.filter((l) => l === d).length);

/** The answer as a reader would find it: the digit right after the one marker. */
function memoryAnswer(tokens: number[]): number {
  const markers = tokens.flatMap((t, j) => (t === MARKER_TOKEN ? [j] : []));
  assert.equal(markers.length, 1, `one marker in ${tokens.join(' ')}`);
  const next = tokens[(markers[0] ?? 0) + 1] ?? -1;
  return next - DIGIT_TOKEN_BASE;
}

describe('memory sequences', () => {
  const opts = { count: 503, seed: 7, width: 20, minLength: 4, maxLength: 20 };
  const set = memorySequences(opts);

  test('the same seed gives the same sequences; another seed others', () => {
    assert.deepEqual(memorySequences(opts), set);
    assert.notDeepEqual(memorySequences({ ...opts, seed: 8 }).tokens, set.tokens);
  });

  test('the label is the digit after the marker, the marker near the start, padding on the left', () => {
    for (let i = 0; i < set.count; i++) {
      const tokens = row(set, i);
      const length = set.lengths[i] ?? 0;
      assert.ok(length >= 4 && length <= 20);
      const pad = set.width - length;
      assert.ok(tokens.slice(0, pad).every((t) => t === PAD_TOKEN));
      assert.ok(tokens.slice(pad).every((t) => t !== PAD_TOKEN));
      assert.equal(memoryAnswer(tokens), set.labels[i]);
      const marker = tokens.indexOf(MARKER_TOKEN) - pad;
      assert.ok(marker >= 0 && marker < MARKER_SPAN);
    }
  });

  test('answers are balanced (503 sequences: 50 or 51 per digit) and lengths cover the range', () => {
    for (const c of counts(set.labels)) assert.ok(c === 50 || c === 51, String(c));
    const lengths = new Set(set.lengths);
    assert.ok(lengths.has(4) && lengths.has(20), [...lengths].join(','));
  });

  test('the test set is one balanced group per length, in order', () => {
    const test = memoryGroups({ seed: 3, width: 20, lengths: [5, 10, 20], perLength: 100 });
    assert.equal(test.count, 300);
    [5, 10, 20].forEach((length, g) => {
      const group = test.labels.subarray(g * 100, (g + 1) * 100);
      assert.deepEqual(counts(group), Array(10).fill(10));
      for (let k = 0; k < 100; k++) {
        const i = g * 100 + k;
        assert.equal(test.lengths[i], length);
        assert.equal(memoryAnswer(row(test, i)), test.labels[i]);
      }
    });
  });
});

describe('lookup sequences', () => {
  const set = lookupSequences({ count: 400, seed: 11, digits: 8 });

  test('seeded; eight digits then the query of a place; the label is the digit there', () => {
    assert.deepEqual(lookupSequences({ count: 400, seed: 11, digits: 8 }), set);
    assert.equal(set.width, 9);
    const places = new Set<number>();
    for (let i = 0; i < set.count; i++) {
      const tokens = row(set, i);
      const query = tokens[8] ?? 0;
      assert.ok(query >= QUERY_TOKEN_BASE && query < QUERY_TOKEN_BASE + 8);
      const place = query - QUERY_TOKEN_BASE;
      places.add(place);
      assert.ok(tokens.slice(0, 8).every((t) => t >= DIGIT_TOKEN_BASE && t < DIGIT_TOKEN_BASE + 10));
      assert.equal((tokens[place] ?? 0) - DIGIT_TOKEN_BASE, set.labels[i]);
    }
    assert.equal(places.size, 8);
    assert.deepEqual(counts(set.labels), Array(10).fill(40));
  });

  test('every token id fits the vocabulary the challenge one-hots', () => {
    const vocab = vocabSize('lookup', 9);
    assert.ok(set.tokens.every((t) => t >= 0 && t < vocab));
    assert.equal(vocabSize('memory', 20), MARKER_TOKEN + 1);
  });

  test('tokens read as digits, marker, padding and ?place', () => {
    assert.deepEqual([PAD_TOKEN, MARKER_TOKEN, DIGIT_TOKEN_BASE + 7, QUERY_TOKEN_BASE + 2].map(tokenLabel), ['·', 'M', '7', '?3']);
  });
});

describe('sequence challenges: splits and scores by length', () => {
  test('one-hot steps: one 1 per step at the token id', () => {
    const set = lookupSequences({ count: 3, seed: 1, digits: 4 });
    const split = oneHotSplit(set, vocabSize('lookup', 5));
    assert.equal(split.steps, 5);
    assert.equal(split.width, 5 * vocabSize('lookup', 5));
    for (let step = 0; step < 15; step++) {
      const slice = Array.from(split.features.subarray(step * 16, (step + 1) * 16));
      assert.equal(slice.reduce((a, b) => a + b, 0), 1);
      assert.equal(slice.indexOf(1), set.tokens[step]);
    }
  });

  test('both challenges: public train/val seeds differ from the server test seed; shapes fit inputShape', () => {
    for (const id of ['memory', 'attention'] as const) {
      const c = modelChallenge(id);
      const splits = generatedSplits(c);
      const test = generatedTest(c, 918_273_645);
      assert.ok(splits && test);
      const [steps, vocab] = c.inputShape;
      for (const s of [splits.train, splits.val, test]) {
        assert.equal(s.steps, steps);
        assert.equal(s.width, (steps ?? 0) * (vocab ?? 0));
        assert.equal(s.features.length, s.count * s.width);
      }
      assert.notDeepEqual(splits.train.features.subarray(0, 200), test.features.subarray(0, 200));
    }
  });

  test('memory stars read each length: perfect on 5 and 10, chance on 20', () => {
    const c = modelChallenge('memory');
    if (c.data.type !== 'sequence' || c.data.task !== 'memory') throw new Error('memory is a memory task');
    const test = sequenceSet(c.data, 'test', 5);
    const per = c.data.testPerLength;
    const predictions = Array.from(test.labels, (l, i) => (i < 2 * per ? l : (l + 1) % 10));
    assert.deepEqual(lengthScores(c.data, predictions, test.labels), { 5: 1, 10: 1, 20: 0 });
    assert.equal(lengthScores(c.data, predictions.slice(1), test.labels), null);
    assert.equal(lengthScores(modelChallenge('attention').data, predictions, test.labels), null);
    assert.deepEqual(groupAccuracies([1, 1, 0, 0], [1, 0, 0, 1], 2), [0.5, 0.5]);
  });
});
