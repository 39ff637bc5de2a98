/**
 * A student's unfinished work in the studio, kept in this browser so a reload, a discarded tab or a
 * dropped connection does not lose it: the editor's spec (localStorage, small and read at once) per
 * challenge solo and per room round. Pure: keys, (de)serialization and which start wins; the hooks
 * do the storage. Nothing here is trusted later: the server validates every submission again.
 */
import { applyLocked, type LockedHyper } from '../../../game/room/settings';
import { modelSpecSchema, type ModelSpec } from '../../../models/spec';

/** Bumped when the stored shape changes; older entries are dropped, not migrated. */
export const DRAFT_VERSION = 1;
const DRAFT_PREFIX = `gradient-arena.draft.v${DRAFT_VERSION}.`;

/**
 * Where the work belongs. A room round is named by its start time as well as its number, so a code
 * reused by a later room (or a round restarted) never inherits another round's draft.
 */
export type DraftScope =
  | { kind: 'solo'; challengeId: string }
  | { kind: 'room'; code: string; round: number; startedAt: number };

/** Solo drafts wait for the student's next visit; a room round lasts at most 90 minutes. */
export const DRAFT_MAX_AGE_MS = { solo: 60 * 24 * 3600_000, room: 24 * 3600_000 } as const;

/** The scope as one string (the IndexedDB key of its trained model, the tail of its draft key). */
export function scopeKey(scope: DraftScope): string {
  return scope.kind === 'solo' ? `solo/${scope.challengeId}` : `room/${scope.code}/${scope.round}/${scope.startedAt}`;
}

export const draftStorageKey = (scope: DraftScope): string => DRAFT_PREFIX + scopeKey(scope);
export const isDraftStorageKey = (key: string): boolean => key.startsWith('gradient-arena.draft.');

interface DraftEnvelope {
  v: number;
  challengeId: string;
  savedAt: number;
  spec: unknown;
}

/** JSON with object keys sorted, so two equal specs compare equal whatever order built them. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const sameSpec = (a: ModelSpec, b: ModelSpec): boolean => canonical(a) === canonical(b);

/**
 * The stored text of a draft, or null when the spec does not parse (a field half typed, e.g. an
 * empty learning rate): the last good draft stays, rather than one a reload would have to throw away.
 */
export function serializeDraft(challengeId: string, spec: ModelSpec, now: number): string | null {
  if (!modelSpecSchema.safeParse(spec).success) return null;
  const envelope: DraftEnvelope = { v: DRAFT_VERSION, challengeId, savedAt: now, spec };
  return JSON.stringify(envelope);
}

function envelopeOf(raw: string): DraftEnvelope | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (value === null || typeof value !== 'object') return null;
    const e = value as Partial<DraftEnvelope>;
    if (typeof e.v !== 'number' || typeof e.challengeId !== 'string' || typeof e.savedAt !== 'number') return null;
    return e as DraftEnvelope;
  } catch {
    return null;
  }
}

/**
 * The draft's spec, or null when there is none to use: absent, not JSON, another version or
 * challenge, older than `maxAgeMs` (or from the future), or a spec the schema refuses.
 */
export function parseDraft(raw: string | null, challengeId: string, now: number, maxAgeMs: number): ModelSpec | null {
  if (raw === null) return null;
  const e = envelopeOf(raw);
  if (!e || e.v !== DRAFT_VERSION || e.challengeId !== challengeId) return null;
  if (e.savedAt > now + 60_000 || now - e.savedAt > maxAgeMs) return null;
  const spec = modelSpecSchema.safeParse(e.spec);
  return spec.success ? spec.data : null;
}

/** Where the studio's first spec comes from: a reproduce link, a preset link, the draft, the default. */
export type StartSource = 'run' | 'preset' | 'draft' | 'default';

/**
 * The spec the studio starts from. A `?run=` or `?preset=` link is what the student asked for and
 * wins over the draft; a round's locks win over everything (they are the round's rules). `restored`
 * is true when the draft changed what the student would otherwise have seen.
 */
export function chooseStart(opts: { base: ModelSpec; baseSource: 'run' | 'preset' | 'default'; draft: ModelSpec | null; locked: LockedHyper }): { spec: ModelSpec; source: StartSource; restored: boolean } {
  const base = applyLocked(opts.locked, opts.base);
  if (opts.baseSource !== 'default' || !opts.draft) return { spec: base, source: opts.baseSource, restored: false };
  const spec = applyLocked(opts.locked, opts.draft);
  const restored = !sameSpec(spec, base);
  return { spec: restored ? spec : base, source: restored ? 'draft' : 'default', restored };
}

/** Stored draft keys to remove: unreadable, another version, or past their scope's age. */
export function staleDraftKeys(entries: Iterable<readonly [string, string | null]>, now: number): string[] {
  const stale: string[] = [];
  for (const [key, raw] of entries) {
    if (!isDraftStorageKey(key)) continue;
    const e = raw === null ? null : envelopeOf(raw);
    const maxAge = key.startsWith(`${DRAFT_PREFIX}room/`) ? DRAFT_MAX_AGE_MS.room : DRAFT_MAX_AGE_MS.solo;
    if (!e || !key.startsWith(DRAFT_PREFIX) || e.v !== DRAFT_VERSION || now - e.savedAt > maxAge) stale.push(key);
  }
  return stale;
}
