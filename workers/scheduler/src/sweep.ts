import { eq } from "drizzle-orm";
import { type Tenant, tenants } from "../../../db/control/schema";
import { schedulerHeartbeats } from "../../../db/tenant/schema";
import { type ControlDb, databaseFault, type TenantDb } from "../../shared/src/platform/db";
import type { SweepQueue, TenantSweep } from "../../shared/src/platform/platform";
import type { TenantConnections } from "../../shared/src/platform/tenant-connections";
import { releaseHeldAudit } from "../../shared/src/tenancy/held-audit";
import { tenantSchemaVersion } from "../../shared/src/tenancy/tenants";
import { type DeliveryDeps, type DeliveryReport, deliverOutbox } from "./delivery";
import { pruneTenant } from "./housekeeping";
import { createDueCheckIns } from "./jobs/check-ins";
import { startPlannedClosures } from "./jobs/closure";
import { refreshAllHealth } from "./jobs/health";
import { expireMatchRequests } from "./jobs/match-requests";
import { markMissedMeetings } from "./jobs/missed-meetings";
import { sendDueReminders } from "./jobs/reminders";

/** Cloudflare Queues accept at most 100 messages per sendBatch call. */
const batchSize = 100;

/** What the consumer needs: the control DB, tenant clients, and how to deliver. */
export interface SchedulerDeps extends DeliveryDeps {
  control: ControlDb;
  connections: TenantConnections;
  /** Where links in the emails the sweep writes point (the web client's address). */
  publicUrl: string;
}

/**
 * The cron side: one message per active tenant, so each tenant is swept by its own
 * consumer invocation and one tenant's failure or slowness never holds up another's.
 */
export async function enqueueSweeps(
  control: ControlDb,
  queue: SweepQueue,
  tick: Date,
): Promise<number> {
  const active = await control
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.status, "active"));
  for (let i = 0; i < active.length; i += batchSize) {
    await queue.sendBatch(
      active
        .slice(i, i + batchSize)
        .map((t) => ({ body: { tenantId: t.id, tick: tick.toISOString() } })),
    );
  }
  return active.length;
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
 * lost (a crash between the write and the send) goes out at the next tick.
 */
export async function sweepTenant(deps: SchedulerDeps, sweep: TenantSweep): Promise<SweepOutcome> {
  return withActiveTenant(deps, sweep.tenantId, async (tenant, db) => {
    await db
      .insert(schedulerHeartbeats)
      .values({ tick: sweep.tick, processedAt: deps.now() })
      .onConflictDoNothing();
    await pruneTenant(db, deps.now());
    await expireMatchRequests(deps, tenant, db);
    await createDueCheckIns(deps, db);
    await markMissedMeetings(db, deps.now());
    await refreshAllHealth(db, deps.now());
    await startPlannedClosures(deps, tenant, db);
    await sendDueReminders(deps, tenant, db);
    await releaseHeldAudit(deps.control, db, tenant.id);
    await deliverOutbox(deps, tenant, db);
    return "swept" as const;
  });
}

/** Delivers one tenant's due outbox rows now. */
export function deliverTenant(
  deps: SchedulerDeps,
  tenantId: string,
): Promise<DeliveryReport | "skipped"> {
  return withActiveTenant(deps, tenantId, (tenant, db) => deliverOutbox(deps, tenant, db));
}
