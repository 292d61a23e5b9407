import { auditLog } from "../../../../../db/tenant/schema";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { type Actor, auditActor } from "../../../../shared/src/security/actor";
import type { RequestOrigin } from "../../http/app-env";

export interface AuditEntry {
  /** Dotted verb, e.g. "member.invite", "auth.sign_in_failed", "client.revoke". */
  action: string;
  subjectType?: string;
  subjectId?: string;
  /** What changed; never passwords, tokens or other secrets. */
  detail?: Record<string, unknown>;
}

/** `db` may be an open transaction; without an actor the entry names the system. */
interface AuditCtx {
  db: Pick<TenantDb, "insert">;
  now: Date;
  origin: RequestOrigin;
  actor?: Actor | null;
}

/**
 * The entry as a statement not yet run, for `db.batch([...])` or an open transaction, so the
 * audit row commits together with the change it records (or not at all).
 */
export function auditInsert(ctx: AuditCtx, entry: AuditEntry) {
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

/**
 * Who did what, when and from where, in the organization's own audit log, written at once:
 * for changes made elsewhere (the control database) that no tenant transaction can hold.
 */
export async function recordAudit(ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  await auditInsert(ctx, entry);
}
