/**
 * Which studio controls each model challenge shows: the ones its lesson needs and no more. A first
 * lesson about one neuron gets no Dropout, weight decay or early stopping; the tools against
 * overfitting arrive with the lessons that use them (Sign Digits 0-9, the boss levels). Pure data
 * and one decision, read by the studio; the layer editor itself (Dense, activations, units) is
 * always there. A hidden control is still shown when the spec already uses it (a reproduced run, a
 * saved draft) or a teacher locked it, so nothing a model depends on is ever out of sight.
 */
import type { ModelChallengeId } from './challenges';
import type { LayerSpec, ModelSpec } from '../models/spec';

export const CONTROL_GROUPS = [
  'loss',
  'optimizer',
  'learningRate',
  'batchSize',
  'epochs',
  'seed',
  'dropout',
  'weightDecay',
  'earlyStopping',
  'augment',
] as const;
export type ControlGroup = (typeof CONTROL_GROUPS)[number];

/** The tools against overfitting (the studio's "Against overfitting" part and per-layer tools). */
export const OVERFIT_GROUPS: readonly ControlGroup[] = ['dropout', 'weightDecay', 'earlyStopping', 'augment'];

const TRAINING: readonly ControlGroup[] = ['optimizer', 'learningRate', 'batchSize', 'epochs', 'seed'];

/** Per challenge, what its lesson asks the player to touch (see each concept card and its stars). */
export const LESSON_CONTROLS: Readonly<Record<ModelChallengeId, readonly ControlGroup[]>> = {
  // One neuron, then a hidden layer: the architecture is the lesson; the rate and seed help a run land.
  'logic-gates': ['learningRate', 'epochs', 'seed'],
  'depth-width': TRAINING,
  // The activation is the lesson; the optimizer stays reachable for a run that is just slow.
  activations: ['optimizer', 'learningRate', 'epochs', 'seed'],
  losses: ['loss', 'optimizer', 'learningRate', 'epochs', 'seed'],
  // Batches against a budget of samples seen: batch size and epochs are the lesson.
  'batch-epochs': ['learningRate', 'batchSize', 'epochs', 'seed'],
  'sign-01': TRAINING,
  // Its concept card brings in Dropout; three stars need augmentation (game/challenges.ts, measured).
  'sign-digits': [...TRAINING, 'dropout', 'earlyStopping', 'augment'],
  // The layers are the lesson (RNN or LSTM, recurrence or attention); training settings help a run land.
  memory: TRAINING,
  attention: TRAINING,
  // The bottleneck's size is the lesson (and the layers around it); the loss stays mean squared error.
  autoencoder: TRAINING,
  denoise: TRAINING,
  // Two models: the generator's training here, the discriminator's and the schedule in the GAN studio.
  gan: ['loss', ...TRAINING],
  'gan-digits': ['loss', ...TRAINING],
  'boss-1': CONTROL_GROUPS,
  'boss-2': CONTROL_GROUPS,
  'boss-3': CONTROL_GROUPS,
};

const hasDecay = (l: LayerSpec) => (l.type === 'dense' || l.type === 'conv2d') && ((l.l1 ?? 0) !== 0 || (l.l2 ?? 0) !== 0);

/** The groups whose setting in `spec` differs from the challenge's starting model `base`. */
export function controlsInUse(spec: ModelSpec, base: ModelSpec): Set<ControlGroup> {
  const used = new Set<ControlGroup>();
  const t = spec.training;
  const b = base.training;
  if (t.loss !== b.loss) used.add('loss');
  if (t.optimizer.type !== b.optimizer.type || t.optimizer.momentum !== b.optimizer.momentum) used.add('optimizer');
  if (t.optimizer.learningRate !== b.optimizer.learningRate) used.add('learningRate');
  if (t.batchSize !== b.batchSize) used.add('batchSize');
  if (t.epochs !== b.epochs) used.add('epochs');
  if (t.seed !== b.seed) used.add('seed');
  if (spec.layers.some((l) => l.type === 'dropout')) used.add('dropout');
  if (spec.layers.some(hasDecay)) used.add('weightDecay');
  if (t.earlyStopping !== undefined) used.add('earlyStopping');
  if (t.augment !== undefined) used.add('augment');
  return used;
}

export interface ShownControlsInput {
  challengeId: ModelChallengeId;
  /** The player turned on "All controls". */
  all: boolean;
  /** Groups the spec already uses (controlsInUse). */
  inUse: ReadonlySet<ControlGroup>;
  /** Groups a teacher fixed for the round: shown, disabled, with the lock note. */
  locked?: ReadonlySet<ControlGroup>;
}

/** The control groups the studio renders. */
export function shownControls({ challengeId, all, inUse, locked }: ShownControlsInput): Set<ControlGroup> {
  if (all) return new Set(CONTROL_GROUPS);
  const lesson = LESSON_CONTROLS[challengeId];
  return new Set(CONTROL_GROUPS.filter((g) => lesson.includes(g) || inUse.has(g) || locked?.has(g)));
}

/** True when "All controls" would add something: the switch is pointless on the boss levels. */
export function hasHiddenControls(challengeId: ModelChallengeId): boolean {
  return LESSON_CONTROLS[challengeId].length < CONTROL_GROUPS.length;
}
