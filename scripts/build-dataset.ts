/**
 * Derives the committed dataset data/sign-digits from the raw Sign Language Digits photos
 * (100x100 RGB JPEG, one folder per digit): 64x64 grayscale, deterministic stratified
 * train/val/test split, one binary file per split plus manifest.json, LICENSE and README.md.
 *
 *   npm run data:build [-- --src DIR --out DIR]
 *
 * Everything is integer arithmetic or a seeded PRNG, so the output is byte-identical on every run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import jpeg from 'jpeg-js';
import { mulberry32, shuffled } from '../game/random';
import type { DatasetManifest, SplitName } from '../models/dataset';
import { SPLIT_NAMES } from '../models/dataset';
import { toGray } from '../models/gray-image';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SRC = resolve(PROJECT_ROOT, '../shared/datasets/sign-language-digits');
export const DEFAULT_OUT = resolve(PROJECT_ROOT, 'data/sign-digits');

/** Output side length in pixels; the paper's network takes 64x64 input. */
export const IMAGE_SIZE_PX = 64;
export const NUM_CLASSES = 10;
/** Seed of the split (mulberry32); changing it changes every committed file. */
export const SPLIT_SEED = 20201117;
const RATIOS = { train: 0.7, val: 0.1 } as const;
const SOURCE = 'ardamavi/Sign-Language-Digits-Dataset @ 4b09433ef9d5c60602e8805bb54b8aa2428527f8';
const CITATION =
  'Mavi, A. (2020), A New Dataset and Proposed Convolutional Neural Network Architecture for Classification of American Sign Language Digits, arXiv:2011.08927 [cs.CV]';

/** One decoded, downsized photo. */
interface Sample {
  /** Path relative to the dataset root, for messages. */
  file: string;
  /** Class index (the folder name). */
  label: number;
  /** IMAGE_SIZE_PX^2 grayscale bytes. */
  pixels: Uint8Array;
  /** sha256 of `pixels`, to find exact duplicates. */
  hash: string;
}

/** Decodes a JPEG and returns size x size grayscale bytes (luma, then area average, rounded). */
export function jpegToGray(bytes: Uint8Array, size = IMAGE_SIZE_PX): Uint8Array {
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
  // The webcam panel converts camera frames with the same function (models/gray-image.ts).
  return toGray({ data: img.data, width: img.width, height: img.height, channels: 3 }, size);
}

/** Reads Dataset/0 .. Dataset/9, files sorted by name, decoded and downsized. */
function loadSamples(src: string): Sample[] {
  const samples: Sample[] = [];
  for (let label = 0; label < NUM_CLASSES; label++) {
    const dir = join(src, 'Dataset', String(label));
    const names = readdirSync(dir)
      .filter((n) => /\.jpe?g$/i.test(n))
      .sort();
    for (const name of names) {
      const pixels = jpegToGray(readFileSync(join(dir, name)));
      const hash = createHash('sha256').update(pixels).digest('hex');
      samples.push({ file: `Dataset/${label}/${name}`, label, pixels, hash });
    }
  }
  return samples;
}

/** Duplicate report: groups of identical images (after downsizing) with more than one member. */
function findDuplicates(samples: readonly Sample[]): { groups: Sample[][]; crossClass: number } {
  const byHash = new Map<string, Sample[]>();
  for (const s of samples) byHash.set(s.hash, [...(byHash.get(s.hash) ?? []), s]);
  const groups = [...byHash.values()].filter((g) => g.length > 1);
  const crossClass = groups.filter((g) => new Set(g.map((s) => s.label)).size > 1).length;
  return { groups, crossClass };
}

/**
 * Stratified split: per class, identical images form one group (so copies never straddle splits);
 * groups are shuffled and fill train, then val, then test up to round(n*ratio) images.
 * Cross-class duplicates (same pixels, different label) follow the split of their first copy.
 */
