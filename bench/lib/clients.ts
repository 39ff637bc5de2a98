/** Real socket.io-client players for the server benchmarks. */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Result, ServerToClientEvents, SubmissionResult } from '../../protocol';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const ACK_TIMEOUT_MS = 120_000;

export async function connect(url: string): Promise<Client> {
  const socket: Client = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', fail);
  });
  return socket;
}

export async function registerPlayer(url: string, nickname: string): Promise<{ socket: Client; playerId: string }> {
  const socket = await connect(url);
  const r = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('player:register', { nickname })) as Result<{ playerId: string }>;
  if (!r.ok) throw new Error(`register ${nickname}: ${r.error.code} ${r.error.message}`);
  return { socket, playerId: r.data.playerId };
}

/**
 * Submits and resolves when this submission's `submission:result` arrives, with the milliseconds
 * from the emit to the result (acknowledgement, queueing and scoring included).
 */
export async function submitAndWait(socket: Client, payload: { challengeId: string; spec: unknown; weights: Uint8Array }): Promise<{ ms: number; result: SubmissionResult }> {
  const t0 = performance.now();
  const pending: SubmissionResult[] = [];
  let wanted: string | undefined;
  let resolve: ((r: SubmissionResult) => void) | undefined;
  const onResult = (r: SubmissionResult) => {
    if (wanted === r.submissionId) resolve?.(r);
    else pending.push(r);
  };
  socket.on('submission:result', onResult);
  try {
    const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('submission:submit', payload)) as Result<{ submissionId: string }>;
    if (!ack.ok) throw new Error(`submit refused: ${ack.error.code} ${ack.error.message}`);
    wanted = ack.data.submissionId;
    const early = pending.find((r) => r.submissionId === wanted);
    const result = early ?? (await new Promise<SubmissionResult>((ok, fail) => {
      resolve = ok;
      setTimeout(() => fail(new Error(`no result for ${wanted} within ${ACK_TIMEOUT_MS} ms`)), ACK_TIMEOUT_MS).unref();
    }));
    return { ms: performance.now() - t0, result };
  } finally {
    socket.off('submission:result', onResult);
  }
}
