import type { Tenant } from "../../../../../db/control/schema";
import { auditLog } from "../../../../../db/tenant/schema";
import type { ControlDb, TenantDb } from "../../../../shared/src/platform/db";
import { describeError, type Logger } from "../../../../shared/src/platform/log";
import { type Actor, auditActor } from "../../../../shared/src/security/actor";
import { holdAudit, releaseHeldAudit } from "../../../../shared/src/tenancy/held-audit";
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
  return ctx.db.insert(auditLog).values(auditRow(ctx, entry));
}

function auditRow(ctx: Omit<AuditCtx, "db">, entry: AuditEntry) {
  const who = ctx.actor ? auditActor(ctx.actor) : { actorType: "system" as const, actorId: null };
  return {
    at: ctx.now,
    ...who,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    ip: ctx.origin.ip,
    detail: entry.detail ?? {},
  };
}

interface HeldAuditCtx extends Omit<AuditCtx, "db"> {
  tenant: Pick<Tenant, "id">;
}

/**
 * The entry for a change made in the control database (API clients), as a statement for the
 * control transaction that makes the change; `releaseAudit` then copies it to the tenant.
 */
export function heldAuditInsert(
  ctx: HeldAuditCtx,
  control: Pick<ControlDb, "insert">,
  entry: AuditEntry,
) {
  return holdAudit(control, { tenantId: ctx.tenant.id, ...auditRow(ctx, entry) });
}

interface ReleaseCtx {
  tenant: Pick<Tenant, "id">;
  db: TenantDb;
  control: ControlDb;
  log: Logger;
}

/**
 * Copies this organization's held entries into its audit log now. A failure only delays them:
 * they stay held, and the next write, audit read or sweep copies them.
 */
export async function releaseAudit(ctx: ReleaseCtx): Promise<void> {
  try {
    await releaseHeldAudit(ctx.control, ctx.db, ctx.tenant.id);
  } catch (err) {
    ctx.log.warn("held audit entries not copied yet", { error: describeError(err) });
  }
}
