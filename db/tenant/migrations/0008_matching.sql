CREATE TABLE `match_choices` (
	`program_id` text NOT NULL,
	`mentee_id` text NOT NULL,
	`rank` integer NOT NULL,
	`mentor_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`program_id`, `mentee_id`, `rank`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `match_choices_mentor` ON `match_choices` (`program_id`,`mentee_id`,`mentor_id`);--> statement-breakpoint
CREATE TABLE `match_participants` (
	`match_id` text NOT NULL,
	`member_id` text NOT NULL,
	`role` text NOT NULL,
	`program_id` text NOT NULL,
	PRIMARY KEY(`match_id`, `member_id`)
);
--> statement-breakpoint
CREATE INDEX `match_participants_member` ON `match_participants` (`program_id`,`member_id`,`role`);--> statement-breakpoint
CREATE TABLE `match_pins` (
	`program_id` text NOT NULL,
	`mentor_id` text NOT NULL,
	`mentee_id` text NOT NULL,
	`kind` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`program_id`, `mentor_id`, `mentee_id`)
);
--> statement-breakpoint
CREATE TABLE `match_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`objective` text NOT NULL,
	`status` text NOT NULL,
	`total` integer NOT NULL,
	`lowest` integer,
	`unmatched` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `match_runs_program` ON `match_runs` (`program_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `matches` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`status` text NOT NULL,
	`mode` text NOT NULL,
	`score` integer,
	`reasons` text NOT NULL,
	`made_by` text,
	`run_id` text,
	`choice_rank` integer,
	`expires_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`activated_at` integer,
	`ended_at` integer,
	`end_reason` text
);
--> statement-breakpoint
CREATE INDEX `matches_program_status` ON `matches` (`program_id`,`status`);--> statement-breakpoint
CREATE INDEX `matches_run` ON `matches` (`run_id`);--> statement-breakpoint
CREATE INDEX `matches_expiry` ON `matches` (`status`,`expires_at`);--> statement-breakpoint
ALTER TABLE `member_profiles` ADD `reports_to` text;