CREATE TABLE `agreement_acknowledgements` (
	`version_id` text NOT NULL,
	`member_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`version_id`, `member_id`)
);
--> statement-breakpoint
CREATE TABLE `agreement_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`version` integer NOT NULL,
	`entries` text NOT NULL,
	`sections` text NOT NULL,
	`changed_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_versions_match` ON `agreement_versions` (`match_id`,`version`);--> statement-breakpoint
CREATE TABLE `calendar_feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feeds_member` ON `calendar_feeds` (`member_id`);--> statement-breakpoint
CREATE TABLE `celebrations` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`program_id` text NOT NULL,
	`goal_id` text NOT NULL,
	`milestone_id` text,
	`title` text NOT NULL,
	`shared_by` text,
	`shared_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `celebrations_source` ON `celebrations` (`goal_id`,`milestone_id`);--> statement-breakpoint
CREATE INDEX `celebrations_wall` ON `celebrations` (`program_id`,`shared_at`);--> statement-breakpoint
CREATE TABLE `check_in_responses` (
	`check_in_id` text NOT NULL,
	`member_id` text NOT NULL,
	`answers` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`check_in_id`, `member_id`)
);
--> statement-breakpoint
CREATE TABLE `check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`period` integer NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_ins_period` ON `check_ins` (`match_id`,`period`);--> statement-breakpoint
CREATE INDEX `check_ins_opens` ON `check_ins` (`opens_on`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`meeting_id` text,
	`text` text NOT NULL,
	`owner_id` text NOT NULL,
	`owner_role` text NOT NULL,
	`due_on` text NOT NULL,
	`done_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `commitments_match` ON `commitments` (`match_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `congratulations` (
	`celebration_id` text NOT NULL,
	`member_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`celebration_id`, `member_id`)
);
--> statement-breakpoint
CREATE TABLE `coordinator_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`program_id` text NOT NULL,
	`kind` text NOT NULL,
	`member_id` text NOT NULL,
	`source_id` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`done_at` integer,
	`done_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coordinator_tasks_source` ON `coordinator_tasks` (`kind`,`source_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `coordinator_tasks_program` ON `coordinator_tasks` (`program_id`,`status`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`meeting_id` text,
	`author_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`answers` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`shared_with_coordinators` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `feedback_match` ON `feedback` (`match_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `goal_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`kind` text NOT NULL,
	`progress` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `goal_updates_goal` ON `goal_updates` (`goal_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`title` text NOT NULL,
	`measure` text,
	`target_on` text,
	`status` text NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`last_reviewed_at` integer,
	`achieved_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `goals_match` ON `goals` (`match_id`);--> statement-breakpoint
CREATE TABLE `meeting_private_notes` (
	`meeting_id` text NOT NULL,
	`author_id` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `author_id`)
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`match_id` text NOT NULL,
	`status` text NOT NULL,
	`starts_at` integer NOT NULL,
	`time_zone` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`format` text NOT NULL,
	`place` text,
	`video_url` text,
	`agenda` text NOT NULL,
	`shared_notes` text DEFAULT '' NOT NULL,
	`proposed_by` text NOT NULL,
	`cancel_reason` text,
	`held_minutes` integer,
	`attendees` text,
	`logged_at` integer,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `meetings_match` ON `meetings` (`match_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_status` ON `meetings` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`title` text NOT NULL,
	`due_on` text,
	`done_at` integer,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `milestones_goal` ON `milestones` (`goal_id`,`position`);