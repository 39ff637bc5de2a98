/**
 * The model spec: Gradient Arena's own JSON vocabulary for a neural network and how to train it.
 * Validated with zod at every boundary (editor, submit event, worker). No tfjs here, so the editor,
 * the server's validator and the game rules can use it without loading tfjs.
 */
import { z } from 'zod';
import { SEQUENCE_LAYER_TYPES, SEQUENCE_LIMITS, sequenceLayerSchemas } from './spec-sequence';
import { DECODER_LAYER_TYPES, DECODER_LIMITS, decoderLayerSchemas } from './spec-decoder';
import { makeGanSchema } from './spec-gan';

export const ACTIVATIONS = ['linear', 'sigmoid', 'tanh', 'relu', 'softmax'] as const;
export const LOSSES = ['categoricalCrossentropy', 'meanSquaredError'] as const;
export const OPTIMIZERS = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const;
export const LAYER_TYPES = ['dense', 'conv2d', 'maxPooling2d', 'flatten', 'dropout', ...SEQUENCE_LAYER_TYPES, ...DECODER_LAYER_TYPES] as const;

/** Hard limits of the vocabulary; a challenge may set tighter budgets (game/challenges.ts). */
export const SPEC_LIMITS = {
  maxLayers: 16,
  maxUnits: 1024,
  maxFilters: 128,
  maxKernelSize: 7,
  maxStrides: 4,
  maxPoolSize: 4,
  maxDropoutRate: 0.9,
  minLearningRate: 1e-5,
  maxLearningRate: 1,
  maxBatchSize: 512,
  maxEpochs: 200,
  maxSeed: 2 ** 31 - 1,
  maxWeightDecay: 0.1,
  maxPatience: 50,
  maxShift: 0.25,
  maxRotateDeg: 30,
  maxZoom: 0.3,
  maxBrightness: 0.5,
  ...SEQUENCE_LIMITS,
  ...DECODER_LIMITS,
} as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const activationSchema = z.enum(ACTIVATIONS);

/** Weight decay on a layer's kernel: λ₁·Σ|w| and λ₂·Σw² are added to the loss (0 or absent = none). */
const decay = z.number().min(0).max(SPEC_LIMITS.maxWeightDecay).optional();

export const denseLayerSchema = z.strictObject({
  type: z.literal('dense'),
  /** Number of neurons. */
  units: int(1, SPEC_LIMITS.maxUnits),
  activation: activationSchema,
  l1: decay,
  l2: decay,
  /**
   * The autoencoder's code (models/spec-decoder.ts): this layer's units are the code length that
   * the autoencoder challenges' stars read. Exactly one in an autoencoder spec, none elsewhere.
   */
  bottleneck: z.boolean().optional(),
});

export const conv2dLayerSchema = z.strictObject({
  type: z.literal('conv2d'),
  /** Number of filters (output channels). */
  filters: int(1, SPEC_LIMITS.maxFilters),
  /** Square kernel side, in pixels. */
  kernelSize: int(1, SPEC_LIMITS.maxKernelSize),
  strides: int(1, SPEC_LIMITS.maxStrides),
  padding: z.enum(['same', 'valid']),
  activation: activationSchema,
  l1: decay,
  l2: decay,
});

export const maxPooling2dLayerSchema = z.strictObject({
  type: z.literal('maxPooling2d'),
  /** Square window side; the stride equals the window. */
  poolSize: int(2, SPEC_LIMITS.maxPoolSize),
});

export const flattenLayerSchema = z.strictObject({ type: z.literal('flatten') });

export const dropoutLayerSchema = z.strictObject({
  type: z.literal('dropout'),
  /** Fraction of inputs zeroed during training. */
  rate: z.number().min(0).max(SPEC_LIMITS.maxDropoutRate),
});

export const layerSchema = z.discriminatedUnion('type', [
  denseLayerSchema,
  conv2dLayerSchema,
  maxPooling2dLayerSchema,
  flattenLayerSchema,
  dropoutLayerSchema,
  ...sequenceLayerSchemas,
  ...decoderLayerSchemas,
]);

export const optimizerSchema = z.strictObject({
  type: z.enum(OPTIMIZERS),
  learningRate: z.number().min(SPEC_LIMITS.minLearningRate).max(SPEC_LIMITS.maxLearningRate),
  /** Only read by 'momentum'. */
  momentum: z.number().min(0).max(0.999).optional(),
  /**
   * Only read by 'adam': how much of the past gradients its first moment keeps (tfjs's default
   * 0.9). GANs train steadier with less (0.5, as in the DCGAN paper): each model's target moves
   * with the other's steps, and old gradients point the wrong way sooner.
   */
  beta1: z.number().min(0).max(0.999).optional(),
});

/** Stop when the validation loss has not improved for `patience` epochs; keep the best epoch's weights. */
export const earlyStoppingSchema = z.strictObject({
  patience: int(1, SPEC_LIMITS.maxPatience),
});

/**
 * Random changes to each training image, new every batch (from the seed): shift (fraction of the
 * side), rotation (degrees), zoom (fraction) and brightness (added, on 0..1 pixels). Images only.
 */
export const augmentSchema = z.strictObject({
  shift: z.number().min(0).max(SPEC_LIMITS.maxShift),
  rotate: z.number().min(0).max(SPEC_LIMITS.maxRotateDeg),
  zoom: z.number().min(0).max(SPEC_LIMITS.maxZoom),
  brightness: z.number().min(0).max(SPEC_LIMITS.maxBrightness),
});

export const trainingSchema = z.strictObject({
  loss: z.enum(LOSSES),
  optimizer: optimizerSchema,
  batchSize: int(1, SPEC_LIMITS.maxBatchSize),
  epochs: int(1, SPEC_LIMITS.maxEpochs),
  /** Seeds weight initialisation, dropout and the data order, so a run can be replayed. */
  seed: int(0, SPEC_LIMITS.maxSeed),
  earlyStopping: earlyStoppingSchema.optional(),
  augment: augmentSchema.optional(),
});

/** A GAN's discriminator and schedule (models/spec-gan.ts); `layers` are then the generator's. */
export const ganSchema = makeGanSchema(layerSchema, optimizerSchema);

export const modelSpecSchema = z.strictObject({
  version: z.literal(1),
  layers: z.array(layerSchema).min(1).max(SPEC_LIMITS.maxLayers),
  training: trainingSchema,
  gan: ganSchema.optional(),
});

export type Activation = z.infer<typeof activationSchema>;
export type LayerSpec = z.infer<typeof layerSchema>;
export type LayerType = LayerSpec['type'];
export type OptimizerSpec = z.infer<typeof optimizerSchema>;
export type TrainingSpec = z.infer<typeof trainingSchema>;
export type AugmentSpec = z.infer<typeof augmentSchema>;
export type ModelSpec = z.infer<typeof modelSpecSchema>;
export type GanSpec = z.infer<typeof ganSchema>;

/** One problem found in a spec: where (dotted path) and what, with the offending value. */
export interface SpecIssue {
  path: string;
  message: string;
}

export type SpecResult = { ok: true; spec: ModelSpec } | { ok: false; issues: SpecIssue[] };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Validates untrusted input; every issue names the field and the bad value ("got 9000"). */
export function parseModelSpec(input: unknown): SpecResult {
  const result = modelSpecSchema.safeParse(input);
  if (result.success) return { ok: true, spec: result.data };
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    const got = issue.code === 'unrecognized_keys' ? '' : `, got ${describe(valueAt(input, issue.path))}`;
    return { path, message: `${path}: ${issue.message}${got}` };
  });
  return { ok: false, issues };
}
