'use client';
import type { ApiError } from '../../../protocol';
import { useErrorText } from '../errors/useErrorText';

/**
 * One error as a short sentence in the reader's language. The code stays in data-code (tests, whoever
 * debugs); neither it nor the server's English text is shown.
 */
export function RoomError({ error, className = '' }: { error: ApiError; className?: string }) {
  const describe = useErrorText();
  return (
    <div role="alert" data-testid="room-error" data-code={error.code} className={`rounded-lg bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200 ${className}`}>
      <p className="font-medium">{describe(error)}</p>
    </div>
  );
}

export const timeoutError = (): ApiError => ({ code: 'client/timeout', message: 'the server did not answer' });
export const offlineError = (): ApiError => ({ code: 'client/offline', message: 'not connected to the server' });
