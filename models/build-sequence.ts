/**
 * tfjs layers for the sequence vocabulary (models/spec-sequence.ts). Initial weights are a
 * function of the seed alone, as for the other layers, so a spec replays to the same start.
 */
import * as tf from '@tensorflow/tfjs';
import { SelfAttention } from './attention';
import type { SequenceLayerSpec } from './spec-sequence';

/** [B, T, F] → [B, F]: the last step's vector (what a causal attention layer's last step saw). */
export class LastStep extends tf.layers.Layer {
  static className = 'GradientArenaLastStep';

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
    return tf.tidy(() => {
      const [batch = 0, steps = 0, features = 0] = x.shape;
      return x.slice([0, steps - 1, 0], [batch, 1, features]).reshape([batch, features]);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [s[0] ?? null, s[2] ?? null];
  }
}

tf.serialization.registerClass(LastStep);

/** Seeds apart for a recurrent layer's input and recurrent kernels. */
const RECURRENT_SEED_STRIDE = 3_331;

function recurrentInit(seed: number) {
  return {
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    recurrentInitializer: tf.initializers.glorotUniform({ seed: seed + RECURRENT_SEED_STRIDE }),
    biasInitializer: 'zeros' as const,
  };
}

type Initializer = ReturnType<typeof tf.initializers.zeros>;
const InitializerBase = tf.initializers.zeros().constructor as new () => Initializer;

/**
 * An LSTM bias of zeros except 1 on the forget gate (Jozefowicz et al.), so the cell keeps its
 * memory at the start. Ours because tfjs 4.22's unitForgetBias leaks 4 tensors per build.
 */
class ForgetGateBias extends InitializerBase {
  override apply(shape: tf.Shape): tf.Tensor {
    const units = (shape[0] ?? 0) / 4;
    return tf.tidy(() => tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]));
  }
}

export function makeSequenceLayer(layer: SequenceLayerSpec, seed: number, inputShape?: number[]): tf.layers.Layer {
  const input = inputShape ? { inputShape } : {};
  switch (layer.type) {
    case 'embedding':
      // On one-hot steps a bias-free dense layer is exactly a lookup table of learned vectors.
      return tf.layers.dense({ ...input, units: layer.outputDim, useBias: false, kernelInitializer: tf.initializers.glorotUniform({ seed }) });
    case 'simpleRNN':
      return tf.layers.simpleRNN({ ...input, ...recurrentInit(seed), units: layer.units, activation: layer.activation, returnSequences: layer.returnSequences });
    case 'lstm':
      // Sigmoid gates (tfjs defaults to hardSigmoid) so the gates view shows the textbook values.
      return tf.layers.lstm({ ...input, ...recurrentInit(seed), biasInitializer: new ForgetGateBias(), units: layer.units, returnSequences: layer.returnSequences, recurrentActivation: 'sigmoid', unitForgetBias: false });
    case 'gru':
      return tf.layers.gru({ ...input, ...recurrentInit(seed), units: layer.units, returnSequences: layer.returnSequences, recurrentActivation: 'sigmoid' });
    case 'selfAttention':
      return new SelfAttention({ ...input, heads: layer.heads, keyDim: layer.keyDim, causal: layer.causal, positional: layer.positional, seed });
    case 'globalAveragePooling1d':
      return tf.layers.globalAveragePooling1d(input);
    case 'globalMaxPooling1d':
      return tf.layers.globalMaxPooling1d(input);
    case 'lastStep':
      return new LastStep(input);
    default: {
      const never: never = layer;
      throw new Error(`unknown sequence layer ${JSON.stringify(never)}`);
    }
  }
}
