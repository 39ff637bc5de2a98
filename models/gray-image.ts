/**
 * The one conversion from colour pixels to the data set's grayscale images: luma (ITU-R BT.601,
 * 0.299 R + 0.587 G + 0.114 B), then exact area averaging (a box filter with fractional pixel
 * coverage) down to size × size, rounded half up to a byte. scripts/build-dataset.ts made
 * data/sign-digits with it from 100×100 photos, and the webcam panel feeds a camera frame's centre
 * square through it, so a student's hand reaches the model exactly as the training photos did.
 * Integer arithmetic only: the same input gives the same bytes everywhere. No tfjs, no DOM.
 */

/** Luma weights scaled by 1000 so grayscale stays an exact integer. */
const LUMA_R = 299;
const LUMA_G = 587;
const LUMA_B = 114;
const LUMA_SCALE = 1000;

/** A square region of a frame, in pixels from its top-left corner. */
export interface Square {
  x: number;
  y: number;
  side: number;
}

/** Pixels of one frame: `channels` bytes per pixel (3 = RGB, 4 = RGBA as a canvas gives them). */
export interface RgbFrame {
  data: ArrayLike<number>;
  width: number;
  height: number;
  channels: 3 | 4;
}

/**
 * Box-filter weights from `inSize` to `outSize` pixels in integer units: a source pixel is
 * `outSize` units long, an output pixel `inSize` units, so each output's weights sum to inSize.
 */
export function areaWeights(inSize: number, outSize: number): [number, number][][] {
  const out: [number, number][][] = [];
  for (let o = 0; o < outSize; o++) {
    const lo = o * inSize;
    const hi = lo + inSize;
    const taps: [number, number][] = [];
    for (let i = Math.floor(lo / outSize); i * outSize < hi; i++) {
      const overlap = Math.min(hi, (i + 1) * outSize) - Math.max(lo, i * outSize);
      if (overlap > 0) taps.push([i, overlap]);
    }
    out.push(taps);
  }
  return out;
}

/** The largest square in the middle of a width × height frame (the data set's photos are square). */
export function centreSquare(width: number, height: number): Square {
  const side = Math.min(width, height);
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), side };
}

/**
 * `region` of `frame` (default: the whole frame; width and height are averaged independently) as
 * size × size grayscale bytes. `mirror` flips left and right.
 */
export function toGray(frame: RgbFrame, size: number, region?: Square, mirror = false): Uint8Array {
  const { data, channels } = frame;
  const x0 = region?.x ?? 0;
  const y0 = region?.y ?? 0;
  const w = region?.side ?? frame.width;
  const h = region?.side ?? frame.height;
  if (x0 < 0 || y0 < 0 || x0 + w > frame.width || y0 + h > frame.height || w <= 0 || h <= 0) {
    throw new RangeError(`region ${w}x${h} at (${x0}, ${y0}) does not fit a ${frame.width}x${frame.height} frame`);
  }
  const luma = new Float64Array(w * h); // integers up to 255000, exact in a double
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = ((y0 + y) * frame.width + x0 + x) * channels;
      luma[y * w + x] = LUMA_R * (data[p] as number) + LUMA_G * (data[p + 1] as number) + LUMA_B * (data[p + 2] as number);
    }
  }
  const wx = areaWeights(w, size);
  const wy = areaWeights(h, size);
  const den = w * h * LUMA_SCALE;
  const out = new Uint8Array(size * size);
  for (let oy = 0; oy < size; oy++) {
    for (let ox = 0; ox < size; ox++) {
      let num = 0; // at most 255000*w*h, an exact integer for any camera frame
      for (const [y, ay] of wy[oy] as [number, number][]) {
        for (const [x, ax] of wx[ox] as [number, number][]) num += ay * ax * (luma[y * w + x] as number);
      }
      const col = mirror ? size - 1 - ox : ox;
      out[oy * size + col] = Math.floor((2 * num + den) / (2 * den)); // round half up, integers only
    }
  }
  return out;
}

/** A camera frame as the model sees it: its centre square, in the data set's grayscale, size × size. */
export function frameToModelInput(frame: RgbFrame, size: number, mirror = false): Uint8Array {
  return toGray(frame, size, centreSquare(frame.width, frame.height), mirror);
}
