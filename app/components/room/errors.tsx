'use client';
import { useTranslations } from 'next-intl';
import type { ApiError } from '../../../server/protocol';
import { roomErrorKey } from './error-codes';

export { isKnownRoomError, roomErrorKey, ROOM_ERROR_CODES } from './error-codes';

/** One error as a short sentence, the code and the server's English text underneath for the teacher. */
export function RoomError({ error, className = '' }: { error: ApiError; className?: string }) {
  const t = useTranslations('room');
  return (
    <div role="alert" data-testid="room-error" data-code={error.code} className={`rounded-lg bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200 ${className}`}>
      <p className="font-medium">{t(roomErrorKey(error.code))}</p>
      <p className="mt-0.5 text-xs text-red-700">
        <code>{error.code}</code> · {error.message}
      </p>
    </div>
  );
}

export const timeoutError = (): ApiError => ({ code: 'client/timeout', message: 'the server did not answer' });
export const offlineError = (): ApiError => ({ code: 'client/offline', message: 'not connected to the server' });
