import { auditLog } from "../../../../db/tenant/schema";
import { type Actor, auditActor } from "../../../shared/src/actor";
import type { TenantDb } from "../../../shared/src/db";
import type { RequestOrigin } from "../app-env";

export interface AuditEntry {
  /** Dotted verb, e.g. "member.invite", "auth.sign_in_failed", "client.revoke". */
  action: string;
  subjectType?: string;
  subjectId?: string;
  /** What changed; never passwords, tokens or other secrets. */
  detail?: Record<string, unknown>;
}

/** Who did what, when and from where, in the organization's own audit log. */
export async function recordAudit(
  ctx: { db: TenantDb; now: Date; origin: RequestOrigin; actor?: Actor | null },
  entry: AuditEntry,
): Promise<void> {
  const who = ctx.actor ? auditActor(ctx.actor) : { actorType: "system" as const, actorId: null };
  await ctx.db.insert(auditLog).values({
    at: ctx.now,
    ...who,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    ip: ctx.origin.ip,
    detail: entry.detail ?? {},
  });
}
