/**
 * The committed image dataset (data/sign-digits): manifest schema and the decoder of one split file.
 * A split file is `count*h*w*c` uint8 pixels (row-major, image after image) followed by `count`
 * uint8 labels. No tfjs and no Node imports: the browser (after fetch) and the server (after
 * readFile, see dataset-node.ts) decode the same bytes with the same code.
 */
import { z } from 'zod';

export const SPLIT_NAMES = ['train', 'val', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

const splitEntrySchema = z.object({
  file: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a plain file name'),
  count: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits'),
});

export const manifestSchema = z
  .object({
    name: z.string().min(1),
    imageSize: z.number().int().positive(),
    height: z.number().int().positive(),
    width: z.number().int().positive(),
    channels: z.number().int().positive(),
    numClasses: z.number().int().min(2).max(256),
    classNames: z.array(z.string()),
    seed: z.number().int(),
    splits: z.object({ train: splitEntrySchema, val: splitEntrySchema, test: splitEntrySchema }),
    license: z.string(),
    source: z.string(),
    citation: z.string(),
  })
  .refine((m) => m.classNames.length === m.numClasses, {
    message: 'classNames must have numClasses entries',
    path: ['classNames'],
  });

export type DatasetManifest = z.infer<typeof manifestSchema>;

/** One decoded split; `images` and `labels` are views into the bytes given to decodeSplit. */
export interface SplitData {
  /** Number of images. */
  count: number;
  /** Image height in pixels. */
  height: number;
  /** Image width in pixels. */
  width: number;
  /** Channels per pixel (1 = grayscale). */
  channels: number;
  /** count*height*width*channels pixel bytes, image after image, row-major. */
  images: Uint8Array;
  /** count class indices, each < numClasses. */
  labels: Uint8Array;
}

/** Bytes per image for a split of this manifest. */
export function imageBytes(manifest: DatasetManifest): number {
  return manifest.height * manifest.width * manifest.channels;
}

/**
 * Checks the length and the labels of a split file and returns views into it (no copy).
 * Throws an Error naming the expected and actual values when the bytes don't fit the manifest.
 */
export function decodeSplit(
  bytes: Uint8Array | ArrayBuffer,
  manifest: DatasetManifest,
  split: SplitName,
): SplitData {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const entry = manifest.splits[split];
  if (!entry) throw new Error(`dataset ${manifest.name}: unknown split "${String(split)}"`);
  const { count } = entry;
  const perImage = imageBytes(manifest);
  const pixelBytes = count * perImage;
  const expected = pixelBytes + count;
  if (buf.byteLength !== expected) {
    throw new Error(
      `dataset ${manifest.name}/${split}: expected ${expected} bytes (${count} images x ${perImage} pixel bytes + ${count} labels), got ${buf.byteLength}`,
    );
  }
  const images = buf.subarray(0, pixelBytes);
  const labels = buf.subarray(pixelBytes, expected);
  for (let i = 0; i < count; i++) {
    const label = labels[i] as number;
    if (label >= manifest.numClasses) {
      throw new Error(
        `dataset ${manifest.name}/${split}: label of image ${i} is ${label}, expected 0..${manifest.numClasses - 1}`,
      );
    }
  }
  return { count, height: manifest.height, width: manifest.width, channels: manifest.channels, images, labels };
}

/** The pixels of image `i` (a view, not a copy). */
export function imageAt(split: SplitData, i: number): Uint8Array {
  if (!Number.isInteger(i) || i < 0 || i >= split.count) {
    throw new RangeError(`image index ${i} out of range 0..${split.count - 1}`);
  }
  const size = split.height * split.width * split.channels;
  return split.images.subarray(i * size, (i + 1) * size);
}

/** Number of classes implied by the labels (max label + 1), at least `min`. */
function classSlots(split: SplitData, min: number): number {
  let max = -1;
  for (const l of split.labels) if (l > max) max = l;
  return Math.max(max + 1, min);
}

/** Image indices grouped by label: result[c] lists the images of class c in split order. */
export function indicesByClass(split: SplitData, numClasses = 0): number[][] {
  const out: number[][] = Array.from({ length: classSlots(split, numClasses) }, () => []);
  split.labels.forEach((label, i) => (out[label] as number[]).push(i));
  return out;
}

/** Number of images per label: result[c] = how many images of class c. */
export function classCounts(split: SplitData, numClasses = 0): number[] {
  const out = new Array<number>(classSlots(split, numClasses)).fill(0);
  for (const label of split.labels) out[label] = (out[label] as number) + 1;
  return out;
}
