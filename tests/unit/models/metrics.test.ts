import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accuracy, confusionMatrix, misclassified } from '../../../models/metrics';

describe('metrics', () => {
  const CASES: Array<{ name: string; pred: number[]; labels: number[]; acc: number; wrong: number[] }> = [
    { name: 'all right', pred: [0, 1, 2], labels: [0, 1, 2], acc: 1, wrong: [] },
    { name: 'all wrong', pred: [1, 2, 0], labels: [0, 1, 2], acc: 0, wrong: [0, 1, 2] },
    { name: 'mixed', pred: [0, 0, 2, 2], labels: [0, 1, 2, 1], acc: 0.5, wrong: [1, 3] },
    { name: 'empty', pred: [], labels: [], acc: 0, wrong: [] },
  ];
  for (const c of CASES) {
    test(`accuracy and misclassified: ${c.name}`, () => {
      assert.equal(accuracy(c.pred, c.labels), c.acc);
      assert.deepEqual(misclassified(c.pred, c.labels), c.wrong);
    });
  }

  test('confusion matrix rows are true classes, columns predictions', () => {
    assert.deepEqual(confusionMatrix([0, 0, 2, 2, 1], [0, 1, 2, 1, 1], 3), [
      [1, 0, 0],
      [1, 1, 1],
      [0, 0, 1],
    ]);
  });

  test('length mismatch is an error, not a silent score', () => {
    assert.throws(() => accuracy([1], [1, 2]), /1 predictions for 2 labels/);
    assert.throws(() => confusionMatrix([1], [1, 2], 3), /1 predictions for 2 labels/);
  });
});
