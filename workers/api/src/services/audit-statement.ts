import { auditLog } from "../../../../db/tenant/schema";
import { type Actor, auditActor } from "../../../shared/src/actor";
import type { TenantDb } from "../../../shared/src/db";
import type { RequestOrigin } from "../app-env";
import type { AuditEntry } from "./audit";

/**
 * recordAudit's entry as a statement not yet run, for `db.batch([...])` or an open transaction,
 * so the audit row commits together with the change it records (or not at all).
 */
export function auditInsert(
  ctx: { db: Pick<TenantDb, "insert">; now: Date; origin: RequestOrigin; actor?: Actor | null },
  entry: AuditEntry,
) {
  const who = ctx.actor ? auditActor(ctx.actor) : { actorType: "system" as const, actorId: null };
  return ctx.db.insert(auditLog).values({
    at: ctx.now,
    ...who,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    ip: ctx.origin.ip,
    detail: entry.detail ?? {},
  });
}
