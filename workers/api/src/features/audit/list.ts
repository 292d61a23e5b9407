import { desc, lt } from "drizzle-orm";
import { auditLog } from "../../../../../db/tenant/schema";
import type { AuditEntryView } from "../../../../shared/src/contracts/audit";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, seqKey } from "../../http/pagination";

type AuditRow = typeof auditLog.$inferSelect;

const auditEntryView = (row: AuditRow): AuditEntryView => ({
  id: row.id,
  at: row.at.toISOString(),
  actorType: row.actorType,
  actorId: row.actorId,
  action: row.action,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  ip: row.ip,
  detail: row.detail,
});

/** Newest first. Ids only grow, so the cursor is the last id seen and pages never overlap. */
export async function listAuditLog({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { limit: number; cursor?: string | undefined };
}): Promise<Page<AuditEntryView>> {
  authorize(ctx.actor, "audit:read");
  const before = input.cursor === undefined ? undefined : decodeCursor(input.cursor, seqKey)[0];
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(before === undefined ? undefined : lt(auditLog.id, before))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.id]);
  return { ...page, items: page.items.map(auditEntryView) };
}
