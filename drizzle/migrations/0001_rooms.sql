CREATE TABLE `room_rounds` (
	`room_code` text NOT NULL,
	`number` integer NOT NULL,
	`challenge_id` text NOT NULL,
	`settings_json` text NOT NULL,
	`started_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`ended_at` integer,
	`ended_by` text,
	`standings_json` text NOT NULL,
	PRIMARY KEY(`room_code`, `number`),
	FOREIGN KEY (`room_code`) REFERENCES `rooms`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `room_rounds_ended_idx` ON `room_rounds` (`ended_at`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`code` text PRIMARY KEY NOT NULL,
	`host_token_hash` text NOT NULL,
	`host_pin_hash` text NOT NULL,
	`phase` text NOT NULL,
	`state_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_activity_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rooms_phase_activity_idx` ON `rooms` (`phase`,`last_activity_at`);--> statement-breakpoint
ALTER TABLE `submissions` ADD `room_code` text REFERENCES rooms(code);--> statement-breakpoint
ALTER TABLE `submissions` ADD `round_number` integer;--> statement-breakpoint
CREATE INDEX `submissions_room_round_idx` ON `submissions` (`room_code`,`round_number`);