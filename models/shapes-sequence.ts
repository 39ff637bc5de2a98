/**
 * Shape inference and parameter counts for the sequence layers (models/spec-sequence.ts). A
 * sequence is [steps, features]; a flat vector is [n]; an image is [h, w, c]. Counts must equal
 * the tfjs layers' own (tests/unit/models/sequence-shapes.test.ts builds each one to check).
 */
import type { SequenceLayerSpec } from './spec-sequence';

type Shape = readonly number[];
type Info = { outputShape: Shape; params: number };

const fmt = (shape: Shape) => shape.join('x');

/** Why `type` cannot take `input`, or null when the input is a sequence. */
function needsSequence(type: string, input: Shape): string | null {
  if (input.length === 2) return null;
  if (input.length === 1) {
    return `${type} needs a sequence input (steps x features), got ${fmt(input)}: put it before the layer that makes the input flat, or set returnSequences on the recurrent layer before it`;
  }
  return `${type} needs a sequence input (steps x features), got ${fmt(input)} (an image)`;
}

/** Hidden-state size times weights per gate block: the simple RNN has one block, GRU 3, LSTM 4. */
const GATE_BLOCKS = { simpleRNN: 1, gru: 3, lstm: 4 } as const;

export function inferSequenceLayer(layer: SequenceLayerSpec, input: Shape, index: number): Info | string {
  const wrong = needsSequence(layer.type, input);
  if (wrong) return wrong;
  const [steps = 0, features = 0] = input;
  switch (layer.type) {
    case 'embedding':
      if (index !== 0) return 'embedding must be the first layer: it turns each input token into a vector';
      return { outputShape: [steps, layer.outputDim], params: features * layer.outputDim };
    case 'simpleRNN':
    case 'lstm':
    case 'gru': {
      const u = layer.units;
      const params = GATE_BLOCKS[layer.type] * (features * u + u * u + u);
      return { outputShape: layer.returnSequences ? [steps, u] : [u], params };
    }
    case 'selfAttention': {
      const inner = layer.heads * layer.keyDim;
      return { outputShape: [steps, features], params: 4 * features * inner + features };
    }
    case 'globalAveragePooling1d':
    case 'globalMaxPooling1d':
    case 'lastStep':
      return { outputShape: [features], params: 0 };
    default: {
      const never: never = layer;
      throw new Error(`unknown sequence layer ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Multiply-adds of one forward pass of one example through a sequence layer (for time estimates):
 * recurrent layers pay their weights once per step, attention its projections per step plus the
 * steps x steps scores and mixing per head.
 */
export function sequenceLayerMacs(layer: SequenceLayerSpec, input: Shape): number {
  const [steps = 0, features = 0] = input;
  switch (layer.type) {
    case 'embedding':
      return steps * features * layer.outputDim;
    case 'simpleRNN':
    case 'lstm':
    case 'gru':
      return steps * GATE_BLOCKS[layer.type] * (features + layer.units) * layer.units;
    case 'selfAttention': {
      const inner = layer.heads * layer.keyDim;
      return steps * features * inner * 4 + 2 * layer.heads * steps * steps * layer.keyDim;
    }
    default:
      return steps * features;
  }
}
