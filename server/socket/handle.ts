/**
 * Wraps a socket handler: finds the ack (if the client sent one), checks the socket's rate limits
 * (event-gate.ts) and the payload with the catalogue's schema for that event (protocol/), and turns
 * anything thrown into an error ack. A handler never throws out to socket.io. Typed by event name:
 * the handler gets that event's parsed payload and may answer only that event's ack data.
 */
import type { z } from 'zod';
import { clientEvents, type AckOf, type ApiError, type ClientEventName, type ParsedPayloadOf, type Result, type ServerErrorCode } from '../../protocol';
import type { ArenaSocket, HandlerContext } from './context';
import { findForbiddenKey } from './forbidden-keys';

/** The answer to event `E`: its ack's data, or a refusal (`null` data for an event without an ack). */
export type Reply<E extends ClientEventName> = (result: Result<AckOf<E>>) => void;

/** A refusal the server sends: only codes it may send (the browser's client/* codes are its own). */
export const refuse = (code: ServerErrorCode, message: string, issues?: ApiError['issues']): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

function zodIssues(error: z.ZodError): NonNullable<ApiError['issues']> {
  return error.issues.slice(0, 20).map((i) => {
    const path = i.path.map(String).join('.') || '(root)';
    return { path, message: `${path}: ${i.message}` };
  });
}

const closing = new WeakSet<ArenaSocket>();

/**
 * A socket that ignored a whole window of refusals and kept sending is closed, logged once; after
 * the answers already on their way (a handler answers in a microtask) have gone out.
 */
function disconnectFlooder(ctx: HandlerContext, socket: ArenaSocket, event: string): void {
  if (closing.has(socket)) return;
  closing.add(socket);
  ctx.log.warn('socket disconnected for flooding', { event, socket: socket.id, address: socket.handshake.address, player: socket.data.playerId });
  setImmediate(() => socket.disconnect(true));
}

export function handle<E extends ClientEventName>(
  ctx: HandlerContext,
  socket: ArenaSocket,
  event: E,
  fn: (payload: ParsedPayloadOf<E>, reply: Reply<E>) => void | Promise<void>,
): void {
  const schema: z.ZodType = clientEvents[event].payload;
  // socket.io's typed on() cannot follow a generic event name; `fn`'s type above is the checked one.
  const on = socket.on.bind(socket) as unknown as (e: string, cb: (...args: unknown[]) => void) => void;
  // A flood would write a log line per refused message: the first rate refusal per socket and event is enough.
  let rateLogged = false;
  on(event, (...args: unknown[]) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (result: Result<unknown>) => void) : undefined;
    const payload = ack ? (args.length > 1 ? args[0] : undefined) : args[0];
    let replied = false;
    const reply: Reply<E> = (result) => {
      if (replied) return;
      replied = true;
      if (!result.ok && !(result.error.code === 'rate/limited' && rateLogged)) {
        rateLogged ||= result.error.code === 'rate/limited';
        ctx.log.warn('refused', { event, socket: socket.id, player: socket.data.playerId, code: result.error.code });
      }
      ack?.(result);
    };
    // Rate first: a refused message costs no payload walk, no parsing and no handler.
    const gate = ctx.eventGate.admit(socket.id, event);
    if (gate.kind !== 'ok') {
      if (gate.kind === 'refuse') reply(gate.result);
      else if (gate.kind === 'disconnect') disconnectFlooder(ctx, socket, event);
      return;
    }
    const bad = findForbiddenKey(payload);
    if (bad) {
      const what = bad.key === null ? 'is nested too deeply' : `has the key ${JSON.stringify(bad.key)}, which no payload may use`;
      reply(refuse('payload/forbidden_key', `the ${event} payload ${what}`, [{ path: bad.path || '(root)', message: `${bad.path || '(root)'}: ${what}` }]));
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply(refuse('payload/invalid', `malformed ${event} payload`, zodIssues(parsed.error)));
      return;
    }
    Promise.resolve()
      .then(() => fn(parsed.data as ParsedPayloadOf<E>, reply))
      .catch((err: unknown) => {
        ctx.log.error('handler crashed', { event, err: err instanceof Error ? err.stack : String(err) });
        reply(refuse('server/internal', 'the server could not handle this request'));
      });
  });
}
