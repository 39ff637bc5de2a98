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
export const REGISTER_LIMIT: RateLimit = { points: 20, durationS: 60 };

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
