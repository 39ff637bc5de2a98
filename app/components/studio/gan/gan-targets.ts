/**
 * The GAN studio's targets, pure: the real points a run trains on (the challenge's public sample
 * of a built-in target, or points spread around a drawing), the modes the live view counts, and
 * the fixed noise the view's generated points come from. The server scores on its own sample and
 * noise (server/scoring), never on these.
 */
import type { ModelChallenge } from '../../../../game/challenges';
import { TRAIN_SEED } from '../../../../game/challenge-data';
import { gaussianNoise, GAN_TARGET_IDS, sampleTarget, targetModes, type GanData, type GanTargetId } from '../../../../game/gan-data';
import { GAN_SCORING, modeCoverage } from '../../../../game/gan';
import { sampleDrawn, type GanView } from './gan-plane';
import { DRAWN, type TargetChoice } from './TargetChooser';
import type { ModeCount } from './GanLive';

/** The view of the plane: every target lies within about ±1.3 (game/gan-data.ts). */
export const GAN_VIEW: GanView = { min: -1.5, max: 1.5, size: 48 };
/** Generated points drawn on the plane (and counted for modes) per snapshot. */
export const VIEW_POINTS = 512;
/** The view's noise seed: the same noise every snapshot, so the points move rather than jump. */
const VIEW_NOISE_SEED = 7;
/** Training points for practice targets and drawings when the challenge names no count. */
export const PRACTICE_POINTS = 1024;

export const isBuiltIn = (c: TargetChoice): c is GanTargetId => (GAN_TARGET_IDS as readonly string[]).includes(c);

/** The real points of a choice: a built-in target from the public seed, or the drawing spread out. */
export function realPoints(choice: TargetChoice, drawn: readonly (readonly [number, number])[], count: number, seed: number): Float32Array {
  if (isBuiltIn(choice)) return sampleTarget(choice, count, seed);
  // Nothing drawn yet: no real points (not a pile of them at the origin).
  return choice === DRAWN && drawn.length > 0 ? sampleDrawn(drawn, count, seed) : new Float32Array(0);
}

/** The view's noise for a generator with `noiseDim` inputs. */
export function viewNoise(noiseDim: number): Float32Array {
  return gaussianNoise(VIEW_POINTS, Math.max(1, noiseDim), VIEW_NOISE_SEED);
}

/**
 * Modes the generated points cover, for the targets made of separate modes (ring, grid); null for
 * the moons and drawings, which have none to count. By the server's own rule (GAN_SCORING.modes),
 * so the count here is the count the score will use, give or take the noise.
 */
export function countModes(choice: TargetChoice, fake: Float32Array | null): ModeCount | null {
  if (!fake || !isBuiltIn(choice)) return null;
  const modes = targetModes(choice);
  if (modes.length === 0) return null;
  const { covered } = modeCoverage(fake, modes, GAN_SCORING.modes);
  return { covered, total: modes.length };
}

/** The challenge's data when it is a GAN target (objective 'generate'). */
function ganData(challenge: ModelChallenge): GanData | null {
  const d = challenge.data as { type: string };
  return d.type === 'target2d' ? (d as GanData) : null;
}

/** The target the server scores the challenge's generators against. */
export function scoredTarget(challenge: ModelChallenge): GanTargetId {
  return ganData(challenge)?.target ?? 'ring';
}

/** The challenge's public training sample of its scored target (the seed every generated challenge trains from). */
export function ganTrainSample(challenge: ModelChallenge): Float32Array {
  const d = ganData(challenge);
  return sampleTarget(d?.target ?? 'ring', d?.train ?? PRACTICE_POINTS, TRAIN_SEED);
}

export { DRAWN, GAN_TARGET_IDS };
