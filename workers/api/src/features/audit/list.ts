import { desc, lt } from "drizzle-orm";
import { auditLog } from "../../../../../db/tenant/schema";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, type Page, pageOf, seqKey } from "../../http/pagination";

export interface AuditEntryView {
  id: number;
  at: Date;
  actorType: "member" | "client" | "system" | "operator";
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

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
  return pageOf(rows, input.limit, (last) => [last.id]);
}
