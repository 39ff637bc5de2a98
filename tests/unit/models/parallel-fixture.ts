/** Small image data and a lone run for the data-parallel tests. */
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../models/build';
import type { SplitData } from '../../../models/dataset';
import type { ModelSpec } from '../../../models/spec';
import { splitToTensors } from '../../../models/tensors';
import { trainModel } from '../../../models/train';

export /** 48 small "photos" of 3 classes: a bright band whose row is the class, plus fixed speckle. */
function photos(n = 48): SplitData {
  const size = 8;
  const images = new Uint8Array(n * size * size);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels[i] = c;
    for (let p = 0; p < size * size; p++) {
      const row = Math.floor(p / size);
      images[i * size * size + p] = (row >= c * 3 && row < c * 3 + 2 ? 200 : 20) + ((i * 31 + p * 7) % 40);
    }
  }
  return { count: n, height: size, width: size, channels: 1, images, labels };
}

/** The weights after training `spec` on `split` in this thread alone. */
export async function trainAlone(spec: ModelSpec, split: SplitData): Promise<number[][]> {
  const data = splitToTensors(split, 3);
  const model = buildModel(spec, { inputShape: [split.height, split.width, 1], numClasses: 3 });
  try {
    await trainModel(model, spec, data, undefined);
    return model.getWeights().map((w) => Array.from(w.dataSync()));
  } finally {
    model.dispose();
    tf.dispose([data.xs, data.ys]);
  }
}
