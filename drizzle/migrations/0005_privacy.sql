-- SQLite cannot add a NOT NULL column without a default, so room_rounds is rebuilt (as drizzle-kit
-- does). Every round stored before this migration stays private (published_at NULL) and gets a random
-- public id; nothing outside the room knows it until the teacher publishes the round.
CREATE TABLE `__new_room_rounds` (
	`room_code` text NOT NULL,
	`number` integer NOT NULL,
	`challenge_id` text NOT NULL,
	`settings_json` text NOT NULL,
	`started_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`ended_at` integer,
	`ended_by` text,
	`standings_json` text NOT NULL,
	`public_id` text NOT NULL,
	`published_at` integer,
	PRIMARY KEY(`room_code`, `number`),
	FOREIGN KEY (`room_code`) REFERENCES `rooms`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_room_rounds`("room_code", "number", "challenge_id", "settings_json", "started_at", "ends_at", "ended_at", "ended_by", "standings_json", "public_id", "published_at")
  SELECT "room_code", "number", "challenge_id", "settings_json", "started_at", "ends_at", "ended_at", "ended_by", "standings_json", lower(hex(randomblob(12))), NULL FROM `room_rounds`;--> statement-breakpoint
DROP TABLE `room_rounds`;--> statement-breakpoint
ALTER TABLE `__new_room_rounds` RENAME TO `room_rounds`;--> statement-breakpoint
CREATE INDEX `room_rounds_ended_idx` ON `room_rounds` (`ended_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `room_rounds_public_id_idx` ON `room_rounds` (`public_id`);--> statement-breakpoint
CREATE INDEX `room_rounds_published_idx` ON `room_rounds` (`published_at`);--> statement-breakpoint
-- Room submissions no longer reach the public challenge boards unless their round is published (none
-- is yet): a board entry that is a room submission gives way to the player's best solo submission.
DELETE FROM `leaderboard_entries` WHERE `submission_id` IN (SELECT `id` FROM `submissions` WHERE `room_code` IS NOT NULL);--> statement-breakpoint
INSERT INTO `leaderboard_entries` (`challenge_id`, `player_id`, `submission_id`, `score`, `param_count`, `submitted_at`)
  SELECT s.`challenge_id`, s.`player_id`, s.`id`, s.`score`, s.`param_count`, s.`created_at` FROM `submissions` s
  WHERE s.`status` = 'scored' AND s.`score` IS NOT NULL AND s.`room_code` IS NULL
    AND NOT EXISTS (SELECT 1 FROM `leaderboard_entries` e WHERE e.`challenge_id` = s.`challenge_id` AND e.`player_id` = s.`player_id`)
    AND s.`id` = (SELECT b.`id` FROM `submissions` b
      WHERE b.`challenge_id` = s.`challenge_id` AND b.`player_id` = s.`player_id` AND b.`status` = 'scored' AND b.`score` IS NOT NULL AND b.`room_code` IS NULL
      ORDER BY b.`score` DESC, b.`created_at` ASC, b.`id` ASC LIMIT 1);--> statement-breakpoint
DELETE FROM `leaderboard_totals`;--> statement-breakpoint
INSERT INTO `leaderboard_totals` (`challenge_id`, `players`) SELECT `challenge_id`, count(*) FROM `leaderboard_entries` GROUP BY `challenge_id`;
