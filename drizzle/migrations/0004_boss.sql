CREATE TABLE `boss_picks` (
	`scope` text NOT NULL,
	`player_id` text NOT NULL,
	`submission_ids_json` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `player_id`),
	FOREIGN KEY (`player_id`) REFERENCES `players`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `boss_reveals` (
	`scope` text PRIMARY KEY NOT NULL,
	`reveal_json` text NOT NULL,
	`revealed_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `submissions` ADD `private_score` real;--> statement-breakpoint
ALTER TABLE `submissions` ADD `train_score` real;