CREATE TABLE `tenant_schedule` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`next_due_at` integer,
	`swept_at` integer NOT NULL,
	`full_sweep_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tenant_schedule_due` ON `tenant_schedule` (`next_due_at`);--> statement-breakpoint
CREATE INDEX `tenant_schedule_full` ON `tenant_schedule` (`full_sweep_at`);