function splitSamples(samples: readonly Sample[], rand: () => number): Record<SplitName, Sample[]> {
  const out: Record<SplitName, Sample[]> = { train: [], val: [], test: [] };
  const splitOfHash = new Map<string, SplitName>();
  for (let label = 0; label < NUM_CLASSES; label++) {
    const mine = samples.filter((s) => s.label === label);
    const groups = new Map<string, Sample[]>();
    for (const s of mine) groups.set(s.hash, [...(groups.get(s.hash) ?? []), s]);
    const quota = { train: Math.round(mine.length * RATIOS.train), val: Math.round(mine.length * RATIOS.val) };
    const taken = { train: 0, val: 0 };
    for (const group of shuffled([...groups.values()], rand)) {
      const first = group[0] as Sample;
      let split: SplitName = splitOfHash.get(first.hash) ?? 'test';
      if (!splitOfHash.has(first.hash)) {
        if (taken.train < quota.train) split = 'train';
        else if (taken.val < quota.val) split = 'val';
      }
      if (split !== 'test') taken[split] += group.length;
      splitOfHash.set(first.hash, split);
      out[split].push(...group);
    }
  }
  for (const name of SPLIT_NAMES) out[name] = shuffled(out[name], rand);
  return out;
}

/** The split file: all pixels, then all labels. */
function encodeSplit(samples: readonly Sample[]): Uint8Array {
  const px = IMAGE_SIZE_PX * IMAGE_SIZE_PX;
  const bytes = new Uint8Array(samples.length * (px + 1));
  samples.forEach((s, i) => {
    bytes.set(s.pixels, i * px);
    bytes[samples.length * px + i] = s.label;
  });
  return bytes;
}

function countByClass(samples: readonly Sample[]): number[] {
  const counts = new Array<number>(NUM_CLASSES).fill(0);
  for (const s of samples) counts[s.label] = (counts[s.label] as number) + 1;
  return counts;
}

/** Summary returned by buildDataset (also printed by the CLI). */
export interface BuildReport {
  /** Total images read. */
  total: number;
  /** Per split: image count and per-class counts. */
  splits: Record<SplitName, { count: number; classCounts: number[]; bytes: number }>;
  /** Groups of identical images (after downsizing) and how many of them mix labels. */
  duplicates: { groups: number; images: number; crossClass: number };
  /** Milliseconds spent decoding + resizing, and in total. */
  timings: { decodeMs: number; totalMs: number };
  manifest: DatasetManifest;
}

