import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { outboxChannels } from "../../../workers/shared/src/contracts/outbox";

/**
 * What the payload column holds: the message, sealed with the platform's key, because emails
 * carry single-use links (invitations, resets, confirmations) that must not be readable at rest.
 */
export interface SealedPayload {
  sealed: string;
}

/**
 * Every side effect that leaves Tandem (emails, webhook posts), written in the same transaction as its cause and delivered by the queue consumer.
 * `key` is deterministic from the cause, so a retried request or a repeated cron tick adds
 * nothing twice. Recipient and subject stay readable so admins can see what failed; the
 * payload is cleared once sent.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    channel: text("channel", { enum: outboxChannels }).notNull(),
    /** An email address for email; the target's id for a webhook. */
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    payload: text("payload", { mode: "json" }).$type<SealedPayload>(),
    status: text("status", { enum: ["pending", "sent", "dead"] }).notNull(),
    /** Sends started; also fences a deliverer whose lease ran out (see delivery/claim.ts). */
    attempts: integer("attempts").notNull().default(0),
    /** When a pending row is due; while a deliverer holds it, when its lease ends. */
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    /** Short, for admins: a provider status or our own words, never a message body. */
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("outbox_key").on(t.key),
    index("outbox_due").on(t.status, t.nextAttemptAt),
    index("outbox_sent_at").on(t.sentAt),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
