'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArenaSocket } from '../providers/SocketProvider';
import { estimateFromSamples, refineWithStamp, sampleFromRoundTrip, serverTime, UNSYNCED, type ClockEstimate, type ClockSample } from './clock';

/** Round trips per sync; the fastest one is kept. */
const SYNC_SAMPLES = 5;
const SYNC_GAP_MS = 150;
const SYNC_TIMEOUT_MS = 5_000;
/** Re-sync this often while the page is open (clocks drift; laptops sleep). */
const RESYNC_MS = 5 * 60_000;

export interface ServerClock {
  /** The server's time now, by this client's best estimate (epoch ms). */
  now(): number;
  /** Feed a Stamped message's serverNow as soon as it arrives. */
  observe(serverNow: number): void;
  /** True after one round trip or stamp. */
  synced: boolean;
}

/**
 * The server's clock as this page sees it: a few clock:sync round trips on every connect (and every
 * few minutes), refined by each Stamped broadcast. Countdowns read `now()`, never Date.now().
 */
export function useServerClock(socket: ArenaSocket | null): ServerClock {
  const estimate = useRef<ClockEstimate>(UNSYNCED);
  const [synced, setSynced] = useState(false);

  const observe = useCallback((serverNow: number) => {
    estimate.current = refineWithStamp(estimate.current, serverNow, Date.now());
    setSynced(true);
  }, []);

  useEffect(() => {
    if (!socket) return;
    let active = true;
    const sync = async () => {
      const samples: ClockSample[] = [];
      for (let i = 0; i < SYNC_SAMPLES && active && socket.connected; i++) {
        const t0 = Date.now();
        try {
          const res = await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck('clock:sync', { clientNow: t0 });
          const s = res.ok ? sampleFromRoundTrip(t0, res.data.serverNow, Date.now()) : null;
          if (s) samples.push(s);
        } catch {
          break; // no answer: keep what we have
        }
        await new Promise((r) => setTimeout(r, SYNC_GAP_MS));
      }
      if (!active || samples.length === 0) return;
      estimate.current = estimateFromSamples(samples, estimate.current);
      setSynced(true);
    };
    const onConnect = () => void sync();
    socket.on('connect', onConnect);
    if (socket.connected) void sync();
    const timer = window.setInterval(() => void sync(), RESYNC_MS);
    return () => {
      active = false;
      socket.off('connect', onConnect);
      window.clearInterval(timer);
    };
  }, [socket]);

  const now = useCallback(() => serverTime(estimate.current, Date.now()), []);
  return { now, observe, synced };
}
