/**
 * Every event's rate limit, checked in handle() before its payload is even parsed: one budget per
 * socket for all its events together, and tighter ones for some events. A socket that keeps going
 * past its budget is first answered 'rate/limited', then no longer answered, then disconnected, so a
 * flood costs the server little more than decoding it (issue 13, finding 8: 20,000 clock:sync in
 * 1.7 s raised another client's round trip from ~2 ms to 805 ms).
 */
import type { ClientEventName, Result } from '../../protocol';
import { Limiter, rateLimited, type RateLimit } from './limits';

export interface EventLimits {
  /** Per socket, every event counted together. */
  any: RateLimit;
  /** Per socket and event, on top of `any`. Events not named here have only `any`; a name not in the catalogue does not compile. */
  events: Partial<Record<ClientEventName, RateLimit>>;
}

const perTenSeconds = (points: number): RateLimit => ({ points, durationS: 10 });

/**
 * What a real page sends: on connect whoami, a join, a subscription and 5 clock:sync 150 ms apart
 * (app/components/room/useServerClock.ts, again every 5 minutes and on every reconnect); while
 * training, room:activity up to 4 a second (its own limit, rooms/activity.ts). 120 per 10 s is several
 * times that; the tighter limits leave a page room for a few reloads and reconnects.
 */
export const EVENT_LIMITS: EventLimits = {
  any: perTenSeconds(120),
  events: {
    'clock:sync': perTenSeconds(20),
    'player:register': { points: 10, durationS: 60 },
    'player:whoami': perTenSeconds(20),
    'leaderboard:subscribe': perTenSeconds(30),
    'leaderboard:unsubscribe': perTenSeconds(30),
    'progress:get': perTenSeconds(20),
    'run:get': perTenSeconds(30),
    'boss:mine': perTenSeconds(20),
    'boss:pick': perTenSeconds(20),
    'boss:reveal': perTenSeconds(20),
    // Each player's valid submissions are limited again (5 a minute); a refused one costs nothing.
    'submission:submit': perTenSeconds(30),
    'play:submit': perTenSeconds(30),
    'room:create': { points: 10, durationS: 60 },
    'room:host': perTenSeconds(20),
    'room:reclaim': perTenSeconds(10),
    'room:leave': perTenSeconds(20),
    'rooms:finished': perTenSeconds(20),
    'room:results': perTenSeconds(20),
    'room:export': perTenSeconds(20),
    // A teacher clicking through a class (kick, rename, lock) is quick, but not this quick.
    'room:kick': perTenSeconds(60),
    'room:rename': perTenSeconds(60),
    'room:lock': perTenSeconds(30),
    'room:start': perTenSeconds(20),
    'room:end': perTenSeconds(20),
    'room:reveal': perTenSeconds(20),
    'room:publish': perTenSeconds(20),
    'room:kick-many': perTenSeconds(30),
    'room:admission': perTenSeconds(20),
    'room:admit': perTenSeconds(60),
    'room:deny': perTenSeconds(60),
  },
};

/** Past `points` a socket's refusals are answered for this many more windows' worth of events... */
const ANSWERED_OVER = 1;
/** ...then dropped unanswered, and past this many its socket is disconnected. */
const DISCONNECT_OVER = 10;

export type Admission =
  | { kind: 'ok' }
  /** Answer this refusal (cheap: no parsing, no handler). */
  | { kind: 'refuse'; result: Result<never> }
  /** Say nothing: the socket ignored a whole window of refusals. */
  | { kind: 'drop' }
  /** Close the socket: it is flooding. */
  | { kind: 'disconnect' };

export interface EventGate {
  admit(socketId: string, event: string): Admission;
}

export function createEventGate(limits: EventLimits, now: () => number): EventGate {
  const any = new Limiter(limits.any, now);
  const events = new Map(Object.entries(limits.events).map(([event, l]) => [event, new Limiter(l, now)] as const));
  return {
    admit(socketId, event) {
      const all = any.take(socketId);
      if (!all.allowed) {
        if (all.over > DISCONNECT_OVER * limits.any.points) return { kind: 'disconnect' };
        if (all.over > ANSWERED_OVER * limits.any.points) return { kind: 'drop' };
        return { kind: 'refuse', result: rateLimited('messages', all.waitMs) };
      }
      const one = events.get(event)?.take(socketId);
      if (one && !one.allowed) return { kind: 'refuse', result: rateLimited(`${event} messages`, one.waitMs) };
      return { kind: 'ok' };
    },
  };
}
