import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { channelMaps, grayToRgba, kernelTiles, pickExamples, tileGrid, toGray } from '../../../models/featuremaps';

describe('channelMaps', () => {
  test('splits a channels-last activation into one map per channel', () => {
    // 2×2 pixels, 3 channels: value = 10·pixel + channel.
    const data = [0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32];
    const maps = channelMaps(data, 2, 2, 3);
    assert.equal(maps.length, 3);
    assert.deepEqual([...(maps[0] ?? [])], [0, 10, 20, 30]);
    assert.deepEqual([...(maps[2] ?? [])], [2, 12, 22, 32]);
  });

  test('matches tfjs slicing of a [1, h, w, c] tensor', () => {
    const t = tf.randomNormal([1, 5, 4, 6], 0, 1, 'float32', 7);
    const maps = channelMaps(t.dataSync(), 5, 4, 6);
    for (let c = 0; c < 6; c++) {
      const slice = t.slice([0, 0, 0, c], [1, 5, 4, 1]);
      assert.deepEqual([...(maps[c] ?? [])], [...slice.dataSync()]);
      slice.dispose();
    }
    t.dispose();
  });

  test('refuses too few values', () => {
    assert.throws(() => channelMaps([1, 2, 3], 2, 2, 1), /expected 4 values/);
  });
});

describe('toGray', () => {
  const CASES: Array<[string, number[], number[]]> = [
    ['min-max to 0..255', [-1, 0, 1], [0, 128, 255]],
    ['already positive', [2, 4, 6, 10], [0, 64, 128, 255]],
    ['all zero (a ReLU that never fired) is black', [0, 0, 0], [0, 0, 0]],
    ['all negative and flat is black', [-3, -3], [0, 0]],
    ['flat and positive is mid-grey', [0.7, 0.7], [128, 128]],
    ['non-finite values count as 0', [NaN, 1, Infinity], [0, 255, 0]],
    ['empty', [], []],
  ];
  for (const [name, input, expected] of CASES) {
    test(name, () => assert.deepEqual([...toGray(input)], expected));
  }
});

test('grayToRgba makes opaque grey pixels', () => {
  assert.deepEqual([...grayToRgba([0, 200])], [0, 0, 0, 255, 200, 200, 200, 255]);
});

describe('tileGrid', () => {
  test('every tile fits in the row, within the size limits', () => {
    for (const count of [1, 2, 4, 8, 16, 32, 64, 128]) {
      for (const width of [200, 400, 900]) {
        const g = tileGrid(count, width, 4, 24, 96);
        assert.ok(g.columns >= 1 && g.columns <= count, `${count}@${width}: ${g.columns} columns`);
        assert.equal(g.rows, Math.ceil(count / g.columns));
        assert.ok(g.tilePx >= 24 && g.tilePx <= 96);
        if (g.columns > 1) assert.ok(g.columns * g.tilePx + (g.columns - 1) * 4 <= width, `${count}@${width} overflows`);
      }
    }
  });

  test('no tiles, no grid', () => {
    assert.deepEqual(tileGrid(0, 400), { columns: 0, rows: 0, tilePx: 96 });
  });
});

describe('kernelTiles', () => {
  test('reads a [k, k, 1, filters] kernel as one k×k tile per filter, as tfjs indexes it', () => {
    const k = tf.randomNormal([3, 3, 1, 4], 0, 1, 'float32', 3);
    const tiles = kernelTiles(k.dataSync(), 3, 1, 4);
    const arr = k.arraySync() as number[][][][];
    for (let f = 0; f < 4; f++) {
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 3; c++) assert.ok(Math.abs((tiles[f]?.[r * 3 + c] ?? NaN) - (arr[r]?.[c]?.[0]?.[f] ?? NaN)) < 1e-7);
      }
    }
    k.dispose();
  });

  test('averages the input channels', () => {
    // k = 1, 2 input channels, 2 filters: [[in0f0, in0f1], [in1f0, in1f1]].
    const tiles = kernelTiles([1, 10, 3, 30], 1, 2, 2);
    assert.deepEqual(tiles.map((t) => t[0]), [2, 20]);
  });

  test('refuses a kernel of the wrong size', () => {
    assert.throws(() => kernelTiles([1, 2, 3], 2, 1, 1), /expected 4 kernel values/);
  });
});

describe('pickExamples', () => {
  test('one per class first, in class order, then the rest in order', () => {
    assert.deepEqual(pickExamples([2, 2, 0, 1, 0, 1], 3, 5), [2, 3, 0, 1, 4]);
  });
  test('a class with no example is skipped; never more than max', () => {
    assert.deepEqual(pickExamples([1, 1, 1], 3, 2), [0, 1]);
    assert.deepEqual(pickExamples([], 10, 4), []);
  });
});
