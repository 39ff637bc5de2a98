/**
 * Shapes and parameter counts of a GAN spec's two models, without tfjs (the editor and the
 * submission check read them). The generator is the spec's own layers from [noiseDim] to [2]; the
 * discriminator is the gan block's layers from [2] to [1], ending in a dense 1 sigmoid (the
 * probability that a point is real; models/gan.ts trains on the logit before the sigmoid).
 * Issue paths name the field: `layers.3` for the generator, `gan.discriminator.layers.1` for the
 * discriminator.
 */
import type { LayerInfo } from './shapes';
import { inferShapes } from './shapes';
import type { GanSpec, ModelSpec, SpecIssue } from './spec';
import { discriminatorInput, GAN_DISCRIMINATOR_OUTPUT, GAN_POINTS_IO, generatorOutput, type GanIO } from './spec-gan';

export interface GanShapes {
  ok: true;
  gan: GanSpec;
  generator: LayerInfo[];
  discriminator: LayerInfo[];
  generatorParams: number;
  discriminatorParams: number;
  /** Both models: the length of the submitted weights, in float32 values. */
  totalParams: number;
}

export type GanShapeResult = GanShapes | { ok: false; issues: SpecIssue[] };

const prefixed = (issues: SpecIssue[], prefix: string): SpecIssue[] =>
  issues.map((i) => ({ path: `${prefix}${i.path}`, message: `${prefix}${i.message}` }));

/** The discriminator as a plain spec (its layers, the generator's training block). */
export function discriminatorSpec(spec: ModelSpec, gan: GanSpec): ModelSpec {
  return { version: 1, layers: gan.discriminator.layers, training: { ...spec.training, optimizer: gan.discriminator.optimizer } };
}

/** The last discriminator layer must give a probability: dense, 1 unit, sigmoid. */
function lastLayerIssue(gan: GanSpec, what: string): SpecIssue | null {
  const i = gan.discriminator.layers.length - 1;
  const last = gan.discriminator.layers[i];
  if (last?.type === 'dense' && last.activation === 'sigmoid') return null;
  const path = `gan.discriminator.layers.${i}`;
  const got = last?.type === 'dense' ? `dense with ${last.activation}` : (last?.type ?? 'nothing');
  return { path, message: `${path}: the discriminator must end in a dense layer of 1 unit with sigmoid (the probability that ${what} is real), got ${got}` };
}

/** The generator's input: its noise, then (conditional GAN) the one-hot class it is asked for. */
export const generatorInput = (gan: GanSpec, io: GanIO): number[] => [gan.noiseDim + io.classes];

/**
 * Both models' shapes for the challenge's `io` (default: the 2-D points GAN): the generator from
 * generatorInput to the sample, the discriminator from discriminatorInput to one probability.
 */
export function inferGanShapes(spec: ModelSpec, io: GanIO = GAN_POINTS_IO): GanShapeResult {
  const gan = spec.gan;
  if (!gan) return { ok: false, issues: [{ path: 'gan', message: 'gan: a GAN needs the gan block (noiseDim, dSteps, gSteps, discriminator)' }] };
  const what = io.classes === 0 ? 'a point' : 'a photo';
  const g = inferShapes(spec, generatorInput(gan, io), generatorOutput(io));
  if (!g.ok) {
    const issues = g.issues.map((i) => ({ ...i, message: i.message.replace('(one per class)', '(an x, y point)').replace("the input's own shape (an autoencoder rebuilds its input)", 'the shape of one photo') }));
    return { ok: false, issues };
  }
  const d = inferShapes(discriminatorSpec(spec, gan), discriminatorInput(io), GAN_DISCRIMINATOR_OUTPUT);
  if (!d.ok) {
    const issues = d.issues.map((i) => ({ ...i, message: i.message.replace('(one per class)', `(the probability that ${what} is real)`) }));
    return { ok: false, issues: prefixed(issues, 'gan.discriminator.') };
  }
  const last = lastLayerIssue(gan, what);
  if (last) return { ok: false, issues: [last] };
  return {
    ok: true,
    gan,
    generator: g.layers,
    discriminator: d.layers,
    generatorParams: g.totalParams,
    discriminatorParams: d.totalParams,
    totalParams: g.totalParams + d.totalParams,
  };
}
