/**
 * Self-attention, our own tfjs layer (tfjs 4.22 has none): scaled dot-product attention with
 * `heads` heads, learned query/key/value projections and an output projection back to the input's
 * width, an optional sinusoidal position code and an optional causal mask.
 *
 * Weights, in this fixed order (model.getWeights(), hence the wire format of models/weights.ts):
 * query [F, H·dk], key [F, H·dk], value [F, H·dk], output [H·dk, F], outputBias [F].
 * Registered with tf.serialization so a saved model loads back.
 */
import * as tf from '@tensorflow/tfjs';

export interface AttentionConfig {
  heads: number;
  keyDim: number;
  causal: boolean;
  positional: boolean;
}

export interface AttentionWeights {
  query: tf.Tensor2D;
  key: tf.Tensor2D;
  value: tf.Tensor2D;
  output: tf.Tensor2D;
  outputBias: tf.Tensor1D;
}

/**
 * Added to a masked score: softmax turns it into an exact 0 in float32 (exp(-1e4) underflows).
 * Not -1e9: a GPU computing in half floats would make that -Infinity, and 0 x -Infinity is NaN.
 */
const MASKED = -1e4;

/** The sinusoidal code of "Attention is all you need": sin on even features, cos on odd ones. */
export function positionalEncoding(steps: number, features: number): Float32Array {
  const out = new Float32Array(steps * features);
  for (let t = 0; t < steps; t++) {
    for (let f = 0; f < features; f++) {
      const pair = f - (f % 2);
      const angle = t / Math.pow(10000, pair / features);
      out[t * features + f] = f % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return out;
}

/** [B·T, H·dk] → [B, H, T, dk] */
function splitHeads(x: tf.Tensor, batch: number, steps: number, cfg: AttentionConfig): tf.Tensor4D {
  return x.reshape([batch, steps, cfg.heads, cfg.keyDim]).transpose([0, 2, 1, 3]) as tf.Tensor4D;
}

/**
 * The layer's maths on x [B, T, F]: the output [B, T, F] and the attention weights [B, H, T, T]
 * (row = the step that looks, column = the step looked at; rows sum to 1).
 */
export function attend(x: tf.Tensor3D, w: AttentionWeights, cfg: AttentionConfig): { output: tf.Tensor3D; weights: tf.Tensor4D } {
  return tf.tidy(() => {
    const [batch = 0, steps = 0, features = 0] = x.shape;
    const placed = cfg.positional ? x.add(tf.tensor2d(positionalEncoding(steps, features), [steps, features])) : x;
    const flat = placed.reshape([batch * steps, features]);
    const q = splitHeads(flat.matMul(w.query), batch, steps, cfg);
    const k = splitHeads(flat.matMul(w.key), batch, steps, cfg);
    const v = splitHeads(flat.matMul(w.value), batch, steps, cfg);
    let scores = tf.matMul(q, k, false, true).mul(1 / Math.sqrt(cfg.keyDim));
    if (cfg.causal) {
      const future = tf.sub(1, tf.linalg.bandPart(tf.ones([steps, steps]), -1, 0));
      scores = scores.add(future.mul(MASKED));
    }
    const weights = tf.softmax(scores) as tf.Tensor4D;
    const context = tf.matMul(weights, v).transpose([0, 2, 1, 3]).reshape([batch * steps, cfg.heads * cfg.keyDim]);
    const output = context.matMul(w.output).add(w.outputBias).reshape([batch, steps, features]) as tf.Tensor3D;
    return { output, weights };
  });
}

export interface SelfAttentionArgs extends AttentionConfig {
  /** Seeds the four projection matrices (each its own stream, so they do not start equal). */
  seed: number;
  inputShape?: number[];
  name?: string;
}

/** Seeds apart for the query, key, value and output matrices of one layer. */
const SEED_STRIDE = 7_777;

export class SelfAttention extends tf.layers.Layer {
  static className = 'GradientArenaSelfAttention';
  readonly cfg: AttentionConfig;
  private readonly seed: number;
  private w: Partial<Record<keyof AttentionWeights, tf.LayerVariable>> = {};

  constructor(args: SelfAttentionArgs) {
    super(args);
    this.cfg = { heads: args.heads, keyDim: args.keyDim, causal: args.causal, positional: args.positional };
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const features = shape[shape.length - 1];
    if (shape.length !== 3 || typeof features !== 'number') throw new Error(`selfAttention needs [batch, steps, features], got ${JSON.stringify(shape)}`);
    const inner = this.cfg.heads * this.cfg.keyDim;
    const glorot = (k: number) => tf.initializers.glorotUniform({ seed: this.seed + k * SEED_STRIDE });
    this.w = {
      query: this.addWeight('query', [features, inner], 'float32', glorot(0)),
      key: this.addWeight('key', [features, inner], 'float32', glorot(1)),
      value: this.addWeight('value', [features, inner], 'float32', glorot(2)),
      output: this.addWeight('output', [inner, features], 'float32', glorot(3)),
      outputBias: this.addWeight('outputBias', [features], 'float32', tf.initializers.zeros()),
    };
    this.built = true;
  }

  /** The current weights as tensors (owned by the layer: do not dispose). */
  currentWeights(): AttentionWeights {
    const read = (name: keyof AttentionWeights) => {
      const v = this.w[name];
      if (!v) throw new Error('selfAttention used before it was built');
      return v.read();
    };
    return {
      query: read('query') as tf.Tensor2D,
      key: read('key') as tf.Tensor2D,
      value: read('value') as tf.Tensor2D,
      output: read('output') as tf.Tensor2D,
      outputBias: read('outputBias') as tf.Tensor1D,
    };
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
    return tf.tidy(() => {
      const { output, weights } = attend(x, this.currentWeights(), this.cfg);
      weights.dispose();
      return output;
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.cfg, seed: this.seed };
  }
}

tf.serialization.registerClass(SelfAttention);
