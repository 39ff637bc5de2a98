/**
 * A GAN spec's problems, placed where the GAN studio shows them: under a generator layer, under a
 * discriminator layer, under a setting, or under the editors. Each model's layers go through the
 * ordinary studio's wording (collectProblems, on that model alone with its own input and output),
 * and the game's rules for the whole spec (validateSubmission, which knows the `gan` block and the
 * budget) decide whether it can be trained and submitted.
 */
import type { ModelChallenge } from '../../../../game/challenges';
import { validateSubmission } from '../../../../game/submission';
import { parseModelSpec, type GanSpec, type ModelSpec } from '../../../../models/spec';
import { GAN_DISCRIMINATOR_OUTPUT, GAN_GENERATOR_OUTPUT, GAN_POINT_SHAPE } from '../../../../models/spec-gan';
import { collectProblems, type Translate } from '../../../challenges/[id]/problems';

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

export function collectGanProblems(challenge: ModelChallenge, spec: ModelSpec, gan: GanSpec, t: Translate): GanProblems {
  const noise = Number.isInteger(gan.noiseDim) && gan.noiseDim > 0 ? gan.noiseDim : 1;
  const generator = collectProblems(asPlain(challenge, [noise], GAN_GENERATOR_OUTPUT), { version: 1, layers: spec.layers, training: spec.training }, t);
  const discriminator = collectProblems(
    asPlain(challenge, GAN_POINT_SHAPE, GAN_DISCRIMINATOR_OUTPUT),
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
