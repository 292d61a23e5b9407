import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tenants } from "../../../db/control/schema";
import { startScheduler } from "../../../host/scheduler";
import { enqueueSweeps, sweepTenant } from "../../../workers/scheduler/src/sweep";
import { findTenantBySlug, setTenantStatus } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  // The host's real consumer wiring; the cron is stopped at once and ticks are sent by hand.
  startScheduler(h.platform, h.queue, h.platform.log, "0 0 0 1 1 *").stop();
  for (const slug of ["alpha", "bravo", "charlie"]) await h.createTenant(slug);
});
afterEach(() => h.close());

async function heartbeats(slug: string): Promise<string[]> {
  const client = await h.platform.connections.client(
    await findTenantBySlug(h.platform.control, slug),
  );
  const rs = await client.execute("SELECT tick FROM scheduler_heartbeats ORDER BY tick");
  return rs.rows.map((r) => String(r.tick));
}

async function tick(at: string) {
  const count = await enqueueSweeps(h.platform.control, h.queue, new Date(at));
  await h.queue.idle();
  return count;
}

describe("scheduler sweeps", () => {
  it("records a heartbeat for each active tenant and none for a suspended one", async () => {
    await setTenantStatus(h.operator, "charlie", "suspended");
    const at = "2030-05-01T09:00:00.000Z";

    expect(await tick(at)).toBe(2);

    expect(await heartbeats("alpha")).toEqual([at]);
    expect(await heartbeats("bravo")).toEqual([at]);
    expect(await heartbeats("charlie")).toEqual([]);
    expect(h.queue.deadLetters).toEqual([]);
  });

  it("keeps one heartbeat per tenant when the same tick is delivered twice", async () => {
    const at = "2030-05-01T09:01:00.000Z";
    await tick(at);
    await tick(at);
    for (const slug of ["alpha", "bravo", "charlie"]) expect(await heartbeats(slug)).toEqual([at]);
  });

  it("records one heartbeat per tick across ticks", async () => {
    await tick("2030-05-01T09:02:00.000Z");
    await tick("2030-05-01T09:03:00.000Z");
    expect(await heartbeats("bravo")).toEqual([
      "2030-05-01T09:02:00.000Z",
      "2030-05-01T09:03:00.000Z",
    ]);
  });

  it("skips a tenant suspended after its sweep was enqueued", async () => {
    const alpha = await findTenantBySlug(h.platform.control, "alpha");
    await setTenantStatus(h.operator, "alpha", "suspended");
    const outcome = await sweepTenant(h.platform, {
      tenantId: alpha.id,
      tick: "2030-05-01T09:04:00.000Z",
    });
    expect(outcome).toBe("skipped");
    expect(await heartbeats("alpha")).toEqual([]);
  });

  it("retries, then dead-letters, an unreachable tenant; the others get heartbeats", async () => {
    const bravo = await findTenantBySlug(h.platform.control, "bravo");
    await h.breakTenantDb("bravo");
    const at = "2030-05-01T09:05:00.000Z";

    expect(await tick(at)).toBe(3);

    expect(await heartbeats("alpha")).toEqual([at]);
    expect(await heartbeats("charlie")).toEqual([at]);
    expect(h.queue.deadLetters).toHaveLength(1);
    expect(h.queue.deadLetters[0]!.body).toEqual({ tenantId: bravo.id, tick: at, full: true });
    const about = (msg: string) =>
      h.logs.filter((l) => l.msg === msg && l.tenantId === bravo.id).map((l) => l.attempt);
    expect(about("sweep failed; will retry")).toEqual([1, 2]);
    expect(about("sweep dead-lettered")).toEqual([3]);
    expect(h.rawLogs.join("\n")).not.toContain("file:/nonexistent-dir");
  });

  it("retries a tenant that awaits migration instead of writing to an old schema", async () => {
    const alpha = await findTenantBySlug(h.platform.control, "alpha");
    await h.platform.control
      .update(tenants)
      .set({ schemaVersion: 0 })
      .where(eq(tenants.id, alpha.id));
    const at = "2030-05-01T09:06:00.000Z";

    await tick(at);

    expect(await heartbeats("alpha")).toEqual([]);
    expect(await heartbeats("bravo")).toEqual([at]);
    expect(h.queue.deadLetters.map((d) => d.body.tenantId)).toEqual([alpha.id]);
    expect(h.queue.deadLetters[0]!.error).toContain('Tenant "alpha" awaits migration');
  });
});
