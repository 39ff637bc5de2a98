import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classCounts, decodeSplit, imageAt, indicesByClass, manifestSchema, SPLIT_NAMES } from '../../../models/dataset';
import type { DatasetManifest, SplitData, SplitName } from '../../../models/dataset';
import { loadManifest, loadSplitFromDisk } from '../../../models/dataset-node';
import { buildDataset, DEFAULT_SRC } from '../../../scripts/build-dataset';

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/sign-digits');
const TOTAL_IMAGES = 2062;
const RATIOS: Record<SplitName, number> = { train: 0.7, val: 0.1, test: 0.2 };

const manifest = loadManifest(DATA_DIR);
const splits = Object.fromEntries(SPLIT_NAMES.map((n) => [n, loadSplitFromDisk(DATA_DIR, n).data])) as Record<
  SplitName,
  SplitData
>;

describe('committed files', () => {
  test('manifest parses and describes 64x64x1, 10 classes', () => {
    assert.equal(manifestSchema.safeParse(JSON.parse(readFileSync(join(DATA_DIR, 'manifest.json'), 'utf8'))).success, true);
    assert.deepEqual([manifest.height, manifest.width, manifest.channels, manifest.numClasses], [64, 64, 1, 10]);
    assert.deepEqual(manifest.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.equal(manifest.license, 'Apache-2.0');
  });

  for (const name of SPLIT_NAMES) {
    test(`${name}: size and sha256 match the manifest`, () => {
      const entry = manifest.splits[name];
      const bytes = readFileSync(join(DATA_DIR, entry.file));
      assert.equal(bytes.byteLength, entry.count * (64 * 64 + 1));
      assert.equal(createHash('sha256').update(bytes).digest('hex'), entry.sha256);
      assert.equal(splits[name].count, entry.count);
    });
  }

  test('LICENSE and README are present', () => {
    assert.match(readFileSync(join(DATA_DIR, 'LICENSE'), 'utf8'), /Apache License/);
    assert.match(readFileSync(join(DATA_DIR, 'README.md'), 'utf8'), /arXiv:2011\.08927/);
  });

  test('all 2062 images, every class present in every split', () => {
    assert.equal(SPLIT_NAMES.reduce((sum, n) => sum + splits[n].count, 0), TOTAL_IMAGES);
    for (const n of SPLIT_NAMES) {
      const counts = classCounts(splits[n], 10);
      assert.equal(counts.length, 10);
      assert.ok(counts.every((c) => c > 0), `${n}: ${counts.join(' ')}`);
    }
  });

  test('stratified: per class, each split within 1 image of round(n*ratio)', () => {
    const perSplit = Object.fromEntries(SPLIT_NAMES.map((n) => [n, classCounts(splits[n], 10)])) as Record<SplitName, number[]>;
    for (let c = 0; c < 10; c++) {
      const n = SPLIT_NAMES.reduce((sum, s) => sum + (perSplit[s][c] as number), 0);
      const trainWant = Math.round(n * RATIOS.train);
      const valWant = Math.round(n * RATIOS.val);
      const want: Record<SplitName, number> = { train: trainWant, val: valWant, test: n - trainWant - valWant };
      for (const s of SPLIT_NAMES) {
        const got = perSplit[s][c] as number;
        assert.ok(Math.abs(got - want[s]) <= 1, `class ${c} ${s}: ${got} images, expected about ${want[s]}`);
      }
    }
  });

  test('splits are disjoint: no identical image bytes in two splits', () => {
    const seen = new Map<string, SplitName>();
    for (const s of SPLIT_NAMES) {
      for (let i = 0; i < splits[s].count; i++) {
        const h = createHash('sha256').update(imageAt(splits[s], i)).digest('hex');
        const other = seen.get(h);
        assert.ok(other === undefined || other === s, `image ${i} of ${s} also appears in ${other}`);
        seen.set(h, s);
      }
    }
    assert.equal(seen.size, TOTAL_IMAGES);
  });

  test('pixel values are plausible (mean between 30 and 225, not constant)', () => {
    for (const s of SPLIT_NAMES) {
      const px = splits[s].images;
      let sum = 0;
      let min = 255;
      let max = 0;
      for (const v of px) {
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const mean = sum / px.length;
      assert.ok(mean > 30 && mean < 225, `${s}: mean ${mean}`);
      assert.ok(max - min > 100, `${s}: range ${min}..${max}`);
    }
  });

  test('split order interleaves classes (shuffled, not sorted by label)', () => {
    const labels = Array.from(splits.train.labels.subarray(0, 50));
    assert.ok(new Set(labels).size >= 5, `first 50 train labels: ${labels.join(' ')}`);
  });
});

describe('decodeSplit', () => {
  const tiny: DatasetManifest = {
    ...manifest,
    height: 2,
    width: 2,
    splits: { ...manifest.splits, val: { ...manifest.splits.val, count: 3 } },
  };
  const good = () => Uint8Array.from([...new Array<number>(12).fill(7), 0, 9, 4]);

  test('returns views with the right shape', () => {
    const d = decodeSplit(good().buffer, tiny, 'val');
    assert.deepEqual([d.count, d.height, d.width, d.channels], [3, 2, 2, 1]);
    assert.deepEqual(Array.from(d.labels), [0, 9, 4]);
    assert.equal(imageAt(d, 2).length, 4);
    assert.deepEqual(indicesByClass(d, 10)[9], [1]);
    assert.equal(indicesByClass(d, 10).length, 10);
    assert.deepEqual(classCounts(d, 10), [1, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    assert.throws(() => imageAt(d, 3), /out of range 0\.\.2/);
  });

  test('rejects a truncated buffer, naming expected and actual', () => {
    assert.throws(() => decodeSplit(good().subarray(0, 14), tiny, 'val'), /expected 15 bytes.*got 14/);
  });

  test('rejects an oversized buffer', () => {
    const big = new Uint8Array(16);
    big.set(good());
    assert.throws(() => decodeSplit(big, tiny, 'val'), /expected 15 bytes.*got 16/);
  });

  test('rejects an out-of-range label', () => {
    const bad = good();
    bad[13] = 10;
    assert.throws(() => decodeSplit(bad, tiny, 'val'), /label of image 1 is 10, expected 0\.\.9/);
  });

  test('manifestSchema rejects classNames of the wrong length and a bad sha256', () => {
    assert.equal(manifestSchema.safeParse({ ...manifest, classNames: ['0'] }).success, false);
    const badSha = { ...manifest, splits: { ...manifest.splits, test: { ...manifest.splits.test, sha256: 'abc' } } };
    assert.equal(manifestSchema.safeParse(badSha).success, false);
  });
});

describe('build script', () => {
  test('rebuilding from the raw data gives byte-identical files', (t) => {
    if (!existsSync(join(DEFAULT_SRC, 'Dataset'))) {
      t.skip('raw dataset not present');
      return;
    }
    const out = mkdtempSync(join(tmpdir(), 'sign-digits-'));
    try {
      const report = buildDataset({ src: DEFAULT_SRC, out });
      assert.equal(report.total, TOTAL_IMAGES);
      // Dotfiles (.gitattributes) are committed by hand, not written by the script.
      const files = readdirSync(DATA_DIR).filter((f) => !f.startsWith('.')).sort();
      assert.deepEqual(readdirSync(out).sort(), files);
      for (const f of files) {
        assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(DATA_DIR, f))), `${f} differs from the committed copy`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
