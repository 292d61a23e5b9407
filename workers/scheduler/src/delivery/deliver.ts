import pLimit from "p-limit";
import type { Tenant } from "../../../../db/control/schema";
import type { OutboxRow, SealedPayload } from "../../../../db/tenant/schema";
import type { TenantDb } from "../../../shared/src/platform/db";
import { describeError, type Logger } from "../../../shared/src/platform/log";
import { MailNotSent, type MailTransport } from "../../../shared/src/platform/mail";
import { openMessage } from "../../../shared/src/platform/outbox-payload";
import { claimDue, settle } from "./claim";
import { afterFailure, type Failure, maxAttempts } from "./retry";
import { postWebhook } from "./webhook";

export interface DeliveryDeps {
  mail: MailTransport;
  /** Opens the sealed payloads the API wrote. */
  sealKey: string;
  now: () => Date;
  log: Logger;
  /** For the retry jitter; tests pass a fixed one. */
  random?: () => number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  dead: number;
}

/** Rows claimed per round, and sends in flight at once: gentle on providers' rate limits. */
const batchSize = 25;
const concurrency = 4;
/** Per call; whatever is left is due and taken by the next nudge or sweep. */
const maxRounds = 40;

/**
 * Delivers this tenant's due outbox rows: claims a batch (two deliverers never get the same
 * row), sends each with its key as the provider's idempotency key, records the outcome,
 * and goes on while batches come back full. A failing row is rescheduled or dead-lettered
 * in the row itself; only the database failing makes this throw.
 */
export async function deliverOutbox(
  deps: DeliveryDeps,
  tenant: Pick<Tenant, "id" | "slug">,
  db: TenantDb,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0 };
  const limit = pLimit(concurrency);
  for (let round = 0; round < maxRounds; round++) {
    const claimed = await claimDue(db, deps.now(), batchSize);
    await Promise.all(claimed.map((row) => limit(() => deliverOne(deps, tenant, db, row, report))));
    if (claimed.length < batchSize) break;
  }
  return report;
}

async function deliverOne(
  deps: DeliveryDeps,
  tenant: Pick<Tenant, "id" | "slug">,
  db: TenantDb,
  row: OutboxRow,
  report: DeliveryReport,
): Promise<void> {
  const failure = await send(deps, tenant, db, row);
  const now = deps.now();
  if (!failure) {
    await settle(db, row, { status: "sent" }, now);
    report.sent++;
    return;
  }
  const next = afterFailure(row.attempts, failure, now, deps.random);
  await settle(db, row, next, now);
  report[next.status === "dead" ? "dead" : "retrying"]++;
  // The row's id and the reason only: never the recipient's message or its links.
  deps.log[next.status === "dead" ? "error" : "warn"]("outbox delivery failed", {
    tenant: tenant.slug,
    outboxId: row.id,
    attempt: row.attempts,
    status: next.status,
    error: next.lastError,
  });
}

/** Sends one claimed row; the failure, if any, with whether trying again can help. */
async function send(
  deps: DeliveryDeps,
  tenant: Pick<Tenant, "id">,
  db: TenantDb,
  row: OutboxRow,
): Promise<Failure | null> {
  // A row taken over after deliverers died mid-send, again and again, counts those tries too.
  if (row.attempts > maxAttempts) {
    return { permanent: true, reason: `Gave up after ${maxAttempts} attempts.` };
  }
  const { key, payload } = row;
  if (!payload) return { permanent: true, reason: "Nothing to send: the message is missing." };
  if (row.channel === "webhook") return postWebhook(deps, db, { key, payload });
  return sendEmail(deps, tenant, { key, payload });
}

async function sendEmail(
  deps: DeliveryDeps,
  tenant: Pick<Tenant, "id">,
  row: { key: string; payload: SealedPayload },
): Promise<Failure | null> {
  let message: Awaited<ReturnType<typeof openMessage>>;
  try {
    message = await openMessage(deps.sealKey, row.payload);
  } catch {
    return { permanent: true, reason: "The stored message could not be opened." };
  }
  try {
    // Prefixed with the tenant: one provider account serves every organization.
    await deps.mail.send(message, { idempotencyKey: `${tenant.id}:${row.key}` });
    return null;
  } catch (err) {
    if (err instanceof MailNotSent) return { permanent: err.permanent, reason: err.message };
    return { permanent: false, reason: describeError(err) };
  }
}
