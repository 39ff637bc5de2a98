/** Rate limiting with rate-limiter-flexible; returns an error result when over the limit. */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Result } from '../protocol';
import { refuse } from './handle';

export interface RateLimit {
  /** Actions allowed per window. */
  points: number;
  /** Window length, in seconds. */
  durationS: number;
}

export const SUBMIT_LIMIT: RateLimit = { points: 5, durationS: 60 };
/**
 * Per client address. A whole class often sits behind one school NAT address and registers within the
 * same minute when the teacher says "join now": 40 students, some reloading, need room to spare.
 */
export const REGISTER_LIMIT: RateLimit = { points: 120, durationS: 60 };

/** Limits of the room events; joins and activity per socket, reclaims per address and room. */
export interface RoomLimits {
  /** room:join attempts per socket (a reconnecting client re-joins; a flood is cut short). */
  join: RateLimit;
  /** room:activity reports per socket (a training client reports a few times a second at most). */
  activity: RateLimit;
  /** room:reclaim tries per address and room: the PIN is short, so guessing must be slow. */
  reclaim: RateLimit;
  /** room:create per address (one school may have several teachers). */
  create: RateLimit;
}

export const ROOM_LIMITS: RoomLimits = {
  join: { points: 10, durationS: 10 },
  activity: { points: 4, durationS: 1 },
  reclaim: { points: 5, durationS: 600 },
  create: { points: 20, durationS: 60 },
};

export type RoomLimiters = Record<keyof RoomLimits, RateLimiterMemory>;

export const createRoomLimiters = (l: RoomLimits): RoomLimiters => ({
  join: createLimiter(l.join),
  activity: createLimiter(l.activity),
  reclaim: createLimiter(l.reclaim),
  create: createLimiter(l.create),
});

export const createLimiter = (l: RateLimit) => new RateLimiterMemory({ points: l.points, duration: l.durationS });

/** Consumes one point for `key`; undefined when allowed, an error result when not. */
export async function limited(limiter: RateLimiterMemory, key: string, what: string): Promise<Result<never> | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const waitS = Math.ceil(err.msBeforeNext / 1000);
    return refuse('rate/limited', `too many ${what}; try again in ${waitS} s`);
  }
}
