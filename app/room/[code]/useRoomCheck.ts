'use client';
import { useEffect, useState } from 'react';
import type { ApiError, ErrorCode } from '../../../protocol';
import { useConnected, useSocket } from '../../components/providers/SocketProvider';
import { request } from '../../components/room/emit';

/**
 * Refusals that no nickname can change: the page says them instead of asking for one. Not room/kicked:
 * a removed student's join goes on to the page's own "the teacher removed you" screen.
 */
const FINAL = new Set<ErrorCode>(['room/not_found', 'room/closed', 'room/locked', 'room/full', 'room/waiting_full']);

/**
 * A room's address opened directly (a typed link, an old bookmark): asks room:check once connected,
 * so a code with no room is said before the nickname step, as the code box does. Anything else
 * (offline, rate-limited) leaves the nickname form, whose join will say it.
 */
export function useRoomCheck(code: string): ApiError | null {
  const socket = useSocket();
  const connected = useConnected();
  // Keyed by code: the page's code box may move this same component on to another room's address.
  const [refusal, setRefusal] = useState<{ code: string; error: ApiError } | null>(null);
  useEffect(() => {
    if (!connected) return;
    let live = true;
    void request(socket, 'room:check', { code }).then((res) => {
      if (live && !res.ok && FINAL.has(res.error.code)) setRefusal({ code, error: res.error });
    });
    return () => {
      live = false;
    };
  }, [socket, connected, code]);
  return refusal?.code === code ? refusal.error : null;
}