/** Builds the dataset from `src` (the raw dataset folder) into `out`. Deterministic. */
export function buildDataset({ src = DEFAULT_SRC, out = DEFAULT_OUT }: { src?: string; out?: string } = {}): BuildReport {
  const t0 = performance.now();
  const samples = loadSamples(src);
  const decodeMs = performance.now() - t0;
  const dup = findDuplicates(samples);
  const parts = splitSamples(samples, mulberry32(SPLIT_SEED));
  mkdirSync(out, { recursive: true });
  const entries = {} as DatasetManifest['splits'];
  const splits = {} as BuildReport['splits'];
  for (const name of SPLIT_NAMES) {
    const bytes = encodeSplit(parts[name]);
    const file = `${name}.bin`;
    writeFileSync(join(out, file), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    entries[name] = { file, count: parts[name].length, sha256 };
    splits[name] = { count: parts[name].length, classCounts: countByClass(parts[name]), bytes: bytes.byteLength };
  }
  const manifest: DatasetManifest = {
    name: 'sign-digits',
    imageSize: IMAGE_SIZE_PX,
    height: IMAGE_SIZE_PX,
    width: IMAGE_SIZE_PX,
    channels: 1,
    numClasses: NUM_CLASSES,
    classNames: Array.from({ length: NUM_CLASSES }, (_, i) => String(i)),
    seed: SPLIT_SEED,
    splits: entries,
    license: 'Apache-2.0',
    source: SOURCE,
    citation: CITATION,
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Copy the bytes, not the file: the source may be read-only and its mode would stick to the copy.
  writeFileSync(join(out, 'LICENSE'), readFileSync(join(src, 'LICENSE')));
  const duplicates = { groups: dup.groups.length, images: dup.groups.flat().length, crossClass: dup.crossClass };
  writeFileSync(join(out, 'README.md'), readme(manifest, splits, duplicates));
  return { total: samples.length, splits, duplicates, timings: { decodeMs, totalMs: performance.now() - t0 }, manifest };
}

function readme(m: DatasetManifest, splits: BuildReport['splits'], dup: BuildReport['duplicates']): string {
  const rows = SPLIT_NAMES.map((n) => `| ${n} | \`${n}.bin\` | ${splits[n].count} | ${splits[n].bytes} | ${splits[n].classCounts.join(' / ')} |`);
  return `# sign-digits: Sign Language Digits, 64x64 grayscale

Hand photos showing the digits 0-9 in sign language, derived from the
[Sign Language Digits Dataset](https://github.com/ardamavi/Sign-Language-Digits-Dataset)
(${m.source}). Generated files: do not edit by hand.

## Files

| split | file | images | bytes | per class 0 / 1 / ... / 9 |
|---|---|---|---|---|
${rows.join('\n')}

Each \`.bin\` holds \`count*64*64\` uint8 grayscale pixels (row-major, image after image, 0 = black)
followed by \`count\` uint8 labels (0-9). \`manifest.json\` gives the counts and the sha256 of each file;
\`models/dataset.ts\` (\`decodeSplit\`) reads them. \`test.bin\` is the hidden scoring split: the server
never serves it.

## How it was made

\`npm run data:build\` (scripts/build-dataset.ts) from the raw folder \`../shared/datasets/sign-language-digits\`:
files per class sorted by name, JPEG decoded with jpeg-js, grayscale by luma (0.299R + 0.587G + 0.114B),
100x100 to 64x64 by exact area averaging (box filter with fractional pixel coverage, integer arithmetic),
rounded to uint8. Split per class with mulberry32(seed ${m.seed}): round(n*0.7) train, round(n*0.1) val,
the rest test; then each split's order is shuffled with the same generator. Identical images (after
downsizing) are kept in one split: ${dup.groups} groups of duplicates (${dup.images} images, ${dup.crossClass} with
mixed labels) were found. Re-running the command reproduces these files byte for byte.

Why 64x64 grayscale: 4 KB per image (about 8.4 MB for all 2,062), small enough to commit and to send to a
browser; the reference network in the paper takes 64x64 input; hand shape, not colour, tells the digits apart.

## License and citation

Apache License 2.0 (${m.license}); see \`LICENSE\` (copied from the source). Please cite:

${m.citation}
`;
}

function parseArgs(argv: readonly string[]): { src?: string; out?: string } {
  const opts: { src?: string; out?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--src' || flag === '--out') && value) {
      opts[flag === '--src' ? 'src' : 'out'] = resolve(value);
      i++;
    } else throw new Error(`unknown argument ${flag}; usage: build-dataset.ts [--src DIR] [--out DIR]`);
  }
  return opts;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const r = buildDataset(opts);
  console.log(`read ${r.total} images in ${(r.timings.decodeMs / 1000).toFixed(2)} s`);
  console.log(`duplicates: ${r.duplicates.groups} groups, ${r.duplicates.images} images, ${r.duplicates.crossClass} with mixed labels`);
  for (const name of SPLIT_NAMES) {
    const s = r.splits[name];
    console.log(`${name.padEnd(5)} ${String(s.count).padStart(5)} images ${String(s.bytes).padStart(9)} bytes  per class ${s.classCounts.join(' ')}`);
  }
  console.log(`wrote ${opts.out ?? DEFAULT_OUT} in ${(r.timings.totalMs / 1000).toFixed(2)} s`);
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(realpathSync(invokedPath)).href) main();
