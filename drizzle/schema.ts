/**
 * The one database schema. Migrations under drizzle/migrations are generated from this file with
 * `npm run db:generate` and applied at start-up (server/db.ts).
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const players = sqliteTable('players', {
  id: text('id').primaryKey(),
  nickname: text('nickname').notNull(),
  /** sha256 (hex) of the bearer token; the token itself is never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  /** Epoch milliseconds. */
  createdAt: integer('created_at').notNull(),
});

export const submissions = sqliteTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    challengeId: text('challenge_id').notNull(),
    playerId: text('player_id')
      .notNull()
      .references(() => players.id),
    /** The validated model spec, as JSON. */
    specJson: text('spec_json').notNull(),
    /** float32 little-endian weights, in tfjs getWeights() order. */
    weights: blob('weights', { mode: 'buffer' }).notNull(),
    paramCount: integer('param_count').notNull(),
    status: text('status', { enum: ['queued', 'scored', 'failed'] }).notNull(),
    /** Accuracy on the hidden test split (0..1); null until scored. */
    score: real('score'),
    correct: integer('correct'),
    total: integer('total'),
    /** JSON ApiError when status is 'failed'. */
    error: text('error'),
    /** Epoch milliseconds. */
    createdAt: integer('created_at').notNull(),
    /** Epoch milliseconds; null until scored or failed. */
    scoredAt: integer('scored_at'),
  },
  (t) => [index('submissions_status_idx').on(t.status), index('submissions_player_idx').on(t.playerId)],
);

export const leaderboardEntries = sqliteTable(
  'leaderboard_entries',
  {
    challengeId: text('challenge_id').notNull(),
    playerId: text('player_id')
      .notNull()
      .references(() => players.id),
    /** The player's best submission for this challenge. */
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    score: real('score').notNull(),
    paramCount: integer('param_count').notNull(),
    /** Epoch milliseconds of the best submission's acceptance (ties go to the earlier one). */
    submittedAt: integer('submitted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.challengeId, t.playerId] }),
    index('leaderboard_rank_idx').on(t.challengeId, sql`${t.score} desc`, sql`${t.submittedAt} asc`),
  ],
);

export type PlayerRow = typeof players.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;
export type LeaderboardEntryRow = typeof leaderboardEntries.$inferSelect;
