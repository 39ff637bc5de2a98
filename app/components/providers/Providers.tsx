'use client';
import type { ReactNode } from 'react';
import { PlayerProvider } from './PlayerProvider';
import { SocketProvider } from './SocketProvider';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <SocketProvider>
      <PlayerProvider>{children}</PlayerProvider>
    </SocketProvider>
  );
}
