/**
 * Where a boss submission belongs and the scope strings that key its cut, picks and reveal. Written
 * only here: the cut's seed, the stored picks and the stored reveal must all agree on the string.
 */

/** Where a boss submission was made: a room's round, or the solo level. */
export type BossPlace = { kind: 'room'; code: string; round: number } | { kind: 'solo'; challengeId: string };

/** The place of a submission: its room's round when it has one, else the solo level. */
export function submissionPlace(sub: { challengeId: string; roomCode: string | null; roundNumber: number | null }): BossPlace {
  return sub.roomCode && sub.roundNumber !== null ? { kind: 'room', code: sub.roomCode, round: sub.roundNumber } : { kind: 'solo', challengeId: sub.challengeId };
}

/** `room:<code>:<round>` for a round, `solo:<challengeId>` for the solo level: one cut, one set of picks. */
export const placeScope = (p: BossPlace): string => (p.kind === 'room' ? `room:${p.code}:${p.round}` : `solo:${p.challengeId}`);

/** A solo reveal is one player's (each faces the boss alone); a room's is the round's. */
export const revealScope = (p: BossPlace, playerId: string): string => (p.kind === 'room' ? placeScope(p) : `${placeScope(p)}:${playerId}`);
