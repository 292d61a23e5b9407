CREATE TABLE `concern_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`concern_id` text NOT NULL,
	`author_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `concern_notes_concern` ON `concern_notes` (`concern_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `concerns` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`program_id` text NOT NULL,
	`raised_by` text NOT NULL,
	`urgency` text NOT NULL,
	`what_happened` text NOT NULL,
	`wants_contact` integer NOT NULL,
	`status` text NOT NULL,
	`acknowledged_by` text,
	`acknowledged_at` integer,
	`resolved_by` text,
	`resolved_at` integer,
	`resolution` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `concerns_program` ON `concerns` (`program_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `concerns_match` ON `concerns` (`match_id`);--> statement-breakpoint
CREATE TABLE `evaluation_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`program_id` text NOT NULL,
	`evaluation_id` text NOT NULL,
	`member_id` text NOT NULL,
	`rules_version` integer NOT NULL,
	`answers` text NOT NULL,
	`status` text NOT NULL,
	`submitted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_responses_once` ON `evaluation_responses` (`match_id`,`evaluation_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `evaluation_responses_program` ON `evaluation_responses` (`program_id`,`evaluation_id`);--> statement-breakpoint
CREATE TABLE `match_closures` (
	`match_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`reason_code` text NOT NULL,
	`reason_text` text DEFAULT '' NOT NULL,
	`initiated_by` text NOT NULL,
	`checklist` text NOT NULL,
	`started_at` integer NOT NULL,
	`closed_at` integer
);
--> statement-breakpoint
CREATE TABLE `match_health` (
	`match_id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`level` text NOT NULL,
	`reasons` text NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `match_health_program` ON `match_health` (`program_id`,`level`);--> statement-breakpoint
CREATE TABLE `pair_reads` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`reader_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pair_reads_match` ON `pair_reads` (`match_id`,`at`);--> statement-breakpoint
CREATE TABLE `program_coordinators` (
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`program_id`, `member_id`)
);
--> statement-breakpoint
CREATE TABLE `support_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`program_id` text NOT NULL,
	`coordinator_id` text NOT NULL,
	`member_id` text,
	`channel` text NOT NULL,
	`contacted_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`follow_up` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `support_contacts_match` ON `support_contacts` (`match_id`,`contacted_on`);