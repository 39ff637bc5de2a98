/** The server's whole configuration, read from the environment once and checked with zod. */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ROOM_MAX_PLAYERS } from '../game/room/types';
import { SOCKETS_PER_ADDRESS } from './socket/limits';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_FILE: z.string().min(1).default('data/arena.db'),
  /** Address students open to join a room (e.g. https://arena.school.kr); default: the teacher's own. */
  PUBLIC_URL: z.url().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Scoring worker threads; the default leaves a core for the event loop and Next. */
  SCORING_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(16)
    .default(Math.max(1, Math.min(2, availableParallelism() - 1))),
  /** Most players per room created (a class by default); larger rooms get bounded, throttled views. */
  ROOM_MAX_PLAYERS: z.coerce.number().int().min(1).max(100_000).default(ROOM_MAX_PLAYERS),
  /** Sockets one client address may hold at once (a school's NAT address: a class with tabs, the teacher). */
  SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(SOCKETS_PER_ADDRESS),
});

export type Env = z.infer<typeof envSchema>;

/** Parses `source` (default process.env); throws a readable error naming each bad variable. */
export function readEnv(source: Readonly<Record<string, string | undefined>> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
