/** Schemas of the boss's stored JSON: a player's picks and a reveal (types: game/boss/). */
import { z } from 'zod';
import type { BossReveal } from '../../game/boss/reveal';

export const storedPicksSchema = z.array(z.string());

const hitSchema = z.looseObject({
  damage: z.number(),
  heal: z.number(),
  health: z.number(),
  line: z.enum(['memorized', 'underfit', 'defeated', 'scratched']),
});

const revealRowSchema = z.looseObject({
  playerId: z.string(),
  nickname: z.string(),
  publicRank: z.number(),
  privateRank: z.number(),
  moved: z.number(),
  public: z.number(),
  private: z.number(),
  train: z.number(),
  gap: z.number(),
  submissionId: z.string(),
  hit: hitSchema,
  stars: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
});

export const storedRevealSchema: z.ZodType<BossReveal> = z.looseObject({
  challengeId: z.string(),
  rows: z.array(revealRowSchema),
  bossHealth: z.number(),
  revealedAt: z.number(),
});
