/**
 * A fake camera for Chromium (`--use-file-for-fake-video-capture`): a Y4M file made at test time
 * from a photo of the committed data set. Y4M is a text header and raw YUV 4:2:0 frames; a grey
 * photo is its luma plane with neutral chroma (128). The photo, scaled up 4× (nearest), fills the
 * frame's centre square, so the webcam panel's crop should see it again; grey bars fill the sides.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSplit, manifestSchema, type SplitName } from '../../models/dataset';
import { ARTIFACTS, ROOT } from './harness';

export interface FakeCamera {
  /** The .y4m file to pass to Chromium. */
  path: string;
  /** The data set photo (64×64 grey bytes) and its label. */
  photo: Uint8Array;
  label: number;
  width: number;
  height: number;
}

const SCALE = 4;
const SIDE_BAR_PX = 32;
const FRAMES = 3;

/** The first photo of `label` in a committed split (no ../shared at test time). */
export function datasetPhoto(label: number, split: SplitName = 'val'): Uint8Array {
  const dir = join(ROOT, 'data', 'sign-digits');
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const data = decodeSplit(readFileSync(join(dir, `${split}.bin`)), manifest, split);
  const i = data.labels.indexOf(label);
  if (i < 0) throw new Error(`no photo of ${label} in ${split}`);
  const n = data.height * data.width;
  return data.images.slice(i * n, (i + 1) * n);
}

export function writeFakeCamera(label: number, name = `fake-camera-${label}.y4m`): FakeCamera {
  const photo = datasetPhoto(label);
  const size = 64;
  const side = size * SCALE;
  const width = side + 2 * SIDE_BAR_PX;
  const height = side;
  const luma = new Uint8Array(width * height).fill(128);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) luma[y * width + SIDE_BAR_PX + x] = photo[Math.floor(y / SCALE) * size + Math.floor(x / SCALE)] as number;
  }
  const chroma = new Uint8Array((width / 2) * (height / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma, chroma]);
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
  return { path, photo, label, width, height };
}

/** Chromium switches for a camera that plays `camera` (permission still has to be granted). */
export const fakeCameraArgs = (camera: FakeCamera) => ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera.path}`];
