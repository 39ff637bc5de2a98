/**
 * Rate limits: a fixed window per key on the server's clock (so tests can move time forward), opened
 * at the key's first hit, as rate-limiter-flexible's memory limiter did. Checks are synchronous and
 * O(1): a flood is answered without waiting on anything.
 */
import type { Result } from '../../protocol';
import { refuse } from './handle';

export interface RateLimit {
  /** Actions allowed per window. */
  points: number;
  /** Window length, in seconds. */
  durationS: number;
}

/** Submissions per player per window. */
export const SUBMIT_LIMIT: RateLimit = { points: 5, durationS: 60 };
/**
 * Submissions per client address: a class of 40 behind one school address, each using the whole
 * per-player limit in the same minute, is 200. Finding 6 of issue 13 was 600 a minute from one address.
 */
export const SUBMIT_ADDRESS_LIMIT: RateLimit = { points: 200, durationS: 60 };
/**
 * A player's submissions waiting for or in a scoring worker at once; one more is refused with
 * submission/queue_full. With round-robin by player (scoring/fair-queue.ts) a backlog then holds at
 * most this many jobs per player, and nobody's first submission waits behind more than one job of
 * each other waiting player.
 */
export const SCORING_QUEUE_PER_PLAYER = 3;
/**
 * Per client address. A whole class often sits behind one school NAT address and registers within the
 * same minute when the teacher says "join now": 40 students, some reloading, need room to spare.
 */
export const REGISTER_LIMIT: RateLimit = { points: 120, durationS: 60 };
/**
 * Sockets one address may hold at once: a class of 40 with two or three tabs each is ~120, plus the
 * teacher's host screen and projector; 150 leaves a little over that. 1,000 sockets from one address
 * were accepted in 1.9 s before (issue 13, finding 2).
 */
export const SOCKETS_PER_ADDRESS = 150;

/** Limits of the room events. */
export interface RoomLimits {
  /** room:join attempts per socket (a reconnecting client re-joins; a flood is cut short). */
  join: RateLimit;
  /**
   * NEW players one address may add to one room (a member's rejoin does not count): a class of 40
   * joins within a minute; 100 bots from one address no longer fill a room in 1.5 s.
   */
  newPlayers: RateLimit;
  /** room:activity reports per socket (a training client reports a few times a second at most). */
  activity: RateLimit;
  /**
   * Wrong PINs per room per window before the room is "under attack" (see rooms/pin-guard.ts); the
   * window is also the longest anyone can keep the teacher from reclaiming.
   */
  reclaim: RateLimit;
  /** room:create per address (one school may have several teachers). */
  create: RateLimit;
  /** room:check per socket: a student types a code a few times, not dozens (rooms/lookup.ts). */
  check: RateLimit;
  /**
   * Codes with no room per address, room:check and room:join together; past it, every lookup from the
   * address is refused alike, room or not, so guessing codes is slow (rooms/lookup.ts).
   */
  lookups: RateLimit;
}

export const ROOM_LIMITS: RoomLimits = {
  join: { points: 10, durationS: 10 },
  newPlayers: { points: 60, durationS: 60 },
  activity: { points: 4, durationS: 1 },
  reclaim: { points: 30, durationS: 60 },
  create: { points: 20, durationS: 60 },
  check: { points: 10, durationS: 10 },
  // A class mistyping its code now and then fits. One address guessing gets 86,400 tries a day: with 10
  // rooms open among 19^6 = 47M codes, one found every ~54 days. A prank from inside the class blocks
  // the address's new joins for a minute at most.
  lookups: { points: 60, durationS: 60 },
};

/** Keys kept before expired windows are swept out (checked every SWEEP_EVERY hits). */
const SWEEP_ABOVE = 1024;
const SWEEP_EVERY = 1024;

/** What one hit on a key found. */
export interface Hit {
  /** Within the window's points. */
  allowed: boolean;
  /** Hits in this window beyond its points (0 while allowed). */
  over: number;
  /** Milliseconds until the window ends. */
  waitMs: number;
}

export class Limiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private hits = 0;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number,
  ) {}

  take(key: string): Hit {
    const now = this.now();
    const span = this.limit.durationS * 1000;
    if (++this.hits % SWEEP_EVERY === 0 && this.windows.size > SWEEP_ABOVE) this.sweep(now, span);
    let w = this.windows.get(key);
    if (!w || now >= w.start + span) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    const over = Math.max(0, w.count - this.limit.points);
    return { allowed: over === 0, over, waitMs: w.start + span - now };
  }

  /** Whether one more hit on `key` would be allowed, without counting it. */
  peek(key: string): Hit {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now >= w.start + this.limit.durationS * 1000) return { allowed: true, over: 0, waitMs: 0 };
    const over = Math.max(0, w.count + 1 - this.limit.points);
    return { allowed: over === 0, over, waitMs: w.start + this.limit.durationS * 1000 - now };
  }

  private sweep(now: number, span: number): void {
    for (const [key, w] of this.windows) if (now >= w.start + span) this.windows.delete(key);
  }
}

/**
 * Counts each member of a group once per window: a new player sending room:join three times at once
 * (before the first is applied) uses one of its address's points, not three.
 */
export class DistinctLimiter {
  private readonly counted = new Map<string, number>();
  private readonly inner: Limiter;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number,
  ) {
    this.inner = new Limiter(limit, now);
  }

  take(group: string, member: string): Hit {
    const now = this.now();
    const key = `${group}|${member}`;
    const until = this.counted.get(key);
    if (until !== undefined && now < until) return { allowed: true, over: 0, waitMs: until - now };
    if (this.counted.size > SWEEP_ABOVE) for (const [k, u] of this.counted) if (now >= u) this.counted.delete(k);
    const hit = this.inner.take(group);
    if (hit.allowed) this.counted.set(key, now + hit.waitMs);
    return hit;
  }
}

/** The PIN's budget is the PIN guard's (rooms/pin-guard.ts), not a plain window. */
export interface RoomLimiters {
  join: Limiter;
  newPlayers: DistinctLimiter;
  activity: Limiter;
  create: Limiter;
  check: Limiter;
  lookups: Limiter;
}

export const createLimiter = (l: RateLimit, now: () => number = Date.now) => new Limiter(l, now);

export const createRoomLimiters = (l: RoomLimits, now: () => number = Date.now): RoomLimiters => ({
  join: createLimiter(l.join, now),
  newPlayers: new DistinctLimiter(l.newPlayers, now),
  activity: createLimiter(l.activity, now),
  create: createLimiter(l.create, now),
  check: createLimiter(l.check, now),
  lookups: createLimiter(l.lookups, now),
});

export const rateLimited = (what: string, waitMs: number): Result<never> =>
  refuse('rate/limited', `too many ${what}; try again in ${Math.max(1, Math.ceil(waitMs / 1000))} s`);

/** Counts one hit for `key`; undefined when allowed, an error result when not. */
export function check(limiter: Limiter, key: string, what: string): Result<never> | undefined {
  const hit = limiter.take(key);
  return hit.allowed ? undefined : rateLimited(what, hit.waitMs);
}

/** `check` for handlers that await it (kept async so every caller reads the same). */
export async function limited(limiter: Limiter, key: string, what: string): Promise<Result<never> | undefined> {
  return check(limiter, key, what);
}
