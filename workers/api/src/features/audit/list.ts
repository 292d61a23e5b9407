import { desc, lt } from "drizzle-orm";
import { auditLog } from "../../../../../db/tenant/schema";
import type { AuditEntryView } from "../../../../shared/src/contracts/audit";
import { AppError } from "../../../../shared/src/contracts/errors";
import type { Page } from "../../../../shared/src/contracts/pagination";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { pageOf } from "../../http/page";

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
  let before: number | undefined;
  if (input.cursor !== undefined) {
    before = Number(input.cursor);
    if (!/^\d{1,15}$/.test(input.cursor) || !Number.isSafeInteger(before)) {
      throw new AppError("validation", "cursor: pass back a nextCursor from this list.", {
        errors: [{ field: "cursor", message: "Pass back a nextCursor from this list." }],
      });
    }
  }
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(before === undefined ? undefined : lt(auditLog.id, before))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => String(last.id));
  return { ...page, items: page.items.map(auditEntryView) };
}
