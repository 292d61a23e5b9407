import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { outbox } from "../../../../../db/tenant/schema";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type { OutboxEntry, OutboxStatus } from "../../../../shared/src/contracts/outbox";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { outboxEntry } from "./views";

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
    const [ms, id] = decodeCursor(input.cursor, timeIdKey);
    const at = new Date(ms);
    before = or(lt(outbox.createdAt, at), and(eq(outbox.createdAt, at), lt(outbox.id, id)));
  }
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(and(input.status ? eq(outbox.status, input.status) : undefined, before))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.createdAt.getTime(), last.id]);
  return { ...page, items: page.items.map(outboxEntry) };
}
