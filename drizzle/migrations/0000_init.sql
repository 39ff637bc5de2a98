CREATE TABLE `leaderboard_entries` (
	`challenge_id` text NOT NULL,
	`player_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`score` real NOT NULL,
	`param_count` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	PRIMARY KEY(`challenge_id`, `player_id`),
	FOREIGN KEY (`player_id`) REFERENCES `players`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leaderboard_rank_idx` ON `leaderboard_entries` (`challenge_id`,"score" desc,"submitted_at" asc);--> statement-breakpoint
CREATE TABLE `players` (
	`id` text PRIMARY KEY NOT NULL,
	`nickname` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `players_token_hash_unique` ON `players` (`token_hash`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`challenge_id` text NOT NULL,
	`player_id` text NOT NULL,
	`spec_json` text NOT NULL,
	`weights` blob NOT NULL,
	`param_count` integer NOT NULL,
	`status` text NOT NULL,
	`score` real,
	`correct` integer,
	`total` integer,
	`error` text,
	`created_at` integer NOT NULL,
	`scored_at` integer,
	FOREIGN KEY (`player_id`) REFERENCES `players`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submissions_status_idx` ON `submissions` (`status`);--> statement-breakpoint
CREATE INDEX `submissions_player_idx` ON `submissions` (`player_id`);