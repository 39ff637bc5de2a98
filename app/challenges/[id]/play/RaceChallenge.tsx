'use client';
import type { RoomMode } from '../Studio';

/** Being built: the Race challenge's page. */
export function RaceChallenge({ room }: { room?: RoomMode }) {
  return <div data-testid="race-challenge" data-room={room?.code ?? ''} />;
}
