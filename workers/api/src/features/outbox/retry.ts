import { and, eq } from "drizzle-orm";
import { outbox } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { OutboxEntry } from "../../../../shared/src/contracts/outbox";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { outboxEntry } from "./views";

/**
 * Gives a failed ("dead") delivery a fresh start: pending again, due now, its attempts
 * counted from zero. The message is the one written then: links in it keep their expiry.
 */
export async function retryDelivery({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<OutboxEntry> {
  authorize(ctx.actor, "outbox:manage");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: ctx.now })
      .where(and(eq(outbox.id, input.id), eq(outbox.status, "dead")))
      .returning();
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
