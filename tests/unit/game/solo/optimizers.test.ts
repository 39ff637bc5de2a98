import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { race, RACE_MAX_STEPS, RACE_OPTIMIZERS, RACE_TOLERANCE } from '../../../../game/solo/optimizers';
import { SURFACES, type Vec2 } from '../../../../game/solo/surfaces';

const near = (p: Vec2 | undefined, q: Vec2) => p !== undefined && Math.hypot(p[0] - q[0], p[1] - q[1]) < RACE_TOLERANCE;

describe('loss surfaces', () => {
  for (const s of Object.values(SURFACES)) {
    test(`${s.id}: gradient matches finite differences; minima are stationary`, () => {
      const h = 1e-5;
      for (const p of [[0.3, -0.7], [-1.1, 0.4], [1.5, 1.5]] as Vec2[]) {
        const [gx, gy] = s.grad(p);
        const nx = (s.f([p[0] + h, p[1]]) - s.f([p[0] - h, p[1]])) / (2 * h);
        const ny = (s.f([p[0], p[1] + h]) - s.f([p[0], p[1] - h])) / (2 * h);
        assert.ok(Math.abs(gx - nx) < 1e-4 * Math.max(1, Math.abs(nx)), `${s.id} d/dx at ${p}`);
        assert.ok(Math.abs(gy - ny) < 1e-4 * Math.max(1, Math.abs(ny)), `${s.id} d/dy at ${p}`);
      }
      for (const m of s.minima) assert.deepEqual(s.grad(m).map((g) => Math.abs(g) < 1e-12), [true, true]);
    });
  }
});

describe('optimizer race', () => {
  for (const optimizer of RACE_OPTIMIZERS) {
    test(`${optimizer} reaches the bowl's minimum with a sensible learning rate`, () => {
      const r = race(SURFACES.bowl, { optimizer, learningRate: 0.1, momentum: 0.9 }, 1);
      assert.ok(r.steps !== null, `${optimizer} did not finish`);
      assert.ok(near(r.path.at(-1), [0, 0]));
      assert.equal(r.path.length, r.steps + 1);
    });
  }

  test('a learning rate that is too large diverges', () => {
    const r = race(SURFACES.ravine, { optimizer: 'gd', learningRate: 0.5, momentum: 0 }, 1);
    assert.equal(r.diverged, true);
    assert.equal(r.steps, null);
  });

  test('in the ravine, momentum beats plain gradient descent at the same learning rate', () => {
    const gd = race(SURFACES.ravine, { optimizer: 'gd', learningRate: 0.01, momentum: 0 }, 1);
    const mom = race(SURFACES.ravine, { optimizer: 'momentum', learningRate: 0.01, momentum: 0.9 }, 1);
    assert.ok(gd.steps !== null && mom.steps !== null);
    assert.ok(mom.steps * 5 < gd.steps, `momentum ${mom.steps} vs gd ${gd.steps}`);
  });

  test('on Rosenbrock, Adam with a good setting needs far fewer steps than GD', () => {
    const gd = race(SURFACES.rosenbrock, { optimizer: 'gd', learningRate: 0.01, momentum: 0 }, 1);
    const adam = race(SURFACES.rosenbrock, { optimizer: 'adam', learningRate: 0.3, momentum: 0.9 }, 1);
    assert.ok(gd.steps !== null && adam.steps !== null);
    assert.ok(adam.steps * 3 < gd.steps, `adam ${adam.steps} vs gd ${gd.steps}`);
  });

  test('GD is deterministic; SGD replays with its seed and differs with another', () => {
    const s = { optimizer: 'sgd' as const, learningRate: 0.05, momentum: 0 };
    assert.deepEqual(race(SURFACES.bowl, s, 3), race(SURFACES.bowl, s, 3));
    assert.notDeepEqual(race(SURFACES.bowl, s, 3).path, race(SURFACES.bowl, s, 4).path);
    const g = { optimizer: 'gd' as const, learningRate: 0.05, momentum: 0 };
    assert.deepEqual(race(SURFACES.bowl, g, 3), race(SURFACES.bowl, g, 4));
  });

  test('a mini-batch gradient is less noisy than one-sample SGD', () => {
    // Same tiny learning rate: the path's wobble around the GD path measures the gradient noise.
    const lr = 0.002;
    const gd = race(SURFACES.bowl, { optimizer: 'gd', learningRate: lr, momentum: 0 }, 1, 300).path;
    const wobble = (optimizer: 'sgd' | 'minibatch') => {
      const p = race(SURFACES.bowl, { optimizer, learningRate: lr, momentum: 0 }, 1, 300).path;
      return p.reduce((sum, q, i) => sum + Math.hypot(q[0] - (gd[i]?.[0] ?? 0), q[1] - (gd[i]?.[1] ?? 0)), 0);
    };
    assert.ok(wobble('minibatch') * 2 < wobble('sgd'));
  });

  test('the saddle: GD with a small learning rate lingers where momentum rolls off', () => {
    const gd = race(SURFACES.saddle, { optimizer: 'gd', learningRate: 0.01, momentum: 0 }, 1);
    const mom = race(SURFACES.saddle, { optimizer: 'momentum', learningRate: 0.01, momentum: 0.9 }, 1);
    assert.ok(mom.steps !== null && (gd.steps === null || gd.steps > 3 * mom.steps), `gd ${gd.steps} vs momentum ${mom.steps}`);
  });

  test('a run stops at the step cap', () => {
    const r = race(SURFACES.rosenbrock, { optimizer: 'gd', learningRate: 1e-5, momentum: 0 }, 1);
    assert.equal(r.steps, null);
    assert.equal(r.diverged, false);
    assert.equal(r.path.length, RACE_MAX_STEPS + 1);
  });
});
