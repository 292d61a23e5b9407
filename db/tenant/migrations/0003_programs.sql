CREATE TABLE `enrollments` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`answers` text NOT NULL,
	`decision_message` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrollments_program_member` ON `enrollments` (`program_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `enrollments_program_status` ON `enrollments` (`program_id`,`status`);--> statement-breakpoint
CREATE INDEX `enrollments_member` ON `enrollments` (`member_id`);--> statement-breakpoint
CREATE TABLE `member_profiles` (
	`member_id` text PRIMARY KEY NOT NULL,
	`interests` text NOT NULL,
	`skills` text NOT NULL,
	`department` text,
	`seniority` text,
	`languages` text NOT NULL,
	`availability` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `program_rule_versions` (
	`program_id` text NOT NULL,
	`version` integer NOT NULL,
	`rules` text NOT NULL,
	`effective_from` integer NOT NULL,
	`changed_by` text,
	PRIMARY KEY(`program_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `programs` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`audience` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`relationship_length_days` integer,
	`template_key` text,
	`rules` text NOT NULL,
	`rules_version` integer DEFAULT 1 NOT NULL,
	`application_form` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `programs_status` ON `programs` (`status`);--> statement-breakpoint
CREATE TABLE `training_completions` (
	`resource_id` text NOT NULL,
	`member_id` text NOT NULL,
	`completed_at` integer NOT NULL,
	PRIMARY KEY(`resource_id`, `member_id`)
);
--> statement-breakpoint
CREATE INDEX `training_completions_member` ON `training_completions` (`member_id`);--> statement-breakpoint
CREATE TABLE `training_resources` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`url` text,
	`body` text,
	`quiz` text,
	`required_for` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `training_resources_program` ON `training_resources` (`program_id`);