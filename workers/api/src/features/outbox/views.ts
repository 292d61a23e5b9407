import type { OutboxRow } from "../../../../../db/tenant/schema";
import type { OutboxEntry } from "../../../../shared/src/contracts/outbox";

/** A row as admins see it: who, what and how it went; the sealed payload never leaves. */
export function outboxEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
