/**
 * Turns spec problems (zod issues from parseModelSpec, shape issues from inferShapes, the challenge
 * budget) into short sentences in the reader's language, placed where they belong: under a layer,
 * under a hyperparameter, or under the editor. The English originals stay the fallback.
 */
import type { ModelChallenge } from '../../../game/challenges';
import { validateSubmission } from '../../../game/submission';
import { inferShapes } from '../../../models/shapes';
import { parseModelSpec, type ModelSpec, type SpecIssue } from '../../../models/spec';
import { outputTargetOf } from '../../components/studio/autoencoder/ae-target';

/** The page's translator for the 'train' namespace, loosened to plain strings. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface Problems {
  /** True when the spec can be trained and submitted. */
  valid: boolean;
  /** Messages keyed by layer index. */
  byLayer: Map<number, string[]>;
  /** Messages keyed by hyperparameter field (learningRate, batchSize, …). */
  byField: Map<string, string[]>;
  /** Everything else (budget, whole-spec problems). */
  other: string[];
}

const shape = (s: string) => s.replaceAll('x', '×');
const layerName = (type: string | undefined, t: Translate) => (type ? t(`layer.${type}`) : '');

/** Zod messages look like "path: Too small: expected number to be >=1, got 0". */
function describeValue(message: string, t: Translate): string {
  if (/received NaN|got null|got nothing|expected number, received/i.test(message)) return t('problem.notNumber');
  if (/expected int/i.test(message)) return t('problem.integer');
  const small = /too small.*?>=?\s*(-?[\d.e+-]+)/i.exec(message);
  if (small?.[1]) return t('problem.min', { min: Number(small[1]) });
  const big = /too big.*?<=?\s*(-?[\d.e+-]+)/i.exec(message);
  if (big?.[1]) return t('problem.max', { max: Number(big[1]) });
  return message.replace(/^[\w.]+: /, '');
}

