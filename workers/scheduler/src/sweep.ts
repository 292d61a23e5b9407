import { eq } from "drizzle-orm";
import { tenants } from "../../../db/control/schema";
import { schedulerHeartbeats } from "../../../db/tenant/schema";
import { type ControlDb, isConnectionError } from "../../shared/src/platform/db";
import type { SweepQueue, TenantSweep } from "../../shared/src/platform/platform";
import type { TenantConnections } from "../../shared/src/platform/tenant-connections";
import { tenantSchemaVersion } from "../../shared/src/tenancy/tenants";
import { pruneControl, pruneTenant } from "./housekeeping";

/** Cloudflare Queues accept at most 100 messages per sendBatch call. */
const batchSize = 100;

/**
 * The cron side: one message per active tenant, so each tenant is swept by its own
 * consumer invocation and one tenant's failure or slowness never holds up another's.
 */
export async function enqueueSweeps(
  control: ControlDb,
  queue: SweepQueue,
  tick: Date,
): Promise<number> {
  await pruneControl(control, tick);
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

export type SweepOutcome = "swept" | "skipped";

/** The consumer side: sweep one tenant. Throws to ask the queue for a retry. */
export async function sweepTenant(
  deps: { control: ControlDb; connections: TenantConnections; now: () => Date },
  sweep: TenantSweep,
): Promise<SweepOutcome> {
  const [tenant] = await deps.control.select().from(tenants).where(eq(tenants.id, sweep.tenantId));
  if (tenant?.status !== "active") return "skipped";
  if (tenant.schemaVersion < tenantSchemaVersion) {
    throw new Error(`Tenant "${tenant.slug}" awaits migration; retrying later.`);
  }
  try {
    const db = await deps.connections.db(tenant);
    await db
      .insert(schedulerHeartbeats)
      .values({ tick: sweep.tick, processedAt: deps.now() })
      .onConflictDoNothing();
    await pruneTenant(db, deps.now());
  } catch (err) {
    // A broken client must not be reused by the retry.
    if (isConnectionError(err)) deps.connections.evict(tenant.id);
    throw err;
  }
  return "swept";
}
