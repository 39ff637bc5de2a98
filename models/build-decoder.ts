/**
 * tfjs layers for the decoder vocabulary (models/spec-decoder.ts). Initial weights are a function
 * of the seed alone, as for the other layers, so a spec replays to the same start.
 */
import * as tf from '@tensorflow/tfjs';
import type { DecoderLayerSpec } from './spec-decoder';

/**
 * [B, H, W, C] → [B, H·s, W·s, C], each pixel repeated into an s × s block (nearest neighbour), as
 * tf.layers.upSampling2d does. Ours because that layer's gradient is its backend's
 * ResizeNearestNeighborGrad, and tfjs 4.22's CPU kernel returns wrong input gradients (measured:
 * off by up to 2.2 on a 4x5 image where WASM's matches the exact sum over each block). A broadcast
 * multiply by ones has a plain sum as its gradient on every backend.
 */
export class UpSampling extends tf.layers.Layer {
  static className = 'GradientArenaUpSampling2d';
  readonly size: number;

  constructor(args: { size: number; inputShape?: number[] }) {
    super(args.inputShape ? { inputShape: args.inputShape } : {});
    this.size = args.size;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
    const s = this.size;
    return tf.tidy(() => {
      const [b = 0, h = 0, w = 0, c = 0] = x.shape;
      const blocks = tf.mul(tf.reshape(x, [b, h, 1, w, 1, c]), tf.ones([1, 1, s, 1, s, 1]));
      return tf.reshape(blocks, [b, h * s, w * s, c]);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const grow = (d: number | null | undefined) => (d == null ? null : d * this.size);
    return [shape[0] ?? null, grow(shape[1]), grow(shape[2]), shape[3] ?? null];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), size: this.size };
  }
}

tf.serialization.registerClass(UpSampling);

function decay(layer: { l1?: number; l2?: number }): { kernelRegularizer?: ReturnType<typeof tf.regularizers.l1l2> } {
  const l1 = layer.l1 ?? 0;
  const l2 = layer.l2 ?? 0;
  return l1 > 0 || l2 > 0 ? { kernelRegularizer: tf.regularizers.l1l2({ l1, l2 }) } : {};
}

export function makeDecoderLayer(layer: DecoderLayerSpec, seed: number, inputShape?: number[]): tf.layers.Layer {
  const input = inputShape ? { inputShape } : {};
  switch (layer.type) {
    case 'reshape':
      return tf.layers.reshape({ ...input, targetShape: [...layer.targetShape] });
    case 'upSampling2d':
      return new UpSampling({ ...input, size: layer.size });
    case 'conv2dTranspose':
      // Trains on WASM: its forward pass is Conv2DBackpropInput (models/wasm-backprop-input.ts), its
      // gradients a conv2d and Conv2DBackpropFilter (models/wasm-kernels.ts); the gradients match
      // tfjs CPU's to ~1e-6 (tests/unit/models/autoencoder-shapes.test.ts).
      return tf.layers.conv2dTranspose({
        ...input,
        ...decay(layer),
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
        biasInitializer: 'zeros',
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: layer.activation,
      });
    default: {
      const never: never = layer;
      throw new Error(`unknown decoder layer ${JSON.stringify(never)}`);
    }
  }
}