const SHAPE_MESSAGES: Array<[RegExp, (m: RegExpExecArray, t: Translate) => string]> = [
  // Sequence layers (models/shapes-sequence.ts) first: their messages name shapes in brackets too.
  [/(\w+) needs a sequence input \(steps x features\), got (\S+) \(an image\)/, (m, t) => t('problem.needsSequenceImage', { layer: layerName(m[1], t), shape: shape(m[2] ?? '') })],
  [/(\w+) needs a sequence input \(steps x features\), got ([\dx]+)/, (m, t) => t('problem.needsSequence', { layer: layerName(m[1], t), shape: shape(m[2] ?? '') })],
  [/embedding must be the first layer/, (_m, t) => t('problem.embeddingFirst')],
  [/(conv2d|maxPooling2d) needs an image input.*got ([\dx]+) \(a sequence/, (m, t) => t('problem.imageLayerOnSequence', { layer: layerName(m[1], t), shape: shape(m[2] ?? '') })],
  [/the last layer must output (\d+) values.*got ([\dx]+) \(still a sequence/, (m, t) => t('problem.stillSequence', { classes: m[1] ?? '', shape: shape(m[2] ?? '') })],
  // Decoder layers and the autoencoder's ends (models/shapes-decoder.ts, models/shapes.ts).
  [/(upSampling2d|conv2dTranspose) needs an image input \(height x width x channels\), got ([\dx]+)/, (m, t) => t('problem.decoderNeedsImage', { layer: layerName(m[1], t), shape: shape(m[2] ?? '') })],
  [/reshape to ([\dx]+) needs (\d+) values, got (\d+) \(input ([\dx]+)\)/, (m, t) => t('problem.reshapeCount', { target: shape(m[1] ?? ''), need: m[2] ?? '', got: m[3] ?? '', shape: shape(m[4] ?? '') })],
  [/reshape to ([\dx]+) makes a sequence/, (m, t) => t('problem.reshapeSequence', { target: shape(m[1] ?? '') })],
  [/a bottleneck needs a flat input.*\(input is ([\dx]+)\)/, (m, t) => t('problem.bottleneckFlat', { shape: shape(m[1] ?? '') })],
  [/the last layer must output ([\dx]+), the input's own shape.*got ([\dx]+)/, (m, t) => t('problem.rebuildShape', { target: shape(m[1] ?? ''), shape: shape(m[2] ?? '') })],
  [/an autoencoder needs one dense layer marked bottleneck/, (_m, t) => t('problem.noBottleneck')],
  [/an autoencoder has exactly one bottleneck/, (_m, t) => t('problem.bottleneckTwice')],
  [/the bottleneck is the last layer/, (_m, t) => t('problem.bottleneckLast')],
  [/only an autoencoder challenge takes a bottleneck/, (_m, t) => t('problem.bottleneckNotHere')],
  [/dense needs a flat input.*\(input is (.+)\)/, (m, t) => t('problem.denseNeedsFlat', { shape: shape(m[1] ?? '') })],
  [/conv2d needs an image input.*got (.+)$/, (m, t) => t('problem.convNeedsImage', { shape: shape(m[1] ?? '') })],
  [/conv2d kernelSize (\d+) is larger than its (\S+) input/, (m, t) => t('problem.kernelTooLarge', { size: m[1] ?? '', shape: shape(m[2] ?? '') })],
  [/maxPooling2d needs an image input, got (.+)$/, (m, t) => t('problem.poolNeedsImage', { shape: shape(m[1] ?? '') })],
  [/maxPooling2d poolSize (\d+) is larger than its (\S+) input/, (m, t) => t('problem.poolTooLarge', { size: m[1] ?? '', shape: shape(m[2] ?? '') })],
  [/the last layer must output (\d+) values.*got (.+)$/, (m, t) => t('problem.lastLayer', { classes: m[1] ?? '', shape: shape(m[2] ?? '') })],
];

/** Layers that need an image, refused on a flat input. */
const IMAGE_ONLY = /^(conv2d|maxPooling2d) needs an image input/;

function describeShape(message: string, t: Translate, flatInput: boolean): string {
  if (flatInput && IMAGE_ONLY.test(message.replace(/^[\w.]+: /, ''))) return t('problem.flatInput');
  for (const [re, say] of SHAPE_MESSAGES) {
    const m = re.exec(message);
    if (m) return say(m, t);
  }
  return message.replace(/^[\w.]+: /, '');
}

const LAYER_FIELDS = new Set(['units', 'activation', 'filters', 'kernelSize', 'strides', 'padding', 'poolSize', 'rate', 'l1', 'l2', 'outputDim', 'returnSequences', 'heads', 'keyDim', 'causal', 'positional']);

function place(issue: SpecIssue, t: Translate, out: Problems, flatInput: boolean): void {
  const push = <K>(map: Map<K, string[]>, key: K, text: string) => map.set(key, [...(map.get(key) ?? []), text]);
  const parts = issue.path.split('.');
  if (parts[0] === 'layers' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const field = parts[2];
    // A bottleneck problem is about the whole layer, not a value typed into it.
    const text = field === undefined || field === 'bottleneck'
      ? describeShape(issue.message, t, flatInput)
      : `${LAYER_FIELDS.has(field) ? t(`field.${field}`) : field}: ${describeValue(issue.message, t)}`;
    push(out.byLayer, Number(parts[1]), text);
    return;
  }
  if (parts[0] === 'training' && parts.length > 1) {
    const field = parts.at(-1) === 'type' ? 'optimizer' : (parts.at(-1) ?? '');
    push(out.byField, field, describeValue(issue.message, t));
    return;
  }
  out.other.push(describeShape(issue.message, t, flatInput));
}

export function collectProblems(challenge: ModelChallenge, spec: ModelSpec, t: Translate): Problems {
  const out: Problems = { valid: false, byLayer: new Map(), byField: new Map(), other: [] };
  const parsed = parseModelSpec(spec);
  const issues = parsed.ok ? [] : parsed.issues.slice();
  // Shapes can be checked whenever the layers themselves parse, even if a hyperparameter does not.
  if (!issues.some((i) => i.path.startsWith('layers'))) {
    const shapes = inferShapes(spec, challenge.inputShape, outputTargetOf(challenge));
    if (!shapes.ok) issues.push(...shapes.issues);
    else if (shapes.totalParams > challenge.budget.maxParams) {
      out.other.push(t('problem.overBudget', { params: shapes.totalParams.toLocaleString('en-US'), max: challenge.budget.maxParams.toLocaleString('en-US') }));
    }
    if (spec.layers.length > challenge.budget.maxLayers) {
      out.other.push(t('problem.tooManyLayers', { layers: spec.layers.length, max: challenge.budget.maxLayers }));
    }
  }
  for (const issue of issues) {
    if (issue.path === 'layers' && spec.layers.length > challenge.budget.maxLayers) {
      out.other.push(t('problem.tooManyLayers', { layers: spec.layers.length, max: challenge.budget.maxLayers }));
    } else place(issue, t, out, challenge.inputShape.length === 1);
  }
  const check = validateSubmission(challenge, spec);
  // The game's rules are the authority; a problem they find that the above missed still blocks.
  if (!check.ok && issues.length === 0 && out.other.length === 0) {
    const noImages = check.error.issues.some((i) => i.path === 'training.augment');
    if (noImages) out.other.push(t('problem.augmentNoImages'));
    else if (check.error.issues.length === 0) out.other.push(check.error.message);
    else for (const issue of check.error.issues) place(issue, t, out, challenge.inputShape.length === 1);
  }
  out.valid = check.ok && issues.length === 0 && out.other.length === 0;
  return out;
}
