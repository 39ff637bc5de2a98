import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fmt, parseAnswer, revealed, seedFromBits, stepsTrace } from '../../../app/challenges/[id]/play/steps-view';
import { gradeSteps, STEPS_LEARNING_RATE, stepProblem } from '../../../game/solo/steps-quiz';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

describe('stepsTrace', () => {
  for (const seed of [0, 1, 42, 123456, 2 ** 31 - 1]) {
    test(`seed ${seed}: the diagram's numbers are the quiz's answers, and follow the formulas`, () => {
      const p = stepProblem(seed);
      const t = stepsTrace(p);
      const answer = (key: string) => p.questions.find((q) => q.key === key)!.answer;
      assert.equal(t.z[0], answer('z1'));
      assert.equal(t.h[0], answer('h1'));
      assert.equal(t.out, answer('out'));
      assert.equal(t.loss, answer('loss'));
      assert.equal(t.dOut, answer('dout'));
      assert.equal(t.dw2[0], answer('dw2'));
      assert.equal(t.dw1[0][0], answer('dw1'));
      assert.equal(t.newW2[0], answer('neww2'));
      // The same numbers by hand, as the hints teach them.
      const { w1, b1, w2, b2 } = p.net;
      const z2 = p.x[0] * w1[0]![1]! + p.x[1] * w1[1]![1]! + b1[1]!;
      assert.ok(Math.abs(t.z[1] - z2) < 1e-12);
      assert.ok(Math.abs(t.h[1] - sigmoid(z2)) < 1e-12);
      assert.ok(Math.abs(t.out - sigmoid(t.h[0] * w2[0]![0]! + t.h[1] * w2[1]![0]! + b2[0]!)) < 1e-12);
      assert.ok(Math.abs(t.loss - (t.out - p.y) ** 2) < 1e-12);
      assert.ok(Math.abs(t.dOut - 2 * (t.out - p.y) * t.out * (1 - t.out)) < 1e-12);
      assert.ok(Math.abs(t.dw2[1] - t.h[1] * t.dOut) < 1e-12);
      assert.ok(Math.abs(t.dHidden[1] - t.dOut * w2[1]![0]! * t.h[1] * (1 - t.h[1])) < 1e-12);
      assert.ok(Math.abs(t.dw1[1][0] - p.x[1] * t.dHidden[0]) < 1e-12);
      assert.ok(Math.abs(t.newW2[1] - (w2[1]![0]! - STEPS_LEARNING_RATE * t.dw2[1])) < 1e-12);
    });
  }

  test('answers typed with four decimals, as the diagram shows them, get full marks', () => {
    for (const seed of [3, 77, 9001]) {
      const p = stepProblem(seed);
      const typed = p.questions.map((q) => parseAnswer(fmt(q.answer))!);
      assert.deepEqual(gradeSteps(seed, typed), { correct: 8, total: 8 });
    }
  });
});

describe('revealed', () => {
  test('grows question by question and ends with every number', () => {
    const { questions } = stepProblem(5);
    let previous = new Set<string>();
    for (let i = 0; i <= questions.length; i++) {
      const now = revealed(questions, i);
      for (const k of previous) assert.ok(now.has(k as never), `${k} hidden again after ${i}`);
      if (i > 0) assert.ok(now.size > previous.size, `question ${i} reveals something`);
      previous = now;
    }
    assert.equal(revealed(questions, 0).size, 0);
    assert.equal(revealed(questions, questions.length).size, 12);
    assert.ok(revealed(questions, 1).has('z1') && !revealed(questions, 1).has('h1'));
  });
});

describe('parseAnswer', () => {
  const CASES: Array<[string, number | null]> = [
    ['0.1234', 0.1234],
    [' -0.5 ', -0.5],
    ['−0.25', -0.25],
    ['0,75', 0.75],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['+2', 2],
    ['', null],
    ['abc', null],
    ['1.2.3', null],
    ['0x10', null],
    ['Infinity', null],
  ];
  for (const [text, expected] of CASES) test(JSON.stringify(text), () => assert.equal(parseAnswer(text), expected));
});

describe('fmt and seeds', () => {
  test('four decimals with a real minus, no negative zero', () => {
    assert.equal(fmt(0.12345), '0.1235');
    assert.equal(fmt(-0.5), '−0.5000');
    assert.equal(fmt(-0.00001), '0.0000');
    assert.equal(fmt(NaN), '—');
    assert.equal(fmt(0.5, 1), '0.5');
  });
  test('seeds from random bits are in the range the server accepts', () => {
    for (const bits of [0, 1, 0xffffffff, 0x80000000, 123456789]) {
      const s = seedFromBits(bits);
      assert.ok(Number.isInteger(s) && s >= 0 && s <= 2 ** 31 - 1, `${bits} → ${s}`);
    }
  });
});
