'use client';
import { useTranslations } from 'next-intl';
import type { ChallengeId } from '../../../game/challenges';
import { usePlayer } from '../providers/PlayerProvider';
import { BossPanel } from './BossPanel';
import { RevealView } from './RevealView';
import { useBoss } from './useBoss';

/**
 * A boss level under the studio: the boss panel until the reveal, then the reveal. Solo the player
 * faces the boss; in a room (`roomCode`) the teacher reveals after the round.
 */
export function BossLevel({ challengeId, roomCode }: { challengeId: ChallengeId; roomCode?: string }) {
  const boss = useBoss(challengeId, roomCode);
  const { player } = usePlayer();
  if (boss.reveal) return <RevealView reveal={boss.reveal} meId={player?.playerId} room={roomCode !== undefined} />;
  return <BossPanel challengeId={challengeId} boss={boss} solo={roomCode === undefined} />;
}

/** A boss round that ended: picks stay open until the teacher's reveal, which then plays here. */
export function BossRoundEnd({ challengeId, roomCode }: { challengeId: ChallengeId; roomCode: string }) {
  const t = useTranslations('boss');
  const boss = useBoss(challengeId, roomCode);
  const { player } = usePlayer();
  if (boss.reveal) return <RevealView reveal={boss.reveal} meId={player?.playerId} room />;
  return <BossPanel challengeId={challengeId} boss={boss} solo={false} note={t('waiting')} />;
}
