/**
 * Nicknames fit for a classroom screen: trimmed, unique in the room, and an offensive one (Korean or
 * English word list) replaced by a friendly deep-learning name.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import koreanList from 'badwords-ko/src/badwords.ko.config.json' with { type: 'json' };
import { normalizeNickname } from '../nickname';

const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
// Spaces, digits and punctuation are how people dodge a list ("시1발", "개 새끼"): compare without them.
const squash = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}\d_]/gu, '');
const korean: string[] = [...new Set((koreanList as { badWords: string[] }).badWords.map(squash))].filter((w) => w.length >= 2);

/** True when the nickname contains a word from the English or Korean list. */
export function isOffensive(nickname: string): boolean {
  if (english.hasMatch(nickname)) return true;
  const squashed = squash(nickname);
  return korean.some((w) => squashed.includes(w));
}

/** Names that read the same in Korean and English classrooms. */
const FRIENDLY = ['Neuron', 'Tensor', 'ReLU', 'Sigmoid', 'Gradient', 'Epoch', 'Adam', 'Perceptron', 'Softmax', 'Kernel'] as const;

/** The n-th replacement name (0-based): 'Neuron 1', 'Tensor 2', ... */
export function friendlyName(n: number): string {
  return `${FRIENDLY[n % FRIENDLY.length] ?? 'Neuron'} ${n + 1}`;
}

export type RoomNickname =
  | { ok: true; nickname: string; replaced: boolean }
  | { ok: false; code: 'nickname/invalid'; message: string };

/**
 * Cleans `raw` for the room: the global nickname rules, then the word lists (offensive → the
 * `renames`-th friendly name), then uniqueness against `taken` (case-insensitive: 'Kim' → 'Kim 2').
 */
export function roomNickname(raw: unknown, taken: readonly string[], renames: number): RoomNickname {
  const base = normalizeNickname(raw);
  if (!base.ok) return base;
  const replaced = isOffensive(base.nickname);
  const wanted = replaced ? friendlyName(renames) : base.nickname;
  return { ok: true, nickname: uniqueIn(wanted, taken), replaced };
}

function uniqueIn(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` ${i}`;
    // Keep within the 20-character limit by shortening the name, not the suffix.
    const head = [...wanted].slice(0, 20 - suffix.length).join('').trimEnd();
    const candidate = `${head}${suffix}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
