CREATE TABLE `held_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`ip` text,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `held_audit_tenant` ON `held_audit` (`tenant_id`,`at`);