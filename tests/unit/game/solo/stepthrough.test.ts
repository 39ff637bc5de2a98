import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { lossFunction } from '../../../../models/build';
import { backward, forward, sgdUpdate, type HiddenActivation, type Matrix, type OutputActivation, type StepLoss, type TinyNet } from '../../../../game/solo/stepthrough';

const TOL = 1e-5;
const x: Matrix = [[0.5, -1.2], [1.5, 0.3], [-0.7, 0.9]];
const net = (hidden: HiddenActivation, output: OutputActivation): TinyNet => ({
  w1: [[0.4, -0.6, 0.2], [0.3, 0.8, -0.5]],
  b1: [0.1, -0.2, 0.05],
  w2: [[0.7, -0.3], [-0.4, 0.6], [0.25, 0.5]],
  b2: [0.05, -0.1],
  hidden,
  output,
});
const oneHot: Matrix = [[1, 0], [0, 1], [1, 0]];
const targets: Matrix = [[0.9, 0.1], [0.2, 0.7], [0.6, 0.3]];

function close(actual: number[] | Matrix, expected: number[] | Matrix, what: string): void {
  const a = actual.flat();
  const e = expected.flat();
  assert.equal(a.length, e.length, what);
  a.forEach((v, i) => assert.ok(Math.abs(v - (e[i] ?? NaN)) < TOL, `${what}[${i}]: ${v} vs tfjs ${e[i]}`));
}

/** The same network in tfjs ops, its loss, and tfjs's gradients for each parameter. */
function tfjsReference(n: TinyNet, y: Matrix, loss: StepLoss) {
  return tf.tidy(() => {
    const params = [tf.tensor2d(n.w1), tf.tensor1d(n.b1), tf.tensor2d(n.w2), tf.tensor1d(n.b2)] as const;
    const act = (t: tf.Tensor, a: string) => (a === 'linear' ? t : a === 'softmax' ? tf.softmax(t) : (tf[a as 'sigmoid' | 'tanh' | 'relu'](t) as tf.Tensor));
    const f = (w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => {
      const a1 = act(tf.matMul(tf.tensor2d(x), w1 as tf.Tensor2D).add(b1), n.hidden);
      const a2 = act(tf.matMul(a1 as tf.Tensor2D, w2 as tf.Tensor2D).add(b2), n.output);
      return lossFunction(loss)(tf.tensor2d(y), a2).mean() as tf.Scalar;
    };
    const { value, grads } = tf.valueAndGrads((...p: tf.Tensor[]) => f(p[0]!, p[1]!, p[2]!, p[3]!))([...params]);
    return { loss: value.dataSync()[0] ?? NaN, grads: grads.map((g) => Array.from(g.dataSync())) };
  });
}

describe('step-through forward and back propagation match tfjs', () => {
  const cases: [HiddenActivation, OutputActivation, StepLoss, Matrix][] = [
    ['sigmoid', 'softmax', 'categoricalCrossentropy', oneHot],
    ['tanh', 'softmax', 'categoricalCrossentropy', oneHot],
    ['relu', 'softmax', 'categoricalCrossentropy', oneHot],
    ['sigmoid', 'sigmoid', 'meanSquaredError', targets],
    ['relu', 'linear', 'meanSquaredError', targets],
    ['tanh', 'softmax', 'meanSquaredError', oneHot],
    ['sigmoid', 'sigmoid', 'categoricalCrossentropy', oneHot],
  ];
  for (const [hidden, output, loss, y] of cases) {
    test(`${hidden} → ${output}, ${loss}`, () => {
      tf.setBackend('cpu');
      const n = net(hidden, output);
      const trace = forward(n, x, y, loss);
      const g = backward(n, x, y, loss, trace);
      const ref = tfjsReference(n, y, loss);
      assert.ok(Math.abs(trace.loss - ref.loss) < TOL, `loss ${trace.loss} vs tfjs ${ref.loss}`);
      close(g.dw1, ref.grads[0] ?? [], 'dw1');
      close(g.db1, ref.grads[1] ?? [], 'db1');
      close(g.dw2, ref.grads[2] ?? [], 'dw2');
      close(g.db2, ref.grads[3] ?? [], 'db2');
    });
  }

  test('one SGD update equals tf.train.sgd on the same batch, and lowers the loss', () => {
    tf.setBackend('cpu');
    const n = net('tanh', 'softmax');
    const lr = 0.5;
    const trace = forward(n, x, oneHot, 'categoricalCrossentropy');
    const next = sgdUpdate(n, backward(n, x, oneHot, 'categoricalCrossentropy', trace), lr);
    const vars = [tf.variable(tf.tensor2d(n.w1)), tf.variable(tf.tensor1d(n.b1)), tf.variable(tf.tensor2d(n.w2)), tf.variable(tf.tensor1d(n.b2))] as const;
    tf.train.sgd(lr).minimize(() => {
      const a1 = tf.tanh(tf.matMul(tf.tensor2d(x), vars[0]).add(vars[1]));
      const a2 = tf.softmax(tf.matMul(a1, vars[2]).add(vars[3]));
      return lossFunction('categoricalCrossentropy')(tf.tensor2d(oneHot), a2).mean() as tf.Scalar;
    });
    close(next.w1, Array.from(vars[0].dataSync()), 'w1');
    close(next.b1, Array.from(vars[1].dataSync()), 'b1');
    close(next.w2, Array.from(vars[2].dataSync()), 'w2');
    close(next.b2, Array.from(vars[3].dataSync()), 'b2');
    assert.ok(forward(next, x, oneHot, 'categoricalCrossentropy').loss < trace.loss);
    tf.dispose([...vars]);
  });
});
