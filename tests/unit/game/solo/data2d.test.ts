import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATA2D_IDS, gateTable, generate2d, linearlySeparable } from '../../../../game/solo/data2d';

describe('2-D data sets', () => {
  for (const id of DATA2D_IDS) {
    test(`${id}: seeded, balanced, bounded`, () => {
      const a = generate2d(id, { count: 201, seed: 5, noise: 0.05 });
      assert.deepEqual(a, generate2d(id, { count: 201, seed: 5, noise: 0.05 }));
      assert.notDeepEqual(a.xy, generate2d(id, { count: 201, seed: 6, noise: 0.05 }).xy);
      const ones = a.labels.reduce((n, l) => n + l, 0);
      assert.equal(ones, 100);
      assert.equal(a.xy.length, 402);
      for (const v of a.xy) assert.ok(Number.isFinite(v) && Math.abs(v) < 2);
    });
  }

  test('gaussians are linearly separable; circle, xor and spiral are not', () => {
    const clean = (id: (typeof DATA2D_IDS)[number]) => generate2d(id, { count: 200, seed: 1, noise: 0 });
    assert.equal(linearlySeparable(generate2d('gaussians', { count: 60, seed: 2, noise: 0 })), true);
    for (const id of ['circle', 'xor', 'spiral'] as const) assert.equal(linearlySeparable(clean(id), 200), false, id);
  });

  test('clean circle and xor follow their rules', () => {
    const c = generate2d('circle', { count: 200, seed: 3, noise: 0 });
    const x = generate2d('xor', { count: 200, seed: 3, noise: 0 });
    for (let i = 0; i < 200; i++) {
      const r = Math.hypot(c.xy[2 * i] ?? 0, c.xy[2 * i + 1] ?? 0);
      assert.equal(c.labels[i], r < 0.55 ? 1 : 0);
      assert.equal(x.labels[i], (x.xy[2 * i] ?? 0) * (x.xy[2 * i + 1] ?? 0) > 0 ? 1 : 0);
    }
  });
});

describe('logic gates', () => {
  test('AND and OR are linearly separable (one perceptron); XOR is not', () => {
    assert.deepEqual([...gateTable('and').labels], [0, 0, 0, 1]);
    assert.deepEqual([...gateTable('or').labels], [0, 1, 1, 1]);
    assert.deepEqual([...gateTable('xor').labels], [0, 1, 1, 0]);
    assert.equal(linearlySeparable(gateTable('and')), true);
    assert.equal(linearlySeparable(gateTable('or')), true);
    assert.equal(linearlySeparable(gateTable('xor')), false);
  });
});
