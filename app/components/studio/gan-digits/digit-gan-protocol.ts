/** Messages between the digit GAN studio and its training worker (digit-gan.worker.ts). */
import type { BackendName } from '../../../../models/backend-names';
import type { ModelSpec } from '../../../../models/spec';
import type { GanIO } from '../../../../models/spec-gan';
import type { FromGanWorker } from '../gan/gan-protocol';

/** The live view's photos of the generator. */
export interface DigitSnapshot {
  /** Training rounds done when it was taken (0: the untrained generator). */
  step: number;
  /** The view's photos (viewRequest in digit-view.ts), side × side values on 0..1 each, in order. */
  fakes: Float32Array;
}

/** What a run sends besides the spec and the backend preference (useGanTrainer's `D`). */
export interface DigitRunData {
  /** What the pair handles (game/gan-challenges.ts ganIO). */
  io: GanIO;
  /** The training photos on 0..1, photo after photo, and each one's digit. */
  photos: Float32Array;
  classes: Int32Array;
  /** The view's fixed noise and the digit asked of each of its photos. */
  viewNoise: Float32Array;
  viewClasses: Int32Array;
}

export type ToDigitGanWorker = ({ type: 'start'; spec: ModelSpec; prefer?: BackendName } & DigitRunData) | { type: 'stop' };

export type FromDigitGanWorker = FromGanWorker<DigitSnapshot>;
