import { and, eq } from "drizzle-orm";
import { type OutboxRow, outbox } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { OutboxEntry } from "../../../../shared/src/contracts/outbox";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { outboxEntry } from "./views";

/**
 * A failed ("dead") delivery, named by id or key, made pending again: due now, its attempts
 * counted from zero. The message is the one written then: links in it keep their expiry.
 * Undefined when no such row is dead. The caller authorizes, audits and asks for delivery.
 */
export async function requeueDead(
  db: Pick<TenantDb, "update">,
  now: Date,
  which: { id: string } | { key: string },
): Promise<OutboxRow | undefined> {
  const named = "id" in which ? eq(outbox.id, which.id) : eq(outbox.key, which.key);
  const [row] = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now })
    .where(and(named, eq(outbox.status, "dead")))
    .returning();
  return row;
}

/** An admin's retry of one failed delivery (the Email deliveries page). */
export async function retryDelivery({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<OutboxEntry> {
  authorize(ctx.actor, "outbox:manage");
  return ctx.db.transaction(async (tx) => {
    const row = await requeueDead(tx, ctx.now, { id: input.id });
    if (!row) {
      const [other] = await tx
        .select({ status: outbox.status })
        .from(outbox)
        .where(eq(outbox.id, input.id));
      if (!other) throw new AppError("not_found", `No delivery has the id "${input.id}".`);
      throw new AppError(
        "conflict",
        `Only failed deliveries can be retried; this one is ${other.status}.`,
      );
    }
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "outbox.retry",
        subjectType: "outbox",
        subjectId: row.id,
        detail: { channel: row.channel, recipient: row.recipient, lastError: row.lastError },
      },
    );
    return outboxEntry(row);
  });
}
