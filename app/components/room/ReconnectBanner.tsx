'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useConnected } from '../providers/SocketProvider';

/** Shown while the socket is down (after it was up once, so the first load does not flash it). */
export function ReconnectBanner() {
  const t = useTranslations('room');
  const connected = useConnected();
  const [wasUp, setWasUp] = useState(false);
  useEffect(() => {
    if (connected) setWasUp(true);
  }, [connected]);
  if (connected || !wasUp) return null;
  return (
    <div role="status" data-testid="reconnecting" className="sticky top-0 z-40 flex items-center justify-center gap-2 bg-amber-100 px-4 py-2 text-sm font-medium text-amber-950 shadow">
      <span aria-hidden="true" className="inline-block h-2.5 w-2.5 animate-pulse rounded-full bg-amber-600" />
      {t('reconnecting')}
    </div>
  );
}
