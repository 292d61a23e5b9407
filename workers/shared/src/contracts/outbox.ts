import * as v from "valibot";

/**
 * The outbox as admins see it (GET /v1/outbox): what was sent, what waits for a retry and
 * what failed for good ("dead"), never the message itself.
 */
export const outboxStatuses = ["pending", "sent", "dead"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxChannels = ["email"] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

export const outboxStatus = v.picklist(
  outboxStatuses,
  'status must be "pending", "sent" or "dead".',
);

/** One delivery. `When` is Date in the API and the ISO string the JSON carries in the web. */
export interface OutboxEntry<When = Date> {
  id: string;
  channel: OutboxChannel;
  /** The email address for email. */
  recipient: string;
  subject: string;
  status: OutboxStatus;
  /** Sends tried since it was written or last retried by an admin. */
  attempts: number;
  /** Why the last attempt failed, in a few words; null when none did. */
  lastError: string | null;
  createdAt: When;
  /** When the next attempt is due; null unless pending. */
  nextAttemptAt: When | null;
  sentAt: When | null;
}
