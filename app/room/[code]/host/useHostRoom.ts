'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BossReveal } from '../../../../game/boss/reveal';
import type { RoundSettings } from '../../../../game/room/settings';
import type { Admission, PlayerSelection } from '../../../../game/room/types';
import type { ApiError, HostRoomView, Result, RoomWallUpdate, Stamped } from '../../../../protocol';
import { request } from '../../../components/room/emit';
import { readHostToken, saveHostToken } from '../../../components/room/storage';
import { useServerClock, type ServerClock } from '../../../components/room/useServerClock';
import { useSocket } from '../../../components/providers/SocketProvider';
import { browserTimeZone } from '../../../components/time/zone';

/** 'missing': this browser holds no token; 'denied': the server refused it; 'revoked': reclaimed elsewhere. */
export type HostStatus = 'loading' | 'attaching' | 'attached' | 'missing' | 'denied' | 'revoked';

export interface HostRoom {
  status: HostStatus;
  view: (HostRoomView & Stamped) | null;
  /** Class-wall tiles by playerId, from room:wall (curves only arrive this way). */
  wall: Readonly<Record<string, RoomWallUpdate>>;
  error: ApiError | null;
  clock: ServerClock;
  /** Use a token just obtained (created or reclaimed), then attach with it. */
  adopt(token: string): void;
  kick(playerId: string): Promise<Result<null>>;
  /** Several players out at once: the selected ones, who joined lately, or who has not submitted. */
  kickMany(selection: PlayerSelection): Promise<Result<{ playerIds: string[] }>>;
  setAdmission(admission: Admission): Promise<Result<null>>;
  admit(playerIds: string[]): Promise<Result<{ playerIds: string[] }>>;
  deny(playerIds: string[]): Promise<Result<{ playerIds: string[] }>>;
  rename(playerId: string, nickname: string): Promise<Result<{ nickname: string }>>;
  lock(locked: boolean): Promise<Result<null>>;
  start(settings: RoundSettings): Promise<Result<{ round: number; endsAt: number }>>;
  end(): Promise<Result<null>>;
  exportCsv(round?: number): Promise<Result<{ filename: string; csv: string }>>;
  /** A boss round's reveal, once it was played on this screen (from room:revealed). */
  revealed: (BossReveal & { round: number }) | null;
  /** Reveal the ended boss round's private board on every screen. */
  reveal(): Promise<Result<BossReveal>>;
}

type Revealed = (BossReveal & { round: number }) | null;

/** The host events, each wrapped with this room's code and token (stable while they stay the same). */
function useHostActions(socket: ReturnType<typeof useSocket>, code: string, hostToken: string) {
  return useMemo(() => ({
    kick: (playerId: string) => request(socket, 'room:kick', { code, hostToken, playerId }),
    kickMany: (selection: PlayerSelection) => request(socket, 'room:kick-many', { code, hostToken, selection }),
    setAdmission: (admission: Admission) => request(socket, 'room:admission', { code, hostToken, admission }),
    admit: (playerIds: string[]) => request(socket, 'room:admit', { code, hostToken, playerIds }),
    deny: (playerIds: string[]) => request(socket, 'room:deny', { code, hostToken, playerIds }),
    rename: (playerId: string, nickname: string) => request(socket, 'room:rename', { code, hostToken, playerId, nickname }),
    lock: (locked: boolean) => request(socket, 'room:lock', { code, hostToken, locked }),
    start: (settings: RoundSettings) => request(socket, 'room:start', { code, hostToken, settings }),
    end: () => request(socket, 'room:end', { code, hostToken }),
    // The CSV's local-time column is in the teacher's zone: the browser's, sent with the request.
    exportCsv: (round?: number) => request(socket, 'room:export', { code, hostToken, timeZone: browserTimeZone(), ...(round ? { round } : {}) }),
  }), [socket, code, hostToken]);
}

