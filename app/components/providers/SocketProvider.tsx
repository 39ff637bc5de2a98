'use client';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../protocol';

export type ArenaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** localStorage key of the player's bearer token. */
export const TOKEN_KEY = 'gradient-arena.token';

/** First wait before a refused handshake is tried again (plus up to as much again, at random). */
const REFUSED_RETRY_MS = 10_000;

const SocketContext = createContext<ArenaSocket | null>(null);

/** One socket per tab, connected to our own origin; the token is read again on every reconnect. */
export function SocketProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<ArenaSocket | null>(null);
  useEffect(() => {
    const s: ArenaSocket = io({
      auth: (cb) => cb({ token: window.localStorage.getItem(TOKEN_KEY) ?? '' }),
    });
    // A refused handshake (rate/too_many_sockets: the school's address holds too many tabs at once)
    // is not retried by socket.io itself; try again after a while, when another tab may have closed.
    let retry: number | undefined;
    s.on('connect_error', () => {
      if (!s.active) retry = window.setTimeout(() => s.connect(), REFUSED_RETRY_MS + Math.random() * REFUSED_RETRY_MS);
    });
    setSocket(s);
    return () => {
      window.clearTimeout(retry);
      s.disconnect();
    };
  }, []);
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

/** The tab's socket, or null before it exists (first render, server render). */
export function useSocket(): ArenaSocket | null {
  return useContext(SocketContext);
}

/** True while the socket is connected; re-renders on connect and disconnect. */
export function useConnected(): boolean {
  const socket = useSocket();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!socket) return;
    const on = () => setConnected(true);
    const off = () => setConnected(false);
    setConnected(socket.connected);
    socket.on('connect', on);
    socket.on('disconnect', off);
    return () => {
      socket.off('connect', on);
      socket.off('disconnect', off);
    };
  }, [socket]);
  return connected;
}
