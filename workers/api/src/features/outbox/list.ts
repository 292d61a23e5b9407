import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { outbox } from "../../../../../db/tenant/schema";
import type { OutboxEntry, OutboxStatus } from "../../../../shared/src/contracts/outbox";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { type Page, pageOf } from "../../http/page";
import { outboxEntry } from "./views";

const cursorPattern = /^(\d{1,16}):([^:]{1,100})$/;

/** Newest first, optionally of one status (`dead`: the failed deliveries admins act on). */
export async function listOutbox({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { limit: number; cursor?: string | undefined; status?: OutboxStatus | undefined };
}): Promise<Page<OutboxEntry>> {
  authorize(ctx.actor, "outbox:manage");
  let before: SQL | undefined;
  if (input.cursor !== undefined) {
    const match = cursorPattern.exec(input.cursor);
    if (!match) throw invalidField("cursor", "cursor is not one this list handed out.");
    const at = new Date(Number(match[1]));
    before = or(lt(outbox.createdAt, at), and(eq(outbox.createdAt, at), lt(outbox.id, match[2]!)));
  }
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(and(input.status ? eq(outbox.status, input.status) : undefined, before))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => `${last.createdAt.getTime()}:${last.id}`);
  return { ...page, items: page.items.map(outboxEntry) };
}
