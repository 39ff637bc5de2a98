import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CHALLENGE_IDS, generatedTrainCount, getModelChallenge, modelChallenge, type ModelChallenge } from '../../../game/challenges';
import { gateTable } from '../../../game/solo/data2d';
import { forChallenge, generatedSplits, generatedTest, TRAIN_SEED, VAL_SEED } from '../../../game/challenge-data';
import { filterClasses, type FeatureSplit } from '../../../models/challenge-data';
import type { SplitData } from '../../../models/dataset';
import { loadSplitFromDisk } from '../../../models/dataset-node';
import { testExamples } from '../../../server/scoring/test-split';

const DATA_DIR = join(import.meta.dirname, '..', '..', '..', 'data');
const modelChallenges = CHALLENGE_IDS.map(getModelChallenge).filter((c): c is ModelChallenge => c !== undefined);
const pointChallenges = modelChallenges.filter((c) => c.data.type === 'points');
const gateChallenges = modelChallenges.filter((c) => c.data.type === 'gate');
const imageChallenges = modelChallenges.filter((c) => c.data.type === 'images');

const ones = (s: FeatureSplit) => s.labels.reduce((n, l) => n + l, 0);
const pointKeys = (s: FeatureSplit) => {
  const keys = new Set<string>();
  for (let i = 0; i < s.count; i++) keys.add(`${s.features[2 * i]},${s.features[2 * i + 1]}`);
  return keys;
};

function wellFormed(s: FeatureSplit, count: number): void {
  assert.equal(s.kind, 'features');
  assert.equal(s.count, count);
  assert.equal(s.width, 2);
  assert.equal(s.features.length, 2 * count);
  assert.equal(s.labels.length, count);
  assert.ok(s.labels.every((l) => l === 0 || l === 1));
  assert.ok(s.features.every(Number.isFinite));
}

describe('generated data: 2-D points', () => {
  test('every 2-D challenge is covered here', () => assert.ok(pointChallenges.length >= 4));

  for (const c of pointChallenges) {
    if (c.data.type !== 'points') continue;
    const d = c.data;
    test(`${c.id}: train, validation and test sizes from the definition, two balanced classes`, () => {
      const splits = generatedSplits(c);
      assert.ok(splits);
      wellFormed(splits.train, d.train);
      wellFormed(splits.val, d.val);
      const t = generatedTest(c, 12345);
      assert.ok(t);
      wellFormed(t, d.test);
      for (const s of [splits.train, splits.val, t]) assert.equal(ones(s), Math.floor(s.count / 2));
      assert.equal(generatedTrainCount(c), d.train);
    });

    test(`${c.id}: the same seeds give the same points; train and validation seeds differ`, () => {
      assert.notEqual(TRAIN_SEED, VAL_SEED);
      assert.deepEqual(generatedSplits(c), generatedSplits(c));
      assert.deepEqual(generatedTest(c, 7), generatedTest(c, 7));
      assert.notDeepEqual(generatedTest(c, 7)?.features, generatedTest(c, 8)?.features);
    });

    test(`${c.id}: the server's test points are none of the training or validation points`, () => {
      const splits = generatedSplits(c);
      const test = testExamples(DATA_DIR, c) as FeatureSplit;
      assert.equal(test.kind, 'features');
      wellFormed(test, d.test);
      const seen = new Set([...pointKeys(splits!.train), ...pointKeys(splits!.val)]);
      const shared = [...pointKeys(test)].filter((k) => seen.has(k));
      assert.deepEqual(shared, []);
      assert.notDeepEqual(test.features.subarray(0, 20), splits!.train.features.subarray(0, 20));
    });
  }
});

describe('generated data: logic gates', () => {
  test('the gate challenge exists', () => assert.equal(gateChallenges.length, 1));

  for (const c of gateChallenges) {
    if (c.data.type !== 'gate') continue;
    const d = c.data;
    test(`${c.id}: training repeats the truth table ${d.repeat} times; validation and test are the table`, () => {
      const table = gateTable(d.gate);
      const splits = generatedSplits(c);
      assert.ok(splits);
      wellFormed(splits.train, 4 * d.repeat);
      assert.equal(generatedTrainCount(c), 4 * d.repeat);
      for (let r = 0; r < d.repeat; r++) {
        assert.deepEqual(splits.train.features.subarray(8 * r, 8 * r + 8), table.xy, `copy ${r}`);
        assert.deepEqual(splits.train.labels.subarray(4 * r, 4 * r + 4), table.labels, `copy ${r}`);
      }
      assert.deepEqual(splits.val.features, table.xy);
      assert.deepEqual(splits.val.labels, table.labels);
      const t = generatedTest(c, 99);
      assert.deepEqual(t?.labels, table.labels);
      assert.deepEqual(testExamples(DATA_DIR, c).labels, table.labels);
    });
  }

  test('XOR is the table 0, 1, 1, 0 on inputs 00, 01, 10, 11', () => {
    const t = gateTable('xor');
    assert.deepEqual([...t.xy], [0, 0, 0, 1, 1, 0, 1, 1]);
    assert.deepEqual([...t.labels], [0, 1, 1, 0]);
  });
});

describe('image challenges', () => {
  test('have no generated data', () => {
    assert.ok(imageChallenges.length >= 2);
    for (const c of imageChallenges) {
      assert.equal(generatedSplits(c), null, c.id);
      assert.equal(generatedTest(c, 1), null, c.id);
      assert.equal(generatedTrainCount(c), null, c.id);
    }
  });

  test("sign-01 sees the 0s and 1s of each split, relabelled 0 and 1; sign-digits all ten", () => {
    const dir = join(DATA_DIR, 'sign-digits');
    for (const split of ['train', 'val', 'test'] as const) {
      const raw = loadSplitFromDisk(dir, split).data;
      const two = forChallenge(modelChallenge('sign-01'), raw);
      const want = raw.labels.filter((l) => l === 0 || l === 1).length;
      assert.equal(two.count, want, split);
      assert.ok(two.labels.every((l) => l === 0 || l === 1));
      assert.ok(two.labels.includes(0) && two.labels.includes(1));
      assert.equal(forChallenge(modelChallenge('sign-digits'), raw), raw);
    }
    assert.equal(testExamples(DATA_DIR, modelChallenge('sign-01')).count, 81);
    assert.equal(testExamples(DATA_DIR, modelChallenge('sign-digits')).count, 409);
  });
});

describe('filterClasses', () => {
  /** Five 1×2 images; image i has pixels (10i, 10i+1) and label labels[i]. */
  const split = (labels: number[]): SplitData => ({
    count: labels.length,
    height: 1,
    width: 2,
    channels: 1,
    images: Uint8Array.from(labels.flatMap((_, i) => [10 * i, 10 * i + 1])),
    labels: Uint8Array.from(labels),
  });

  test('keeps the listed classes in order and relabels them by their place in the list', () => {
    const out = filterClasses(split([3, 0, 1, 3, 1]), [3, 1]);
    assert.equal(out.count, 4);
    assert.deepEqual([...out.labels], [0, 1, 0, 1]);
    assert.deepEqual([...out.images], [0, 1, 20, 21, 30, 31, 40, 41]);
    assert.equal(out.height, 1);
    assert.equal(out.width, 2);
  });

  test('classes with no examples give an empty split; the input is not changed', () => {
    const input = split([2, 2, 5]);
    const before = structuredClone(input);
    const out = filterClasses(input, [7]);
    assert.equal(out.count, 0);
    assert.equal(out.images.length, 0);
    assert.deepEqual(input, before);
  });
});
