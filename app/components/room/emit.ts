'use client';
import type { AckedEvent, AckOf, PayloadOf, Result } from '../../../protocol';
import type { ArenaSocket } from '../providers/SocketProvider';
import { offlineError, timeoutError } from './errors';

export const ACK_TIMEOUT_MS = 10_000;

/** Emits an acknowledged event; an offline socket or a silent server become errors, never throws. */
export async function request<E extends AckedEvent>(socket: ArenaSocket | null, event: E, payload: PayloadOf<E>): Promise<Result<AckOf<E>>> {
  if (!socket?.connected) return { ok: false, error: offlineError() };
  try {
    // socket.io's typed emit cannot follow a generic event name; the signature's catalogue types keep it honest.
    const timed = socket.timeout(ACK_TIMEOUT_MS);
    const emit = timed.emitWithAck as unknown as (e: E, p: PayloadOf<E>) => Promise<Result<AckOf<E>>>;
    return await emit.call(timed, event, payload);
  } catch {
    return { ok: false, error: timeoutError() };
  }
}
