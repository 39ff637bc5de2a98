'use client';
import type { RoomMode } from '../Studio';

/** Being built: the Steps challenge's page. */
export function StepsChallenge({ room }: { room?: RoomMode }) {
  return <div data-testid="steps-challenge" data-room={room?.code ?? ''} />;
}
