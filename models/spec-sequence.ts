/**
 * The sequence part of the model vocabulary (issue 17): an embedding for one-hot tokens, the
 * recurrent layers, self-attention and the layers that reduce a sequence to one vector. A sequence
 * is an input of shape [steps, features]; see models/shapes-sequence.ts for what fits where.
 * No tfjs here (same reason as models/spec.ts).
 */
import { z } from 'zod';

export const SEQUENCE_LAYER_TYPES = [
  'embedding',
  'simpleRNN',
  'lstm',
  'gru',
  'selfAttention',
  'globalAveragePooling1d',
  'globalMaxPooling1d',
  'lastStep',
] as const;

export const RECURRENT_TYPES = ['simpleRNN', 'lstm', 'gru'] as const;

export const SEQUENCE_LIMITS = {
  maxEmbeddingDim: 128,
  maxRecurrentUnits: 256,
  maxHeads: 8,
  maxKeyDim: 64,
} as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** A recurrent layer's activation; softmax over one hidden state makes no sense and is refused. */
export const RECURRENT_ACTIVATIONS = ['linear', 'sigmoid', 'tanh', 'relu'] as const;

export const embeddingLayerSchema = z.strictObject({
  type: z.literal('embedding'),
  /** Length of the learned vector each token (one-hot step) becomes. */
  outputDim: int(1, SEQUENCE_LIMITS.maxEmbeddingDim),
});

const units = int(1, SEQUENCE_LIMITS.maxRecurrentUnits);

export const simpleRnnLayerSchema = z.strictObject({
  type: z.literal('simpleRNN'),
  /** Size of the hidden state. */
  units,
  activation: z.enum(RECURRENT_ACTIVATIONS),
  /** Output every step's hidden state ([steps, units]) instead of the last one ([units]). */
  returnSequences: z.boolean(),
});

export const lstmLayerSchema = z.strictObject({
  type: z.literal('lstm'),
  units,
  returnSequences: z.boolean(),
});

export const gruLayerSchema = z.strictObject({
  type: z.literal('gru'),
  units,
  returnSequences: z.boolean(),
});

export const selfAttentionLayerSchema = z.strictObject({
  type: z.literal('selfAttention'),
  heads: int(1, SEQUENCE_LIMITS.maxHeads),
  /** Size of each head's query, key and value vectors. */
  keyDim: int(1, SEQUENCE_LIMITS.maxKeyDim),
  /** Each step sees only itself and the steps before it. */
  causal: z.boolean(),
  /** Adds a sinusoidal position code to the input, so the layer can tell the steps' order. */
  positional: z.boolean(),
});

export const globalAveragePooling1dLayerSchema = z.strictObject({ type: z.literal('globalAveragePooling1d') });
export const globalMaxPooling1dLayerSchema = z.strictObject({ type: z.literal('globalMaxPooling1d') });
export const lastStepLayerSchema = z.strictObject({ type: z.literal('lastStep') });

export const sequenceLayerSchemas = [
  embeddingLayerSchema,
  simpleRnnLayerSchema,
  lstmLayerSchema,
  gruLayerSchema,
  selfAttentionLayerSchema,
  globalAveragePooling1dLayerSchema,
  globalMaxPooling1dLayerSchema,
  lastStepLayerSchema,
] as const;

export type SequenceLayerSpec = z.infer<(typeof sequenceLayerSchemas)[number]>;
export type SequenceLayerType = (typeof SEQUENCE_LAYER_TYPES)[number];
export type RecurrentLayerSpec = Extract<SequenceLayerSpec, { type: (typeof RECURRENT_TYPES)[number] }>;
export type SelfAttentionSpec = z.infer<typeof selfAttentionLayerSchema>;

export const isSequenceLayerType = (type: string): type is SequenceLayerType =>
  (SEQUENCE_LAYER_TYPES as readonly string[]).includes(type);
export const isRecurrent = (layer: { type: string }): layer is RecurrentLayerSpec =>
  (RECURRENT_TYPES as readonly string[]).includes(layer.type);
export const isSequenceLayer = (layer: { type: string }): layer is SequenceLayerSpec => isSequenceLayerType(layer.type);
