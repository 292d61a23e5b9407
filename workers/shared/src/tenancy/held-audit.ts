import { and, asc, eq, inArray } from "drizzle-orm";
import { heldAudit } from "../../../../db/control/schema";
import { auditLog } from "../../../../db/tenant/schema";
import type { ControlDb, TenantDb } from "../platform/db";

/** How many held entries one pass copies; the rest wait for the next pass. */
const passSize = 100;

export type HeldAuditEntry = Omit<typeof heldAudit.$inferInsert, "id">;

/**
 * The held entry for a change made in the control database, as a statement to run in the
 * same transaction (or batch) as that change.
 */
export function holdAudit(control: Pick<ControlDb, "insert">, entry: HeldAuditEntry) {
  return control
    .insert(heldAudit)
    .values({ id: `held_${crypto.randomUUID().replaceAll("-", "")}`, ...entry });
}

/**
 * Copies one organization's held audit entries into its own audit log, oldest first, and then
 * lets go of them. Safe to run any number of times, concurrently or after a crash between the
 * two steps: an entry's held id is unique in the audit log, so a copy never lands twice.
 * Returns how many entries it moved.
 */
export async function releaseHeldAudit(
  control: ControlDb,
  tenantDb: TenantDb,
  tenantId: string,
): Promise<number> {
  const held = await control
    .select()
    .from(heldAudit)
    .where(eq(heldAudit.tenantId, tenantId))
    .orderBy(asc(heldAudit.at), asc(heldAudit.id))
    .limit(passSize);
  if (held.length === 0) return 0;
  await tenantDb
    .insert(auditLog)
    .values(held.map(({ id, tenantId: _tenant, ...entry }) => ({ ...entry, heldId: id })))
    .onConflictDoNothing({ target: auditLog.heldId });
  await control.delete(heldAudit).where(
    and(
      eq(heldAudit.tenantId, tenantId),
      inArray(
        heldAudit.id,
        held.map((entry) => entry.id),
      ),
    ),
  );
  return held.length;
}
