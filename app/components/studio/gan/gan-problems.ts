/**
 * A GAN spec's problems, placed where the GAN studio shows them: under a generator layer, under a
 * discriminator layer, under a setting, or under the editors. Each model's layers go through the
 * ordinary studio's wording (collectProblems, on that model alone with its own input and output),
 * and the game's rules for the whole spec (validateSubmission, which knows the `gan` block and the
 * budget) decide whether it can be trained and submitted. What each model takes and makes comes from
 * the challenge (ganIO): points for the points GAN, photos and their digit for the digit GAN.
 */
import type { ModelChallenge } from '../../../../game/challenges';
import { ganIO } from '../../../../game/gan-challenges';
import { validateSubmission } from '../../../../game/submission';
import { inferShapes } from '../../../../models/shapes';
import { generatorInput } from '../../../../models/shapes-gan';
import { parseModelSpec, type GanSpec, type ModelSpec } from '../../../../models/spec';
import { discriminatorInput, GAN_DISCRIMINATOR_OUTPUT, generatorOutput, type GanIO } from '../../../../models/spec-gan';
import { collectProblems, type Problems, type Translate } from '../../../challenges/[id]/problems';

export interface GanProblems {
  valid: boolean;
  generator: Map<number, string[]>;
  discriminator: Map<number, string[]>;
  /** Keyed by setting: noiseDim, dSteps, gSteps, batchSize, epochs, seed, gLearningRate, dLearningRate. */
  byField: Map<string, string[]>;
  other: string[];
}

/** One model of the pair as an ordinary challenge of its own, so the studio's wording applies. */
function asPlain(challenge: ModelChallenge, inputShape: readonly number[], numClasses: number): ModelChallenge {
  return { ...challenge, inputShape, numClasses, objective: undefined, layerTypes: undefined, budget: { ...challenge.budget, maxParams: Number.MAX_SAFE_INTEGER } };
}

const push = (map: Map<string, string[]>, key: string, text: string) => map.set(key, [...(map.get(key) ?? []), text]);

/** The `gan` block's own fields (the layers are the discriminator's, checked as a model). */
function ganFieldIssues(spec: ModelSpec, byField: Map<string, string[]>, t: Translate): void {
  const parsed = parseModelSpec(spec);
  if (parsed.ok) return;
  for (const issue of parsed.issues) {
    const parts = issue.path.split('.');
    if (parts[0] !== 'gan') continue;
    if (parts[1] === 'discriminator' && parts[2] === 'optimizer') push(byField, 'dLearningRate', issue.message.replace(/^[\w.]+: /, ''));
    else if (parts[1] && parts[1] !== 'discriminator') push(byField, parts[1], issue.message.replace(/^[\w.]+: /, '') || t('problem.notNumber'));
  }
}

const shapeText = (shape: readonly number[]) => shape.join('×');

/**
 * A generator of photos (the digit GAN) checked as a plain model: collectProblems knows only class
 * counts and autoencoders, so its verdict on the last layer's output is replaced by the GAN's own
 * (`tg`: the gan namespace), and its "the input is a point" by what the noise really is.
 */
function photoGeneratorProblems(challenge: ModelChallenge, spec: ModelSpec, io: GanIO, noise: number, t: Translate, tg: Translate): Problems {
  const input = generatorInput({ noiseDim: noise } as GanSpec, io);
  const model: ModelSpec = { version: 1, layers: spec.layers, training: spec.training };
  const plain = collectProblems(asPlain(challenge, input, 1), model, t);
  const parsed = parseModelSpec(model);
  if (!parsed.ok && parsed.issues.some((i) => i.path.startsWith('layers'))) return plain;
  const flatInput = t('problem.flatInput');
  const byLayer = new Map([...plain.byLayer].map(([i, m]) => [i, m.map((x) => (x === flatInput ? t('problem.convNeedsImage', { shape: shapeText(input) }) : x))]));
  const shapes = inferShapes(model, input, io.sample);
  const last = spec.layers.length - 1;
  if (shapes.ok) {
    // Every layer fit and the photo came out: the plain check's one complaint was about the output.
    byLayer.delete(last);
    return { ...plain, byLayer };
  }
  const wrong = /the last layer must output .*, got ([\dx]+)/.exec(shapes.issues[0]?.message ?? '');
  if (wrong) byLayer.set(last, [tg('digits.problem.generatorOutput', { target: shapeText(io.sample), shape: (wrong[1] ?? '').replaceAll('x', '×') })]);
  return { ...plain, byLayer };
}

export function collectGanProblems(challenge: ModelChallenge, spec: ModelSpec, gan: GanSpec, t: Translate, tg: Translate = t): GanProblems {
  const io = ganIO(challenge);
  const noise = Number.isInteger(gan.noiseDim) && gan.noiseDim > 0 ? gan.noiseDim : 1;
  const gOut = generatorOutput(io);
  const generator = typeof gOut === 'number'
    ? collectProblems(asPlain(challenge, generatorInput({ noiseDim: noise } as GanSpec, io), gOut), { version: 1, layers: spec.layers, training: spec.training }, t)
    : photoGeneratorProblems(challenge, spec, io, noise, t, tg);
  const discriminator = collectProblems(
    asPlain(challenge, discriminatorInput(io), GAN_DISCRIMINATOR_OUTPUT),
    { version: 1, layers: gan.discriminator.layers, training: { ...spec.training, optimizer: gan.discriminator.optimizer } },
    t,
  );
  const byField = new Map<string, string[]>();
  for (const [k, v] of generator.byField) for (const m of v) push(byField, k === 'learningRate' || k === 'optimizer' ? 'gLearningRate' : k, m);
  for (const [k, v] of discriminator.byField) if (k === 'learningRate' || k === 'optimizer') for (const m of v) push(byField, 'dLearningRate', m);
  ganFieldIssues(spec, byField, t);
  const other: string[] = [];
  const layerTrouble = generator.byLayer.size > 0 || discriminator.byLayer.size > 0 || byField.size > 0;
  const check = validateSubmission(challenge, spec);
  // The game's rules are the authority: what they refuse beyond the above is said under the editors.
  if (!check.ok && !layerTrouble) other.push(check.error.issues[0]?.message ?? check.error.message);
  return { valid: check.ok && !layerTrouble, generator: generator.byLayer, discriminator: discriminator.byLayer, byField, other };
}
