CREATE TABLE `notification_preferences` (
	`member_id` text PRIMARY KEY NOT NULL,
	`channels` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text NOT NULL,
	`visible_from` integer NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_key` ON `notifications` (`key`);--> statement-breakpoint
CREATE INDEX `notifications_member` ON `notifications` (`member_id`,`visible_from`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`key` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`match_id` text,
	`rule` text NOT NULL,
	`recipient_id` text NOT NULL,
	`channels` text NOT NULL,
	`text` text NOT NULL,
	`send_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reminders_program` ON `reminders` (`program_id`,`send_at`);--> statement-breakpoint
CREATE TABLE `webhook_targets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`url_sealed` text NOT NULL,
	`secret_sealed` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `matches` ADD `next_reminder_at` integer;--> statement-breakpoint
CREATE INDEX `matches_reminders` ON `matches` (`status`,`next_reminder_at`);