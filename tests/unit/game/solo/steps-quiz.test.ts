import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { scoreStepsEntry } from '../../../../game/solo/play';
import { gradeSteps, isCloseEnough, STEPS_LEARNING_RATE, stepProblem } from '../../../../game/solo/steps-quiz';

const SEEDS = [0, 1, 2, 3, 7, 42, 1234, 99_999, 2 ** 31 - 1];
const exact = (seed: number) => stepProblem(seed).questions.map((q) => q.answer);

/**
 * The same step in tfjs: variables for the problem's weights, sigmoid layers, tfjs's mean squared
 * error, tf.variableGrads, then one plain SGD step. dout is dLoss/dz of the output, which for one
 * example is the output bias's gradient.
 */
function tfjsAnswers(seed: number): Record<string, number> {
  const { net, x, y } = stepProblem(seed);
  return tf.tidy(() => {
    const w1 = tf.variable(tf.tensor2d(net.w1), true, `w1_${seed}`);
    const b1 = tf.variable(tf.tensor1d(net.b1), true, `b1_${seed}`);
    const w2 = tf.variable(tf.tensor2d(net.w2), true, `w2_${seed}`);
    const b2 = tf.variable(tf.tensor1d(net.b2), true, `b2_${seed}`);
    const xs = tf.tensor2d([x]);
    const z1 = xs.matMul(w1).add(b1);
    const h = tf.sigmoid(z1);
    const out = tf.sigmoid(h.matMul(w2).add(b2));
    const f = () => tf.losses.meanSquaredError(tf.tensor2d([[y]]), tf.sigmoid(tf.sigmoid(xs.matMul(w1).add(b1)).matMul(w2).add(b2))) as tf.Scalar;
    const { value, grads } = tf.variableGrads(f, [w1, b1, w2, b2]);
    const at = (t: tf.Tensor | undefined, i = 0) => t?.dataSync()[i] ?? NaN;
    const dw2 = at(grads[w2.name]);
    const answers = {
      z1: at(z1),
      h1: at(h),
      out: at(out),
      loss: at(value),
      dout: at(grads[b2.name]),
      dw2,
      dw1: at(grads[w1.name]),
      neww2: at(w2) - STEPS_LEARNING_RATE * dw2,
    };
    [w1, b1, w2, b2].forEach((v) => v.dispose());
    return answers;
  });
}

describe('step-through answers equal tfjs', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  for (const seed of SEEDS) {
    test(`seed ${seed}: every answer within 1e-5 of tfjs's forward pass, gradients and SGD step`, () => {
      const ref = tfjsAnswers(seed);
      const { questions } = stepProblem(seed);
      assert.deepEqual(questions.map((q) => q.key), ['z1', 'h1', 'out', 'loss', 'dout', 'dw2', 'dw1', 'neww2']);
      for (const q of questions) {
        const want = ref[q.key] ?? NaN;
        assert.ok(Math.abs(q.answer - want) < 1e-5, `${q.key}: ${q.answer} vs tfjs ${want}`);
      }
    });
  }

  test('the problem is a function of the seed: weights with one decimal, inputs 0.5 or 1 (never 0), a 0/1 target', () => {
    assert.deepEqual(stepProblem(5), stepProblem(5));
    assert.notDeepEqual(stepProblem(5).net, stepProblem(6).net);
    for (const seed of SEEDS) {
      const { net, x, y } = stepProblem(seed);
      for (const w of [...net.w1.flat(), ...net.w2.flat(), ...net.b1, ...net.b2]) assert.ok(Math.abs(w * 10 - Math.round(w * 10)) < 1e-9, `${w}`);
      assert.ok(x.every((v) => v === 0.5 || v === 1) && (y === 0 || y === 1));
      // Every weight's gradient depends on the player's work: no input is 0.
      assert.notEqual(stepProblem(seed).questions.find((q) => q.key === 'dw1')?.answer, 0);
    }
  });
});

describe('grading', () => {
  test('exact answers are all right: score 1, three stars', () => {
    for (const seed of SEEDS) {
      assert.deepEqual(gradeSteps(seed, exact(seed)), { correct: 8, total: 8 });
      const r = scoreStepsEntry({ kind: 'steps', seed, answers: exact(seed) });
      assert.equal(r.score.score, 1);
      assert.equal(r.stars, 3);
    }
  });

  test('answers off by a lot are wrong; missing and non-finite answers are wrong', () => {
    const seed = 3;
    assert.equal(gradeSteps(seed, exact(seed).map((a) => a + 1)).correct, 0);
    assert.equal(gradeSteps(seed, exact(seed).map((a) => -a - 0.5)).correct, 0);
    assert.equal(gradeSteps(seed, []).correct, 0);
    assert.equal(gradeSteps(seed, exact(seed).slice(0, 5)).correct, 5);
    const withNaN = exact(seed);
    withNaN[2] = Number.NaN;
    assert.equal(gradeSteps(seed, withNaN).correct, 7);
    // Extra answers beyond the eight questions change nothing.
    assert.equal(gradeSteps(seed, [...exact(seed), 1, 2, 3]).correct, 8);
  });

  test('answers are graded in question order, not as a set', () => {
    const seed = 11;
    const a = exact(seed);
    const swapped = [a[1]!, a[0]!, ...a.slice(2)];
    const close = (i: number, j: number) => isCloseEnough(a[i]!, a[j]!);
    assert.equal(gradeSteps(seed, swapped).correct, 6 + (close(0, 1) ? 2 : 0));
  });

  test('stars: 4 of 8 right is one, 6 is two, 8 is three, 3 is none', () => {
    const seed = 21;
    const withRight = (n: number) => exact(seed).map((a, i) => (i < n ? a : a + 10));
    const stars = [3, 4, 5, 6, 7, 8].map((n) => scoreStepsEntry({ kind: 'steps', seed, answers: withRight(n) }).stars);
    assert.deepEqual(stars, [0, 1, 1, 2, 2, 3]);
  });
});

describe('isCloseEnough: within 0.005 or 2 %', () => {
  const table: [number, number, boolean][] = [
    [0.1049, 0.1, true],
    [0.1051, 0.1, false],
    [-0.0049, 0, true],
    [0.0051, 0, false],
    [2.039, 2, true],
    [2.041, 2, false],
    [-1.961, -2, true],
    [-1.959, -2, false],
    [0.3, -0.3, false],
  ];
  for (const [given, expected, want] of table) test(`${given} for ${expected} → ${want}`, () => assert.equal(isCloseEnough(given, expected), want));
});
