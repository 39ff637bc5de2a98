'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, JoinedRoom, MyRoundView, PlayerRoomView, Stamped, WaitingForHost } from '../../../protocol';
import { usePlayer } from '../../components/providers/PlayerProvider';
import { useSocket } from '../../components/providers/SocketProvider';
import { request } from '../../components/room/emit';
import { readJoined, saveJoined } from '../../components/room/storage';
import { useServerClock, type ServerClock } from '../../components/room/useServerClock';

/**
 * 'form': ask for a nickname; 'joining': waiting for the server; 'waiting': on the room's waiting list
 * until the teacher lets them in; 'kicked': removed by the teacher; 'denied': not let in from the list.
 */
export type JoinStatus = 'loading' | 'form' | 'joining' | 'waiting' | 'joined' | 'kicked' | 'denied';

export interface PlayerRoom {
  status: JoinStatus;
  view: (PlayerRoomView & Stamped) | null;
  me: MyRoundView | null;
  /** The nickname the room gave this player (may differ from the one typed: filtered or made unique). */
  nickname: string | null;
  playerId: string | null;
  /** What the player typed, when the room changed it. */
  typed: string | null;
  error: ApiError | null;
  clock: ServerClock;
  /** One click: register a player if this browser has none, then join. */
  join(nickname: string): Promise<void>;
  /** A room event of this page was refused with `code` (e.g. a submission: 'room/kicked'). */
  refused(code: string): void;
}

type Socket = ReturnType<typeof useSocket>;

/** The page's record of the membership: what the server last said, and how the page should show it. */
function useMembership(code: string, observe: ServerClock['observe']) {
  const [status, setStatus] = useState<JoinStatus>('loading');
  const [view, setView] = useState<(PlayerRoomView & Stamped) | null>(null);
  const [me, setMe] = useState<MyRoundView | null>(null);
  const [nickname, setNickname] = useState<string | null>(null);
  const [playerId, setPlayerId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  /** The nickname to join with; null while the player has not asked to join. */
  const intent = useRef<string | null>(null);

  const kicked = useCallback(() => {
    intent.current = null;
    saveJoined(code, null);
    setStatus((s) => (s === 'waiting' ? 'denied' : 'kicked'));
  }, [code]);

  const enter = useCallback((data: JoinedRoom) => {
    observe(data.view.serverNow);
    setView(data.view);
    setMe(data.me);
    setNickname(data.nickname);
    setPlayerId(data.playerId);
    setError(null);
    setStatus('joined');
  }, [observe]);

  const wait = useCallback((data: WaitingForHost) => {
    observe(data.waiting.serverNow);
    setNickname(data.nickname);
    setPlayerId(data.playerId);
    setError(null);
    setStatus('waiting');
  }, [observe]);

  /** A refusal: offline or silent keeps the intent (the next 'connect' tries again); anything else needs the player. */
  const refusedJoin = useCallback((e: ApiError) => {
    setError(e);
    if (e.code === 'client/timeout' || e.code === 'client/offline') return;
    intent.current = null;
    saveJoined(code, null);
    setStatus('form');
  }, [code]);

  return { status, setStatus, view, setView, me, setMe, nickname, playerId, error, setError, intent, kicked, enter, wait, refusedJoin };
}

/** What the room pushes to a member (views, own standing, removal, admission); every 'connect' re-joins. */
function useRoomPushes(socket: Socket, code: string, m: Pick<ReturnType<typeof useMembership>, 'intent' | 'setView' | 'setMe' | 'kicked' | 'enter'>, observe: ServerClock['observe'], emitJoin: () => Promise<void>) {
  const { intent, setView, setMe, kicked, enter } = m;
  useEffect(() => {
    if (!socket) return;
    const onConnect = () => void emitJoin();
    const onState = (v: PlayerRoomView & Stamped) => {
      if (v.code !== code || intent.current === null) return;
      observe(v.serverNow);
      setView(v);
    };
    const onMe = (p: { code: string; me: MyRoundView | null }) => {
      if (p.code === code) setMe(p.me);
    };
    const onKicked = (p: { code: string }) => {
      if (p.code === code) kicked();
    };
    const onAdmitted = (p: JoinedRoom & { code: string }) => {
      if (p.code === code && intent.current !== null) enter(p);
    };
    socket.on('connect', onConnect);
    socket.on('room:state', onState);
    socket.on('room:me', onMe);
    socket.on('room:kicked', onKicked);
    socket.on('room:admitted', onAdmitted);
    return () => {
      socket.off('connect', onConnect);
      socket.off('room:state', onState);
      socket.off('room:me', onMe);
      socket.off('room:kicked', onKicked);
      socket.off('room:admitted', onAdmitted);
    };
  }, [socket, code, observe, emitJoin, kicked, enter, intent, setView, setMe]);
}

/**
 * A student's membership of one room. A browser that joined before rejoins by itself; every socket
 * 'connect' re-emits room:join (the server treats it as a rejoin, keeping nickname and scores).
 */
export function usePlayerRoom(code: string): PlayerRoom {
  const socket = useSocket();
  const { player, ready, register } = usePlayer();
  const clock = useServerClock(socket);
  const { observe } = clock;
  const m = useMembership(code, observe);
  const { status, setStatus, setError, intent, kicked, enter, wait, refusedJoin } = m;
  const [typed, setTyped] = useState<string | null>(null);

  const emitJoin = useCallback(async () => {
    const wanted = intent.current;
    if (wanted === null || !socket?.connected) return;
    const res = await request(socket, 'room:join', { code, nickname: wanted });
    if (intent.current !== wanted) return;
    if (!res.ok) return res.error.code === 'room/kicked' ? kicked() : refusedJoin(res.error);
    // Remembered while waiting too: a reload asks again and keeps the place on the list.
    saveJoined(code, wanted);
    if ('view' in res.data) enter(res.data);
    else wait(res.data);
  }, [socket, code, intent, kicked, enter, wait, refusedJoin]);

  // A browser that joined this room before goes straight back in (reload, new tab).
  useEffect(() => {
    if (!ready || intent.current !== null || status !== 'loading') return;
    const stored = player ? readJoined(code) : null;
    if (stored) {
      intent.current = stored;
      setStatus('joining');
      void emitJoin();
    } else {
      setStatus('form');
    }
  }, [ready, player, code, status, emitJoin, intent, setStatus]);

  useRoomPushes(socket, code, m, observe, emitJoin);

  const join = useCallback(async (wanted: string) => {
    setError(null);
    setStatus('joining');
    setTyped(wanted.trim());
    intent.current = wanted;
    // Registering reconnects the socket with the new token; its 'connect' sends the join.
    if (player) return emitJoin();
    const res = await register(wanted);
    if (res.ok) return;
    intent.current = null;
    setError(res.error);
    setStatus('form');
  }, [player, register, emitJoin, intent, setError, setStatus]);

  const refused = useCallback((c: string) => {
    if (c === 'room/kicked') kicked();
  }, [kicked]);

  return { status, view: m.view, me: m.me, nickname: m.nickname, playerId: m.playerId, typed, error: m.error, clock, join, refused };
}
