import { eq, min } from "drizzle-orm";
import { type Tenant, tenants } from "../../../db/control/schema";
import { outbox, schedulerHeartbeats } from "../../../db/tenant/schema";
import { type ControlDb, databaseFault, type TenantDb } from "../../shared/src/platform/db";
import type { TenantSweep } from "../../shared/src/platform/platform";
import type { TenantConnections } from "../../shared/src/platform/tenant-connections";
import { earliest } from "../../shared/src/reminders-sweep";
import { releaseHeldAudit } from "../../shared/src/tenancy/held-audit";
import { tenantSchemaVersion } from "../../shared/src/tenancy/tenants";
import { type DeliveryDeps, type DeliveryReport, deliverOutbox } from "./delivery";
import { bringForward, recordSweep } from "./fan-out";

export { enqueueSweeps } from "./fan-out";

import { pruneTenant } from "./housekeeping";
import { createDueCheckIns } from "./jobs/check-ins";
import { startPlannedClosures } from "./jobs/closure";
import { refreshAllHealth } from "./jobs/health";
import { expireMatchRequests } from "./jobs/match-requests";
import { markMissedMeetings } from "./jobs/missed-meetings";
import { sendDueReminders } from "./jobs/reminders";

/** What the consumer needs: the control DB, tenant clients, and how to deliver. */
export interface SchedulerDeps extends DeliveryDeps {
  control: ControlDb;
  connections: TenantConnections;
  /** Where links in the emails the sweep writes point (the web client's address). */
  publicUrl: string;
}

/**
 * Runs `work` on an active tenant's database; "skipped" for a tenant that is not active.
 * Throws (asking the queue for a retry) while its schema is behind or its database fails.
 */
async function withActiveTenant<T>(
  deps: Pick<SchedulerDeps, "control" | "connections">,
  tenantId: string,
  work: (tenant: Tenant, db: TenantDb) => Promise<T>,
): Promise<T | "skipped"> {
  const [tenant] = await deps.control.select().from(tenants).where(eq(tenants.id, tenantId));
  if (tenant?.status !== "active") return "skipped";
  if (tenant.schemaVersion < tenantSchemaVersion) {
    throw new Error(`Tenant "${tenant.slug}" awaits migration; retrying later.`);
  }
  try {
    return await work(tenant, await deps.connections.db(tenant));
  } catch (err) {
    const fault = databaseFault(err);
    if (!fault) throw err;
    // A broken client must not be reused by the retry.
    if (fault.kind === "unreachable") deps.connections.evict(tenant.id);
    throw new TenantUnavailableError(tenant.slug, fault.reason, err);
  }
}

/** The sweep's word for a tenant whose database failed it: which tenant, and why (a code). */
export class TenantUnavailableError extends Error {
  constructor(slug: string, reason: string, cause: unknown) {
    super(`Tenant "${slug}" is unavailable (${reason}); retrying later.`, { cause });
    this.name = "TenantUnavailableError";
  }
}

export type SweepOutcome = "swept" | "skipped";

/**
 * The consumer side: sweep one tenant, then deliver its outbox, so a row whose nudge was
 * lost (a crash between the write and the send) goes out at the next tick. A full sweep (the
 * hourly one) also runs the jobs that move by the day; a partial one looks only at what is
 * due. Either ends by recording when the tenant is next due, for the cron's fan-out.
 */
export async function sweepTenant(deps: SchedulerDeps, sweep: TenantSweep): Promise<SweepOutcome> {
  const full = sweep.full ?? true;
  return withActiveTenant(deps, sweep.tenantId, async (tenant, db) => {
    await db
      .insert(schedulerHeartbeats)
      .values({ tick: sweep.tick, processedAt: deps.now() })
      .onConflictDoNothing();
    if (full) await dailyJobs(deps, tenant, db);
    await expireMatchRequests(deps, tenant, db);
    const reminders = await sendDueReminders(deps, tenant, db, full);
    await deliverOutbox(deps, tenant, db);
    const nextDueAt = earliest(reminders.nextDueAt, await nextDelivery(db));
    await recordSweep(deps.control, tenant.id, { nextDueAt, at: deps.now(), full });
    return "swept" as const;
  });
}

/**
 * The jobs whose subject moves by the day, so running them hourly loses nothing: check-ins
 * open on a calendar day (and are created when read anyway), a meeting is missed a day after
 * its end, health counts days, planned ends fall on a day, and pruning and held audit copies
 * are housekeeping. Closures run before reminders so a pair at its end is not reminded.
 */
async function dailyJobs(deps: SchedulerDeps, tenant: Tenant, db: TenantDb) {
  await pruneTenant(db, deps.now());
  await createDueCheckIns(deps, db);
  await markMissedMeetings(db, deps.now());
  await refreshAllHealth(db, deps.now());
  await startPlannedClosures(deps, tenant, db);
  await releaseHeldAudit(deps.control, db, tenant.id);
}

/** When the earliest outbox row waiting (a retry, a reminder held past quiet hours) is due. */
async function nextDelivery(db: TenantDb): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(outbox.nextAttemptAt) })
    .from(outbox)
    .where(eq(outbox.status, "pending"));
  return row?.at ?? null;
}

/**
 * Delivers one tenant's due outbox rows now. A row left to retry later makes the tenant due
 * then, so the retry does not wait for the hourly sweep.
 */
export function deliverTenant(
  deps: SchedulerDeps,
  tenantId: string,
): Promise<DeliveryReport | "skipped"> {
  return withActiveTenant(deps, tenantId, async (tenant, db) => {
    const report = await deliverOutbox(deps, tenant, db);
    const next = report.retrying > 0 ? await nextDelivery(db) : null;
    if (next) await bringForward(deps.control, tenant.id, next);
    return report;
  });
}
