import { eq, sql } from "drizzle-orm";
import { tenantSchedule, tenants } from "../../../db/control/schema";
import type { ControlDb } from "../../shared/src/platform/db";
import type { SweepQueue, TenantSweep } from "../../shared/src/platform/platform";

/** Cloudflare Queues accept at most 100 messages per sendBatch call. */
const batchSize = 100;

const hour = 60 * 60 * 1000;

/**
 * Where in each hour a tenant's full sweep falls: a fixed offset from its id, so full sweeps
 * spread evenly over the ticks of an hour instead of all landing on the first one after a
 * deploy. Any tick after the slot passes runs it, so a missed tick only delays it.
 */
export function fullSweepOffset(tenantId: string): number {
  let hash = 2166136261;
  for (const char of tenantId) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % hour;
}

/** The latest moment, at or before `tick`, when the tenant's hourly full sweep fell due. */
function lastFullSlot(tenantId: string, tick: Date): number {
  const slot = Math.floor(tick.getTime() / hour) * hour + fullSweepOffset(tenantId);
  return slot <= tick.getTime() ? slot : slot - hour;
}

/**
 * The sweeps a tick asks for, read from the control DB alone (no tenant DB is opened):
 * a full sweep for a tenant never swept, or whose hourly slot passed since its last full
 * sweep; a partial sweep for one whose earliest due moment has come. Nothing for the rest.
 */
export async function dueSweeps(control: ControlDb, tick: Date): Promise<TenantSweep[]> {
  const rows = await control
    .select({
      id: tenants.id,
      nextDueAt: tenantSchedule.nextDueAt,
      fullSweepAt: tenantSchedule.fullSweepAt,
      scheduled: sql<number | null>`${tenantSchedule.tenantId} is not null`,
    })
    .from(tenants)
    .leftJoin(tenantSchedule, eq(tenantSchedule.tenantId, tenants.id))
    .where(eq(tenants.status, "active"));
  const at = tick.toISOString();
  return rows.flatMap((t): TenantSweep[] => {
    const full =
      !t.scheduled || !t.fullSweepAt || t.fullSweepAt.getTime() < lastFullSlot(t.id, tick);
    if (full) return [{ tenantId: t.id, tick: at, full: true }];
    if (t.nextDueAt && t.nextDueAt <= tick) return [{ tenantId: t.id, tick: at, full: false }];
    return [];
  });
}

/**
 * The cron side: one message per tenant with something to do, so each tenant is swept by its
 * own consumer invocation and one tenant's failure or slowness never holds up another's.
 */
export async function enqueueSweeps(
  control: ControlDb,
  queue: SweepQueue,
  tick: Date,
): Promise<number> {
  const sweeps = await dueSweeps(control, tick);
  for (let i = 0; i < sweeps.length; i += batchSize) {
    await queue.sendBatch(sweeps.slice(i, i + batchSize).map((body) => ({ body })));
  }
  return sweeps.length;
}

/**
 * What a finished sweep leaves for the next tick: when the tenant is next due (null: nothing
 * known to be due; its hourly full sweep still comes), when it was swept, and, for a full
 * sweep, that it was full. Written by the sweep only. A tenant's first sweep, if partial,
 * records no full sweep, so the next tick sweeps it fully.
 */
export async function recordSweep(
  control: ControlDb,
  tenantId: string,
  sweep: { nextDueAt: Date | null; at: Date; full: boolean },
): Promise<void> {
  await control
    .insert(tenantSchedule)
    .values({
      tenantId,
      nextDueAt: sweep.nextDueAt,
      sweptAt: sweep.at,
      fullSweepAt: sweep.full ? sweep.at : new Date(0),
    })
    .onConflictDoUpdate({
      target: tenantSchedule.tenantId,
      set: {
        nextDueAt: sweep.nextDueAt,
        sweptAt: sweep.at,
        ...(sweep.full ? { fullSweepAt: sweep.at } : {}),
      },
    });
}

/**
 * Brings a tenant's next due moment forward (never back): a delivery that will retry later
 * makes the tenant due then, without waiting for its hourly sweep. No row: the next tick
 * sweeps the tenant anyway.
 */
export async function bringForward(control: ControlDb, tenantId: string, at: Date) {
  await control
    .update(tenantSchedule)
    .set({
      nextDueAt: sql`min(coalesce(${tenantSchedule.nextDueAt}, ${at.getTime()}), ${at.getTime()})`,
    })
    .where(eq(tenantSchedule.tenantId, tenantId));
}
