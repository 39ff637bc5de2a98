/**
 * The scoring plan of a stored submission (game/verification.ts decides; this only looks up the
 * round's locked hyper-parameters for a room submission, from the round's stored settings).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { roomRounds, type SubmissionRow } from '../../drizzle/schema';
import type { ModelChallenge } from '../../game/challenges';
import { roundSettingsSchema, type LockedHyper } from '../../game/room/settings';
import { scoringPlan, type ScoringPlan } from '../../game/verification';
import { tryParseStored } from '../stored/parse';

/** The locks of the submission's round; none outside rooms. */
export function submissionLocks(db: Db, sub: SubmissionRow): LockedHyper {
  if (!sub.roomCode || sub.roundNumber === null) return {};
  const row = db
    .select({ settingsJson: roomRounds.settingsJson })
    .from(roomRounds)
    .where(and(eq(roomRounds.roomCode, sub.roomCode), eq(roomRounds.number, sub.roundNumber)))
    .get();
  const settings = row ? tryParseStored(roundSettingsSchema, row.settingsJson, `room_rounds[${sub.roomCode}:${sub.roundNumber}].settings_json`) : undefined;
  return settings?.ok ? settings.value.locked : {};
}

export function planFor(db: Db, sub: SubmissionRow, challenge: ModelChallenge): ScoringPlan & { locked: LockedHyper } {
  const locked = submissionLocks(db, sub);
  return { ...scoringPlan(challenge, locked), locked };
}
