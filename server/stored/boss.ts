/** Schemas of the boss's stored JSON: a player's picks and a reveal (types: game/boss/). */
import { z } from 'zod';
import { bossRevealSchema } from '../../protocol/views';

export const storedPicksSchema = z.array(z.string());

/** A stored reveal has the shape the catalogue sends (protocol/views.ts): one schema for both. */
export const storedRevealSchema = bossRevealSchema;
