CREATE TABLE `leaderboard_totals` (
	`challenge_id` text PRIMARY KEY NOT NULL,
	`players` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `leaderboard_rank_idx`;--> statement-breakpoint
CREATE INDEX `leaderboard_rank_idx` ON `leaderboard_entries` (`challenge_id`,"score" desc,"submitted_at" asc,`player_id`);--> statement-breakpoint
-- Hand-added: totals for entries that existed before this table.
INSERT INTO `leaderboard_totals` (`challenge_id`, `players`) SELECT `challenge_id`, count(*) FROM `leaderboard_entries` GROUP BY `challenge_id`;