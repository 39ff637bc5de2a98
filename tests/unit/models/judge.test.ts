/**
 * The shipped judge of generated sign digits (data/judges/sign-digits-16, models/judge.ts): its
 * spec is the one scripts/train-judge.ts trains, it loads into our builder, and it reads the real
 * 16×16 test photos as well as judge.json says (the figure the README and the card rely on). Real
 * photos, asked for in the server's order, score high on the digit GAN's own measure.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { forChallenge } from '../../../game/challenge-data';
import { modelChallenge } from '../../../game/challenges';
import { measureDigits } from '../../../game/gan-digits';
import { loadSplitFromDisk } from '../../../models/dataset-node';
import { JUDGE_SPEC, judgeProbabilities, loadJudge } from '../../../models/judge';
import { JUDGE_DIR } from '../../../server/scoring/gan-scorer';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data');
const read = (name: string) => readFileSync(join(DATA, JUDGE_DIR, name));
const meta = JSON.parse(read('judge.json').toString('utf8')) as { testAccuracy: number; params: number };
const test16 = forChallenge(modelChallenge('gan-digits'), loadSplitFromDisk(join(DATA, 'sign-digits'), 'test').data, 'test');
const photos = Float32Array.from(test16.images, (v) => v / 255);

describe('the shipped judge', () => {
  before(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  test('its spec is JUDGE_SPEC, and its weights fit it', () => {
    assert.deepEqual(JSON.parse(read('spec.json').toString('utf8')), JUDGE_SPEC);
    const judge = loadJudge(read('spec.json').toString('utf8'), new Uint8Array(read('weights.bin')));
    assert.equal(judge.countParams(), meta.params);
    judge.dispose();
    assert.throws(() => loadJudge(read('spec.json').toString('utf8'), new Uint8Array(read('weights.bin')).slice(4)), /weights do not fit/);
  });

  test("reads the real test photos as judge.json says (at least 90 %)", async () => {
    const judge = loadJudge(read('spec.json').toString('utf8'), new Uint8Array(read('weights.bin')));
    const probs = await judgeProbabilities(judge, photos);
    judge.dispose();
    let right = 0;
    for (let i = 0; i < test16.count; i++) {
      const row = Array.from(probs.subarray(i * 10, i * 10 + 10));
      if (row.indexOf(Math.max(...row)) === test16.labels[i]) right++;
    }
    const acc = right / test16.count;
    assert.ok(Math.abs(acc - meta.testAccuracy) < 0.005, `${acc} vs ${meta.testAccuracy}`);
    assert.ok(acc >= 0.9, `${acc}`);
  });

  test('real photos in the order the server asks (digit i mod 10) score high on the digit GAN measure', async () => {
    const byDigit = Array.from({ length: 10 }, (_, d) => [...test16.labels.keys()].filter((i) => test16.labels[i] === d));
    const per = Math.min(...byDigit.map((b) => b.length));
    const order = Array.from({ length: per * 10 }, (_, i) => byDigit[i % 10]![Math.floor(i / 10)]!);
    const asked = new Float32Array(order.length * 256);
    order.forEach((src, i) => asked.set(photos.subarray(src * 256, (src + 1) * 256), i * 256));
    const judge = loadJudge(read('spec.json').toString('utf8'), new Uint8Array(read('weights.bin')));
    const probs = await judgeProbabilities(judge, asked);
    judge.dispose();
    const m = measureDigits(asked, probs, order.length, 10);
    assert.equal(m.digitsCovered, 10);
    assert.ok(m.variety > 0.95, `${m.variety}`);
    assert.ok(m.score > 0.8, `real photos score ${m.score.toFixed(3)}`);
  });
});
