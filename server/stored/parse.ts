/**
 * JSON the server wrote into a column, read back through a zod schema: a row that no longer
 * matches (hand-edited, truncated, written by an older build) is a StoredRowError naming the table,
 * the row and the first issues, never a value cast to a type it does not have.
 */
import type { z } from 'zod';

export class StoredRowError extends Error {
  constructor(
    /** `table[key].column`, e.g. `rooms[ABC123].state_json`. */
    readonly where: string,
    readonly issues: string,
  ) {
    super(`stored row ${where} is malformed: ${issues}`);
    this.name = 'StoredRowError';
  }
}

export type StoredParse<T> = { ok: true; value: T } | { ok: false; error: StoredRowError };

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function tryParseStored<S extends z.ZodType>(schema: S, text: string, where: string): StoredParse<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: new StoredRowError(where, `not JSON (${err instanceof Error ? err.message : String(err)})`) };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: new StoredRowError(where, describe(parsed.error)) };
}

/**
 * For reads inside a request: a malformed row throws, the socket handler logs it ('handler crashed',
 * with this message) and answers server/internal; nothing else is affected.
 */
export function parseStored<S extends z.ZodType>(schema: S, text: string, where: string): z.infer<S> {
  const out = tryParseStored(schema, text, where);
  if (!out.ok) throw out.error;
  return out.value;
}
