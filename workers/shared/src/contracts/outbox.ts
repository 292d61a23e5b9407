import * as v from "valibot";
import { timestamp } from "./common/json";
import { page, pageQuery } from "./common/pagination";

/**
 * The outbox as admins see it (GET /v1/outbox): what was sent, what waits for a retry and
 * what failed for good ("dead"), never the message itself.
 */
export const outboxStatuses = ["pending", "sent", "dead"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxChannels = ["email", "webhook"] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

export const outboxStatus = v.picklist(
  outboxStatuses,
  'status must be "pending", "sent" or "dead".',
);

/** `GET /v1/outbox?status=&limit=&cursor=`: newest first. */
export const outboxQuery = v.object({ ...pageQuery.entries, status: v.optional(outboxStatus) });

/** One delivery, as admins see it: who, what and how it went; never the message itself. */
export const outboxEntry = v.object({
  id: v.string(),
  channel: v.picklist(outboxChannels),
  /** The email address for email. */
  recipient: v.string(),
  subject: v.string(),
  status: v.picklist(outboxStatuses),
  /** Sends tried since it was written or last retried by an admin. */
  attempts: v.number(),
  /** Why the last attempt failed, in a few words; null when none did. */
  lastError: v.nullable(v.string()),
  createdAt: timestamp,
  /** When the next attempt is due; null unless pending. */
  nextAttemptAt: v.nullable(timestamp),
  sentAt: v.nullable(timestamp),
});
export type OutboxEntry = v.InferOutput<typeof outboxEntry>;
export const outboxPage = page(outboxEntry);
