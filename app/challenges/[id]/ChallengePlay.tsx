'use client';
import { CHALLENGES, type ChallengeId } from '../../../game/challenges';
import type { BackendName } from '../../../models/backend-names';
import { RaceChallenge } from './play/RaceChallenge';
import { StepsChallenge } from './play/StepsChallenge';
import { Studio, type RoomMode } from './Studio';

/** One challenge, solo or in a room's round: the training studio, the race, or the step-through. */
export function ChallengePlay({ challengeId, prefer, preset, room }: { challengeId: ChallengeId; prefer?: BackendName; preset: 'default' | 'tiny'; room?: RoomMode }) {
  const challenge = CHALLENGES[challengeId];
  switch (challenge.kind) {
    case 'model':
      return <Studio challengeId={challenge.id} prefer={prefer} preset={preset} room={room} />;
    case 'race':
      return <RaceChallenge room={room} />;
    case 'steps':
      return <StepsChallenge room={room} />;
  }
}
