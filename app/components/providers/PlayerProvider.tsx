'use client';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { z } from 'zod';
import type { PlayerIdentity, Result } from '../../../protocol';
import { TOKEN_KEY, useSocket } from './SocketProvider';

/** localStorage key of the player's public identity (id and nickname). */
export const PLAYER_KEY = 'gradient-arena.player';
const ACK_TIMEOUT_MS = 10_000;

export interface Player {
  playerId: string;
  nickname: string;
}

interface PlayerState {
  player: Player | null;
  /** False until the stored identity has been read (and checked, when connected). */
  ready: boolean;
  register(nickname: string): Promise<Result<PlayerIdentity>>;
}

const PlayerContext = createContext<PlayerState>({
  player: null,
  ready: false,
  register: async () => ({ ok: false, error: { code: 'client/not_ready', message: 'not connected yet' } }),
});

/** What this page wrote under PLAYER_KEY; anything else there (edited, older) reads as no player. */
const storedPlayerSchema = z.object({ playerId: z.string().min(1), nickname: z.string().min(1) });

function readStored(): Player | null {
  try {
    const raw = window.localStorage.getItem(PLAYER_KEY);
    const parsed = raw ? storedPlayerSchema.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? { playerId: parsed.data.playerId, nickname: parsed.data.nickname } : null;
  } catch {
    return null;
  }
}

export function PlayerProvider({ children }: { children: ReactNode }) {
  const socket = useSocket();
  const [player, setPlayer] = useState<Player | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    setPlayer(readStored());
    setReady(true);
  }, []);

  // The server is the judge of who we are: a token it no longer knows is forgotten.
  useEffect(() => {
    if (!socket) return;
    const check = () => {
      if (!window.localStorage.getItem(TOKEN_KEY)) return;
      socket.timeout(ACK_TIMEOUT_MS).emit('player:whoami', {}, (err, res) => {
        if (err) return;
        if (res.ok) {
          setPlayer(res.data);
          window.localStorage.setItem(PLAYER_KEY, JSON.stringify(res.data));
        } else if (res.error.code.startsWith('auth/')) {
          window.localStorage.removeItem(TOKEN_KEY);
          window.localStorage.removeItem(PLAYER_KEY);
          setPlayer(null);
        }
      });
    };
    socket.on('connect', check);
    if (socket.connected) check();
    return () => {
      socket.off('connect', check);
    };
  }, [socket]);

  const register = useCallback(
    async (nickname: string): Promise<Result<PlayerIdentity>> => {
      if (!socket) return { ok: false, error: { code: 'client/not_ready', message: 'not connected yet' } };
      try {
        const res = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('player:register', { nickname });
        if (res.ok) {
          const { token, ...identity } = res.data;
          window.localStorage.setItem(TOKEN_KEY, token);
          window.localStorage.setItem(PLAYER_KEY, JSON.stringify(identity));
          setPlayer(identity);
          // Reconnect so the handshake carries the new token.
          socket.disconnect().connect();
        }
        return res;
      } catch {
        return { ok: false, error: { code: 'client/timeout', message: 'the server did not answer' } };
      }
    },
    [socket],
  );

  const value = useMemo(() => ({ player, ready, register }), [player, ready, register]);
  return <PlayerContext.Provider value={value}>{children}</PlayerContext.Provider>;
}

export function usePlayer(): PlayerState {
  return useContext(PlayerContext);
}
