/**
 * The one database schema. Migrations under drizzle/migrations are generated from this file with
 * `npm run db:generate` and applied at start-up (server/db.ts).
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    /** The room whose round this submission was made in; null outside rooms. */
    roomCode: text('room_code').references(() => rooms.code),
    /** The round number within `roomCode`; null outside rooms. */
    roundNumber: integer('round_number'),
    /**
     * Boss challenges only: `score` is the public part's accuracy; these stay on the server until
     * the reveal (accuracy on the private part, and on the player's own tiny training set).
     */
    privateScore: real('private_score'),
    trainScore: real('train_score'),
  },
  (t) => [
    index('submissions_status_idx').on(t.status),
    index('submissions_player_idx').on(t.playerId),
    index('submissions_room_round_idx').on(t.roomCode, t.roundNumber),
  ],
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
    // player_id last: the rank's final tie-break, so playerRank counts three index ranges and never reads a row.
    index('leaderboard_rank_idx').on(t.challengeId, sql`${t.score} desc`, sql`${t.submittedAt} asc`, t.playerId),
  ],
);

/**
 * How many players have an entry per challenge, kept by recordScore in the same transaction as the
 * entry, so a leaderboard's total is one row read instead of a count over every entry.
 */
export const leaderboardTotals = sqliteTable('leaderboard_totals', {
  challengeId: text('challenge_id').primaryKey(),
  /** Number of leaderboard_entries rows with this challenge_id. */
  players: integer('players').notNull(),
});

/** A teacher-hosted room; `state_json` is the whole game/room RoomState, the source of truth at start-up. */
export const rooms = sqliteTable(
  'rooms',
  {
    /** The join code (game/room/code.ts). */
    code: text('code').primaryKey(),
    /** sha256 (hex) of the host token; the token itself is never stored. */
    hostTokenHash: text('host_token_hash').notNull(),
    /** sha256 (hex) of `<code>:<PIN>`; the recovery PIN itself is never stored. */
    hostPinHash: text('host_pin_hash').notNull(),
    /** Copy of state.phase, for start-up loading and expiry queries. */
    phase: text('phase', { enum: ['lobby', 'running', 'ended', 'closed'] }).notNull(),
    /** RoomState as JSON. */
    stateJson: text('state_json').notNull(),
    /** Epoch milliseconds. */
    createdAt: integer('created_at').notNull(),
    /** Epoch milliseconds; copy of state.lastActivityAt. */
    lastActivityAt: integer('last_activity_at').notNull(),
  },
  (t) => [index('rooms_phase_activity_idx').on(t.phase, t.lastActivityAt)],
);

/** Every round of every room, kept after the room moves on or closes (results, CSV, history). */
export const roomRounds = sqliteTable(
  'room_rounds',
  {
    roomCode: text('room_code')
      .notNull()
      .references(() => rooms.code),
    /** 1-based within the room. */
    number: integer('number').notNull(),
    challengeId: text('challenge_id').notNull(),
    /** RoundSettings as JSON. */
    settingsJson: text('settings_json').notNull(),
    /** Epoch milliseconds. */
    startedAt: integer('started_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    /** Null while the round runs. */
    endedAt: integer('ended_at'),
    endedBy: text('ended_by', { enum: ['time', 'host'] }),
    /** RoundStanding[] as JSON, rewritten on every change of the round. */
    standingsJson: text('standings_json').notNull(),
    /**
     * Random and opaque (base64url): the round's address once published, so public pages never carry
     * the join code. Rounds stored before migration 0005 got a random hex one.
     */
    publicId: text('public_id').notNull(),
    /** When the host published the round (class rounds, challenge boards); null: only the room sees it. */
    publishedAt: integer('published_at'),
  },
  (t) => [
    primaryKey({ columns: [t.roomCode, t.number] }),
    index('room_rounds_ended_idx').on(t.endedAt),
    uniqueIndex('room_rounds_public_id_idx').on(t.publicId),
    index('room_rounds_published_idx').on(t.publishedAt),
  ],
);

/** Stars per player and challenge on the solo path (only ever raised; written with the score). */
export const progress = sqliteTable(
  'progress',
  {
    playerId: text('player_id')
      .notNull()
      .references(() => players.id),
    challengeId: text('challenge_id').notNull(),
    /** 1-3 (a row exists only once a star is earned). */
    stars: integer('stars').notNull(),
    /** Epoch milliseconds of the last raise. */
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.playerId, t.challengeId] })],
);

/**
 * The submissions a player picked for a boss's private board (at most two), per scope:
 * `solo:<challengeId>` or `room:<code>:<round>`.
 */
export const bossPicks = sqliteTable(
  'boss_picks',
  {
    scope: text('scope').notNull(),
    playerId: text('player_id')
      .notNull()
      .references(() => players.id),
    /** JSON array of submission ids. */
    submissionIdsJson: text('submission_ids_json').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.playerId] })],
);

/** A boss revealed: the whole reveal (shake-up, gaps, hits) as JSON, final once written. */
export const bossReveals = sqliteTable(
  'boss_reveals',
  {
    /** `room:<code>:<round>`, or `solo:<challengeId>:<playerId>` (a solo reveal is one player's). */
    scope: text('scope').primaryKey(),
    revealJson: text('reveal_json').notNull(),
    revealedAt: integer('revealed_at').notNull(),
  },
);

export type PlayerRow = typeof players.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;
export type LeaderboardEntryRow = typeof leaderboardEntries.$inferSelect;
export type LeaderboardTotalRow = typeof leaderboardTotals.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;
export type RoomRoundRow = typeof roomRounds.$inferSelect;
