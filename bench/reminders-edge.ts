/**
 * A tenant sweep's CPU time in workerd: the wrangler-built scheduler bundle in Miniflare,
 * tenant databases behind the test libSQL gateway (in this Node process), email to the local
 * provider stand-in (also here). Inside workerd the clock stands still while code runs, so the
 * Worker cannot time itself; instead the workerd process's own CPU time (user + system, from
 * /proc) is read before and after its consumer sweeps every tenant, and divided by the number
 * of sweeps. That includes workerd's share of queue and HTTP handling, and the (idle) API
 * Worker beside it: an upper bound on what the sweep itself costs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gte, sql } from "drizzle-orm";
import { tenantSchedule } from "../db/control/schema";
import { connectNode } from "../host/platform";
import buildBundles from "../test/support/build";
import { startEdge } from "../test/support/edge-harness";
import { startMailProvider } from "../test/support/mail-provider";
import { tenantDb } from "../workers/shared/src/platform/db";
import { seedTenant } from "./reminders-seed";

export interface EdgeSweeps {
  tenants: number;
  /** A tenant's first-ever sweep: all its history due at once, ~770 emails sent over HTTP. */
  firstMs: number;
  fullMs: number;
  partialMs: number;
  fanOutMs: number;
}

const tenantCount = 20;
/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
const ticksPerSecond = 100;

/** The workerd processes this one started (Miniflare runs workerd as a child). */
function workerdPids(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return stat.includes("(workerd)") && Number(fields[1]) === process.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** CPU milliseconds (user + system) the processes have used so far. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}

async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("workerd did not finish its sweeps in 2 minutes");
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function measureEdgeSweeps(): Promise<EdgeSweeps> {
  buildBundles();
  const provider = await startMailProvider();
  const edge = await startEdge({ schedulerBindings: provider.env });
  try {
    const now = new Date();
    for (let t = 0; t < tenantCount; t++) {
      const slug = `edge-bench-${t}`;
      await edge.createTenant(slug);
      const client = connectNode(edge.gateway.databaseUrl(slug), edge.gateway.token);
      await seedTenant(tenantDb(client), 2000 + t, now);
      client.close();
    }
    const pids = workerdPids();
    if (pids.length === 0) throw new Error("no workerd process found under this one");
    const scheduler = await edge.mf.getWorker("scheduler");
    const control = edge.operator.control;
    const sweptSince = async (since: Date) => {
      const [row] = await control
        .select({ n: sql<number>`count(*)` })
        .from(tenantSchedule)
        .where(gte(tenantSchedule.sweptAt, since));
      return row!.n >= tenantCount;
    };
    const sweepAll = async () => {
      const since = new Date();
      const before = cpuMs(pids);
      await scheduler.scheduled({ scheduledTime: new Date(), cron: "*/5 * * * *" });
      await until(() => sweptSince(since));
      return (cpuMs(pids) - before) / tenantCount;
    };

    // First tick: no tenant has a schedule, so every one is swept fully, catching up.
    const firstMs = await sweepAll();
    // Their hourly slots passed: full sweeps again, with only what is new to write.
    await control.update(tenantSchedule).set({ fullSweepAt: new Date(0) });
    const fullMs = await sweepAll();
    // Every tenant due (nothing is, in fact) and its full sweep just done: partial sweeps.
    const marker = new Date();
    await control
      .update(tenantSchedule)
      .set({ nextDueAt: new Date(marker.getTime() - 60_000), fullSweepAt: marker });
    const partialMs = await sweepAll();
    // Nothing due anywhere: the tick only reads the control DB.
    await control.update(tenantSchedule).set({ nextDueAt: null, fullSweepAt: new Date() });
    const before = cpuMs(pids);
    for (let i = 0; i < 10; i++) {
      await scheduler.scheduled({ scheduledTime: new Date(), cron: "*/5 * * * *" });
    }
    const fanOutMs = (cpuMs(pids) - before) / 10;
    return { tenants: tenantCount, firstMs, fullMs, partialMs, fanOutMs };
  } finally {
    await edge.close();
    await provider.close();
  }
}
