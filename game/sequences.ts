/**
 * Seeded token sequences for the sequence challenges. Pure: the same seed gives the same
 * sequences, so the server regenerates its hidden test set from a seed it never sends while the
 * browser draws training and validation from public ones.
 *
 * Tokens are small integers: 0 pads, 1..10 are the digits 0..9, 11 is the marker, and from 12 on
 * come the lookup task's query tokens ("which digit stood at place p?", p = token - 12).
 *
 * - "memory": a run of digits with one marker near the start; the answer is the digit right after
 *   the marker. Everything after it is noise, so the model must carry one digit across the rest of
 *   the sequence: a plain RNN's gradient fades over that distance, an LSTM's cell keeps it.
 *   Sequences are left-padded to a fixed width, so a short one ends where a long one does.
 * - "lookup": `digits` digits, then a query token naming a place; the answer is the digit there.
 *   Only place tells the digits apart, so a model that cannot see order cannot answer, and a
 *   recurrent model must hold every digit until the query comes.
 */
import { mulberry32, shuffled } from './random';

export const PAD_TOKEN = 0;
export const DIGIT_TOKEN_BASE = 1;
export const MARKER_TOKEN = 11;
export const QUERY_TOKEN_BASE = 12;
/** Answers are digits. */
export const SEQUENCE_CLASSES = 10;
/** The marker sits within the first MARKER_SPAN places of a memory sequence. */
export const MARKER_SPAN = 3;

export type SequenceTask = 'memory' | 'lookup';

export interface SequenceSet {
  count: number;
  /** Tokens per example (the model's input length). */
  width: number;
  /** count × width token ids, example after example. */
  tokens: Int32Array;
  /** The answer digit (0..9) per example. */
  labels: Uint8Array;
  /** Tokens before padding, per example. */
  lengths: Uint16Array;
}

/** Distinct token ids a task's inputs use (the size an embedding or one-hot needs). */
export function vocabSize(task: SequenceTask, width: number): number {
  return task === 'memory' ? MARKER_TOKEN + 1 : QUERY_TOKEN_BASE + width - 1;
}

const digitToken = (d: number) => DIGIT_TOKEN_BASE + d;

function emptySet(count: number, width: number): SequenceSet {
  return { count, width, tokens: new Int32Array(count * width), labels: new Uint8Array(count), lengths: new Uint16Array(count) };
}

/** Answers 0..9 in equal shares (the first count % 10 digits get one more), in a seeded order. */
function balancedLabels(count: number, rand: () => number): number[] {
  return shuffled(
    Array.from({ length: count }, (_, i) => i % SEQUENCE_CLASSES),
    rand,
  );
}

/** One memory sequence of `length` tokens answering `label`, right-aligned in row `row`. */
function writeMemory(set: SequenceSet, row: number, length: number, label: number, rand: () => number): void {
  const marker = Math.floor(rand() * Math.min(MARKER_SPAN, length - 1));
  const start = row * set.width + (set.width - length);
  for (let j = 0; j < length; j++) {
    const token = j === marker ? MARKER_TOKEN : j === marker + 1 ? digitToken(label) : digitToken(Math.floor(rand() * SEQUENCE_CLASSES));
    set.tokens[start + j] = token;
  }
  set.labels[row] = label;
  set.lengths[row] = length;
}

export interface MemoryOptions {
  count: number;
  seed: number;
  /** Input width; every sequence is left-padded to it. */
  width: number;
  /** Each example's length is drawn uniformly from minLength..maxLength (at most width)... */
  minLength: number;
  maxLength: number;
  /**
   * ...or, with bands (ascending upper ends, e.g. 5, 10, 20), a band is drawn first, then a
   * length within it, so short sequences are as common as long ones.
   */
  bands?: readonly number[];
}

function drawLength(o: MemoryOptions, rand: () => number): number {
  const max = Math.min(o.maxLength, o.width);
  const min = Math.max(2, Math.min(o.minLength, max));
  const uniform = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  if (!o.bands || o.bands.length === 0) return uniform(min, max);
  const band = Math.floor(rand() * o.bands.length);
  const hi = Math.min(max, Math.max(min, o.bands[band] ?? max));
  const lo = band === 0 ? min : Math.min(hi, Math.max(min, (o.bands[band - 1] ?? min) + 1));
  return uniform(lo, hi);
}

/** Memory sequences of mixed lengths (training and validation). */
export function memorySequences(o: MemoryOptions): SequenceSet {
  const rand = mulberry32(o.seed);
  const set = emptySet(o.count, o.width);
  const labels = balancedLabels(o.count, rand);
  labels.forEach((label, row) => writeMemory(set, row, drawLength(o, rand), label, rand));
  return set;
}

/**
 * The test set: `perLength` sequences of each of `lengths`, one group after the other in that
 * order (the scorer reads each group's accuracy: stars at increasing lengths).
 */
export function memoryGroups(o: { seed: number; width: number; lengths: readonly number[]; perLength: number }): SequenceSet {
  const rand = mulberry32(o.seed);
  const set = emptySet(o.perLength * o.lengths.length, o.width);
  o.lengths.forEach((length, g) => {
    const labels = balancedLabels(o.perLength, rand);
    labels.forEach((label, k) => writeMemory(set, g * o.perLength + k, Math.min(length, o.width), label, rand));
  });
  return set;
}

/** Lookup sequences: `digits` digits, then the query token of a place; the answer is its digit. */
export function lookupSequences(o: { count: number; seed: number; digits: number }): SequenceSet {
  const rand = mulberry32(o.seed);
  const width = o.digits + 1;
  const set = emptySet(o.count, width);
  balancedLabels(o.count, rand).forEach((label, row) => {
    const place = Math.floor(rand() * o.digits);
    const start = row * width;
    for (let j = 0; j < o.digits; j++) {
      set.tokens[start + j] = digitToken(j === place ? label : Math.floor(rand() * SEQUENCE_CLASSES));
    }
    set.tokens[start + o.digits] = QUERY_TOKEN_BASE + place;
    set.labels[row] = label;
    set.lengths[row] = width;
  });
  return set;
}

/** Accuracy per consecutive group of `perGroup` examples (0 for an empty group). */
export function groupAccuracies(pred: ArrayLike<number>, labels: ArrayLike<number>, perGroup: number): number[] {
  const groups = Math.ceil(labels.length / perGroup);
  return Array.from({ length: groups }, (_, g) => {
    let correct = 0;
    const end = Math.min(labels.length, (g + 1) * perGroup);
    for (let i = g * perGroup; i < end; i++) if (pred[i] === labels[i]) correct++;
    return end > g * perGroup ? correct / (end - g * perGroup) : 0;
  });
}

/** A readable form of one example's tokens ("· · M 7 3 1 …", "4 0 9 … ?2"), for cards and views. */
export function tokenLabel(token: number): string {
  if (token === PAD_TOKEN) return '·';
  if (token === MARKER_TOKEN) return 'M';
  if (token >= QUERY_TOKEN_BASE) return `?${token - QUERY_TOKEN_BASE + 1}`;
  return String(token - DIGIT_TOKEN_BASE);
}
