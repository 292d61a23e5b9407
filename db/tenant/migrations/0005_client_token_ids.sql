CREATE TABLE `client_token_ids` (
	`client_id` text NOT NULL,
	`jti` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`client_id`, `jti`)
);
--> statement-breakpoint
CREATE INDEX `client_token_ids_exp` ON `client_token_ids` (`expires_at`);