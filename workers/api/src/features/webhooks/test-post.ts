import { eq } from "drizzle-orm";
import { outbox } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { OutboxEntry } from "../../../../shared/src/contracts/outbox";
import { oneLine } from "../../../../shared/src/platform/mail";
import { authorize } from "../../../../shared/src/security/actor";
import { auditInsert } from "../audit";
import { outboxEntry } from "../outbox";
import type { WebhooksCtx } from "./context";
import { findWebhookTarget } from "./targets";

/**
 * Queues a test post to an active target, so an admin sees the channel work (or why not) on
 * the deliveries page before the first reminder. Each call is a post of its own.
 */
export async function sendTestPost({
  ctx,
  input,
}: {
  ctx: WebhooksCtx;
  input: { id: string };
}): Promise<OutboxEntry> {
  authorize(ctx.actor, "webhooks:manage");
  const target = await findWebhookTarget(ctx, input.id);
  if (target.status !== "active") {
    throw new AppError("conflict", "This webhook target is disabled: enable it to test it.");
  }
  const key = `webhook-test:${crypto.randomUUID()}`;
  const text =
    `Tandem test post for ${oneLine(ctx.tenant.name)}: "${oneLine(target.name)}" is connected. ` +
    "Coordinator reminders of programs that use the webhook channel will be posted here.";
  await ctx.db.batch([
    ...(await ctx.outbox.webhook(
      { targetId: target.id, text },
      key,
      `Test post to ${oneLine(target.name)}`,
    )),
    auditInsert(ctx, {
      action: "webhook_target.test",
      subjectType: "webhook_target",
      subjectId: target.id,
      detail: { name: target.name },
    }),
  ]);
  const [row] = await ctx.db.select().from(outbox).where(eq(outbox.key, key));
  return outboxEntry(row!);
}
