ALTER TABLE `audit_log` ADD `held_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_held` ON `audit_log` (`held_id`);