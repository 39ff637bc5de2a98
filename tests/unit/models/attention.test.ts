/**
 * The self-attention layer against a hand computation in plain JS (no tfjs maths), and its
 * gradients (tf.grad) against central finite differences, on the CPU backend.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { attend, positionalEncoding, SelfAttention, type AttentionConfig, type AttentionWeights } from '../../../models/attention';

type Mat = number[][];

/** Deterministic values in [-0.5, 0.5). */
function values(count: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: count }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  });
}
const mat = (rows: number, cols: number, seed: number): Mat => {
  const v = values(rows * cols, seed);
  return Array.from({ length: rows }, (_, r) => v.slice(r * cols, (r + 1) * cols));
};
const matmul = (a: Mat, b: Mat): Mat => a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
const cols = (m: Mat, from: number, n: number): Mat => m.map((r) => r.slice(from, from + n));

interface Plain { q: Mat; k: Mat; v: Mat; o: Mat; bo: number[] }

/** One example x [T][F] through attention, by the textbook formulas. */
function handAttention(x: Mat, w: Plain, cfg: AttentionConfig): { out: Mat; maps: Mat[] } {
  const T = x.length;
  const F = x[0]!.length;
  const pe = positionalEncoding(T, F);
  const xp = cfg.positional ? x.map((r, t) => r.map((v, f) => v + pe[t * F + f]!)) : x;
  const [Q, K, V] = [w.q, w.k, w.v].map((m) => matmul(xp, m)) as [Mat, Mat, Mat];
  const maps: Mat[] = [];
  const context: Mat = Array.from({ length: T }, () => []);
  for (let h = 0; h < cfg.heads; h++) {
    const [q, k, v] = [Q, K, V].map((m) => cols(m, h * cfg.keyDim, cfg.keyDim)) as [Mat, Mat, Mat];
    const map = q.map((qi, i) => {
      const scores = k.map((kj, j) => (cfg.causal && j > i ? -Infinity : qi.reduce((s, a, d) => s + a * kj[d]!, 0) / Math.sqrt(cfg.keyDim)));
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((x) => x / sum);
    });
    maps.push(map);
    matmul(map, v).forEach((row, t) => context[t]!.push(...row));
  }
  const out = matmul(context, w.o).map((r) => r.map((v, f) => v + w.bo[f]!));
  return { out, maps };
}

function plainWeights(F: number, cfg: AttentionConfig): Plain {
  const inner = cfg.heads * cfg.keyDim;
  return { q: mat(F, inner, 11), k: mat(F, inner, 12), v: mat(F, inner, 13), o: mat(inner, F, 14), bo: values(F, 15) };
}
const toTensors = (w: Plain): AttentionWeights => ({
  query: tf.tensor2d(w.q), key: tf.tensor2d(w.k), value: tf.tensor2d(w.v), output: tf.tensor2d(w.o), outputBias: tf.tensor1d(w.bo),
});

function assertClose(actual: ArrayLike<number>, expected: readonly number[], tol: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= tol, `${what}[${i}]: got ${actual[i]}, expected ${expected[i]}`);
  }
}

const CONFIGS: AttentionConfig[] = [
  { heads: 1, keyDim: 2, causal: false, positional: false },
  { heads: 1, keyDim: 3, causal: true, positional: false },
  { heads: 2, keyDim: 2, causal: false, positional: true },
  { heads: 2, keyDim: 3, causal: true, positional: true },
];
const T = 4;
const F = 3;
const B = 2;
const label = (c: AttentionConfig) => `${c.heads} head(s), keyDim ${c.keyDim}, causal ${c.causal}, positional ${c.positional}`;

before(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('selfAttention maths', () => {
  test('the positional encoding is sin on even features and cos on odd ones', () => {
    const pe = positionalEncoding(3, 4);
    assertClose(pe, [0, 1, 0, 1, Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01), Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)], 1e-6, 'pe');
  });

  for (const cfg of CONFIGS) {
    test(`output and maps equal the hand computation: ${label(cfg)}`, () => {
      const w = plainWeights(F, cfg);
      const xs = [mat(T, F, 1), mat(T, F, 2)];
      const tw = toTensors(w);
      const { output, weights } = attend(tf.tensor3d(xs), tw, cfg);
      const out = output.arraySync();
      const maps = weights.arraySync();
      xs.forEach((x, b) => {
        const hand = handAttention(x, w, cfg);
        assertClose(out[b]!.flat(), hand.out.flat(), 1e-5, `output of example ${b}`);
        assertClose(maps[b]!.flat(2), hand.maps.flat(2), 1e-5, `maps of example ${b}`);
        if (cfg.causal) assert.equal(maps[b]![0]![0]![T - 1], 0, 'the first step cannot see the last');
      });
      tf.dispose([output, weights, ...Object.values(tw)]);
    });
  }

  test('without positional encoding the layer cannot tell order: reversing the input reverses the output', () => {
    const cfg = CONFIGS[0]!;
    const tw = toTensors(plainWeights(F, cfg));
    const x = tf.tensor3d([mat(T, F, 3)]);
    const a = attend(x, tw, cfg).output;
    const b = attend(tf.reverse(x, 1), tw, cfg).output;
    assertClose(tf.reverse(b, 1).dataSync(), [...a.dataSync()], 1e-5, 'permuted output');
    const withPe = { ...cfg, positional: true };
    const c = attend(x, tw, withPe).output;
    const d = attend(tf.reverse(x, 1), tw, withPe).output;
    const gap = tf.reverse(d, 1).sub(c).abs().max().dataSync()[0]!;
    assert.ok(gap > 1e-3, `with positions the reversed input gives a different answer (gap ${gap})`);
  });
});

