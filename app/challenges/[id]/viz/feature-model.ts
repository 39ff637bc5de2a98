/**
 * The trained CNN rebuilt in the page to look inside it: the outputs of every conv and pooling
 * layer for one image, and the first conv layer's kernels. Imported dynamically by FeatureMaps.tsx
 * (it pulls in tfjs). Every tensor it makes is disposed before a call returns, except the model's
 * own weights, which dispose() frees.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../../models/build';
import { channelMaps, kernelTiles } from '../../../../models/featuremaps';
import type { ModelSpec } from '../../../../models/spec';
import { applyWeights } from '../../../../models/weights';

export type MapLayerType = 'conv2d' | 'maxPooling2d';

/** One conv or pooling layer's output for one image. */
export interface LayerMaps {
  /** Position of the layer in the spec. */
  index: number;
  type: MapLayerType;
  height: number;
  width: number;
  /** One height × width map per filter (channel), raw values. */
  maps: Float32Array[];
}

export interface FirstFilters {
  kernelSize: number;
  /** One kernelSize × kernelSize tile per filter (input channels averaged), raw weights. */
  tiles: Float32Array[];
}

export interface FeatureModel {
  /** The conv and pooling layers, in spec order. */
  layers: { index: number; type: MapLayerType }[];
  filters: FirstFilters | null;
  /** The maps for one image: `pixels` are 0..255 bytes of inputShape, as the data set stores them. */
  mapsFor(pixels: Uint8Array): Promise<LayerMaps[]>;
  dispose(): void;
}

function firstFilters(model: tf.Sequential, spec: ModelSpec): FirstFilters | null {
  const i = spec.layers.findIndex((l) => l.type === 'conv2d');
  const layer = spec.layers[i];
  if (!layer || layer.type !== 'conv2d') return null;
  // getWeights() hands out the layer's own variables: read, never dispose.
  const kernel = model.layers[i]?.getWeights()[0];
  if (!kernel) return null;
  return { kernelSize: layer.kernelSize, tiles: kernelTiles(kernel.dataSync(), layer.kernelSize, kernel.shape[2] ?? 1, layer.filters) };
}

/** Rebuilds the model from its spec and trained weights; throws when the weights do not fit. */
export function loadFeatureModel(spec: ModelSpec, weights: ArrayBuffer, inputShape: readonly number[], numClasses: number): FeatureModel {
  const model = buildModel(spec, { inputShape, numClasses });
  const applied = applyWeights(model, weights);
  if (!applied.ok) {
    model.dispose();
    throw new Error(applied.issues.map((i) => i.message).join('; '));
  }
  const layers = spec.layers.flatMap((l, index) => (l.type === 'conv2d' || l.type === 'maxPooling2d' ? [{ index, type: l.type }] : []));
  // A second view of the same layers that stops at each conv/pooling output; it owns no weights.
  const probe = layers.length > 0 ? tf.model({ inputs: model.inputs, outputs: layers.map((l) => model.layers[l.index]?.output as tf.SymbolicTensor) }) : null;
  const filters = firstFilters(model, spec);
  return {
    layers,
    filters,
    async mapsFor(pixels) {
      if (!probe) return [];
      const outputs = tf.tidy(() => {
        const x = tf.tensor(pixels, [1, ...inputShape], 'float32').div(255);
        const out = probe.predict(x);
        return Array.isArray(out) ? out : [out];
      });
      try {
        const data = await Promise.all(outputs.map((o) => o.data()));
        return layers.map((l, k) => {
          const [, height = 0, width = 0, channels = 0] = outputs[k]?.shape ?? [];
          return { ...l, height, width, maps: channelMaps(data[k] ?? [], height, width, channels) };
        });
      } finally {
        tf.dispose(outputs);
      }
    },
    dispose() {
      model.dispose();
    },
  };
}

/**
 * The plain CPU backend unless the page already runs another one: one image through a small CNN
 * is quick there, and it needs no GPU context beside the training worker's.
 */
export async function ensureBackend(): Promise<void> {
  // engine().backendName is empty until a backend was set; reading `backend` would start WebGL.
  if (!tf.engine().backendName) await tf.setBackend('cpu');
  await tf.ready();
}