/**
 * What the server pushes to the host: attaches with room:host on every connect (a reload or a
 * dropped connection re-attaches), then follows room:host-state, room:wall, room:host-revoked and
 * room:revealed. `setStatus` and `setError` are the console's own (stable) setters.
 */
function useHostFeed(socket: ReturnType<typeof useSocket>, code: string, token: string | null, observe: ServerClock['observe'], setStatus: (s: HostStatus) => void, setError: (e: ApiError | null) => void) {
  const [view, setView] = useState<(HostRoomView & Stamped) | null>(null);
  const [wall, setWall] = useState<Record<string, RoomWallUpdate>>({});
  const [revealed, setRevealed] = useState<Revealed>(null);
  useEffect(() => {
    if (!socket || !token) return;
    let active = true;
    const attach = async () => {
      const res = await request(socket, 'room:host', { code, hostToken: token });
      if (!active) return;
      setError(res.ok ? null : res.error);
      if (res.ok) {
        observe(res.data.serverNow);
        setView(res.data);
        setStatus('attached');
      } else if (res.error.code !== 'client/timeout' && res.error.code !== 'client/offline') setStatus('denied');
    };
    const onState = (next: HostRoomView & Stamped) => {
      if (next.code !== code) return;
      observe(next.serverNow);
      setView(next);
    };
    const onWall = (u: RoomWallUpdate) => {
      if (u.code === code) setWall((w) => ({ ...w, [u.playerId]: u }));
    };
    const onRevoked = (p: { code: string }) => {
      if (p.code !== code) return;
      saveHostToken(code, null);
      setStatus('revoked');
    };
    const onRevealed = (r: BossReveal & { code: string; round: number }) => {
      if (r.code === code) setRevealed(r);
    };
    const onConnect = () => void attach();
    socket.on('connect', onConnect);
    socket.on('room:host-state', onState);
    socket.on('room:wall', onWall);
    socket.on('room:host-revoked', onRevoked);
    socket.on('room:revealed', onRevealed);
    if (socket.connected) void attach();
    return () => {
      active = false;
      socket.off('connect', onConnect);
      socket.off('room:host-state', onState);
      socket.off('room:wall', onWall);
      socket.off('room:host-revoked', onRevoked);
      socket.off('room:revealed', onRevealed);
    };
  }, [socket, token, code, observe, setStatus, setError]);
  return { view, wall, revealed, setRevealed };
}

/** The host console's connection and every host event, for the room `code`. */
export function useHostRoom(code: string): HostRoom {
  const socket = useSocket();
  const clock = useServerClock(socket);
  const [token, setToken] = useState<string | null>(null);
  const [status, setStatus] = useState<HostStatus>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const { view, wall, revealed, setRevealed } = useHostFeed(socket, code, token, clock.observe, setStatus, setError);

  useEffect(() => {
    const stored = readHostToken(code);
    setToken(stored);
    setStatus(stored ? 'attaching' : 'missing');
  }, [code]);

  const adopt = useCallback((next: string) => {
    saveHostToken(code, next);
    setError(null);
    setStatus('attaching');
    setToken(next);
  }, [code]);

  const hostToken = token ?? '';
  const actions = useHostActions(socket, code, hostToken);
  const reveal = useCallback(async () => {
    const res = await request(socket, 'room:reveal', { code, hostToken });
    // room:revealed usually arrives first; the answer carries the same reveal.
    if (res.ok) setRevealed((r) => r ?? { ...res.data, round: view?.round?.number ?? 0 });
    return res;
  }, [socket, code, hostToken, view?.round?.number, setRevealed]);

  // A host who reloads after the reveal asks for it again (the server answers the host with the stored one).
  const revealedAt = view?.round?.revealedAt ?? null;
  useEffect(() => {
    if (revealedAt !== null && revealed === null) void reveal();
  }, [revealedAt, revealed, reveal]);

  return { status, view, wall, error, clock, adopt, ...actions, revealed, reveal };
}