/** Central differences of f at x (float64 maths in JS around float32 tensors). */
function numericGrad(f: (x: tf.Tensor) => tf.Scalar, x: tf.Tensor, eps: number): number[] {
  const base = [...x.dataSync()];
  return base.map((_, i) => {
    const at = (d: number) => tf.tidy(() => {
      const v = base.slice();
      v[i]! += d;
      return f(tf.tensor(v, x.shape)).dataSync()[0]!;
    });
    return (at(eps) - at(-eps)) / (2 * eps);
  });
}

describe('selfAttention gradients match finite differences', () => {
  for (const cfg of CONFIGS) {
    test(label(cfg), () => {
      const w = plainWeights(F, cfg);
      const x = tf.tensor3d([mat(T, F, 4), mat(T, F, 5)]);
      const target = tf.tensor3d([mat(T, F, 6), mat(T, F, 7)]);
      const tw = toTensors(w);
      // A loss that mixes every output: weighted squared error against a fixed target.
      const loss = (parts: AttentionWeights, input: tf.Tensor) => attend(input as tf.Tensor3D, parts, cfg).output.sub(target).square().sum() as tf.Scalar;
      const names = Object.keys(tw) as (keyof AttentionWeights)[];
      for (const name of names) {
        const f = (p: tf.Tensor) => loss({ ...tw, [name]: p }, x);
        const analytic = tf.grad(f)(tw[name]).dataSync();
        assertClose(analytic, numericGrad(f, tw[name], 1e-2), 2e-3 * Math.max(1, ...[...analytic].map(Math.abs)), `d loss / d ${name}`);
      }
      const fx = (input: tf.Tensor) => loss(tw, input);
      assertClose(tf.grad(fx)(x).dataSync(), numericGrad(fx, x, 1e-2), 5e-3, 'd loss / d input');
      tf.dispose([x, target, ...Object.values(tw)]);
    });
  }
});

describe('SelfAttention layer', () => {
  test('weights come in the fixed order query, key, value, output, outputBias with the documented shapes', () => {
    const layer = new SelfAttention({ heads: 2, keyDim: 3, causal: false, positional: true, seed: 5, inputShape: [T, F] });
    const model = tf.sequential({ layers: [layer] });
    assert.deepEqual(model.weights.map((v) => v.shape), [[F, 6], [F, 6], [F, 6], [6, F], [F]]);
    assert.deepEqual(model.weights.map((v) => v.name.split('/').at(-1)), ['query', 'key', 'value', 'output', 'outputBias']);
    assert.equal(model.countParams(), 4 * F * 6 + F);
    const [q, k] = model.getWeights();
    assert.ok(tf.sub(q!, k!).abs().max().dataSync()[0]! > 0, 'query and key start from different values');
    model.dispose();
  });

  test('the layer applies attend() with its own weights, and the same seed gives the same start', () => {
    const make = () => tf.sequential({ layers: [new SelfAttention({ heads: 2, keyDim: 2, causal: true, positional: true, seed: 9, inputShape: [T, F] })] });
    const a = make();
    const b = make();
    const x = tf.tensor3d([mat(T, F, 8)]);
    const fromModel = (a.predict(x) as tf.Tensor).dataSync();
    const layer = a.layers[0] as SelfAttention;
    const direct = attend(x, layer.currentWeights(), layer.cfg).output.dataSync();
    assertClose(fromModel, [...direct], 1e-6, 'model vs attend');
    assertClose((b.predict(x) as tf.Tensor).dataSync(), [...fromModel], 0, 'same seed, same output');
    a.dispose();
    b.dispose();
  });

  test('serializes to JSON and loads back with its settings', async () => {
    const model = tf.sequential({ layers: [new SelfAttention({ heads: 2, keyDim: 2, causal: true, positional: false, seed: 3, inputShape: [T, F] })] });
    const saved = await new Promise<tf.io.ModelArtifacts>((resolve) => {
      void model.save(tf.io.withSaveHandler(async (art) => { resolve(art); return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }));
    });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved));
    const layer = loaded.layers[0] as SelfAttention;
    assert.deepEqual(layer.cfg, { heads: 2, keyDim: 2, causal: true, positional: false });
    const x = tf.tensor3d([mat(T, F, 10)]);
    assertClose((loaded.predict(x) as tf.Tensor).dataSync(), [...(model.predict(x) as tf.Tensor).dataSync()], 1e-6, 'loaded output');
    model.dispose();
    loaded.dispose();
  });
});
