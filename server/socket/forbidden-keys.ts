/**
 * Keys that could reach an object's prototype when a payload is merged or copied somewhere later.
 * JSON.parse makes `"__proto__"` an own property, and zod's object schemas drop it silently rather
 * than refusing it as an unknown key, so every payload is walked once before its schema sees it.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any payload of ours; past it the payload is refused rather than walked further. */
const MAX_DEPTH = 32;

export type KeyProblem = { key: string; path: string } | { key: null; path: string };

const isPlainContainer = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer);

/** The first forbidden key in `payload` (with its path), or too deep a nesting; null when clean. */
export function findForbiddenKey(payload: unknown): KeyProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: payload, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (!isPlainContainer(value)) continue;
    if (depth > MAX_DEPTH) return { key: null, path };
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { key, path: at };
      const child = (value as Record<string, unknown>)[key];
      // Only containers are walked further: a long array of numbers costs one pass, no stack entries.
      if (isPlainContainer(child)) stack.push({ value: child, path: at, depth: depth + 1 });
    }
  }
  return null;
}
