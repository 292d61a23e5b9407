/**
 * `npm run bench:reminders`: the scheduler's sweeps on the Node host's pieces (the control
 * DB, the in-process queue and its consumer, libSQL files), over TENANTS tenant databases
 * (default 1,000) × 100 active pairs. Measures a baseline (open every tenant database and run
 * one indexed query), a full sweep of every tenant (the first tick), a partial sweep of every
 * tenant with nothing due, and a simulated day of ticks for a sample of tenants (how many
 * queue messages the fan-out sends). Then, unless BENCH_EDGE=0, a tenant sweep's CPU time in
 * workerd (bench/reminders-edge.ts). Printed and appended to docs/benchmarks.md.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { eq, isNotNull, sql } from "drizzle-orm";
import { type Tenant, tenantSchedule, tenants } from "../db/control/schema";
import { loadHostConfig } from "../host/config";
import { InProcessQueue } from "../host/in-process-queue";
import { nodePlatform } from "../host/platform";
import { consumeSchedulerQueue } from "../host/scheduler";
import { refreshHealth } from "../workers/api/src/features/health-signal/refresh";
import { dueSweeps } from "../workers/scheduler/src/fan-out";
import { enqueueSweeps, sweepTenant } from "../workers/scheduler/src/sweep";
import { silentLogger } from "../workers/shared/src/platform/log";
import { createTenant } from "../workers/shared/src/tenancy/tenants";
import { measureEdgeSweeps } from "./reminders-edge";
import { appendRemindersReport, type Measure } from "./reminders-report";
import { seedTenant } from "./reminders-seed";

const tenantCount = Number(process.env.TENANTS ?? 1000);
/** Distinct organizations seeded; each is copied to make up the tenant count. */
const templates = 10;
const sampleDays = 1;
const tickMs = 5 * 60 * 1000;
const start = new Date("2031-03-04T14:00:00.000Z");

const dataDir = mkdtempSync(join("/tmp", "tandem-bench-reminders-"));
const clock = { now: start };
const queue = new InProcessQueue({ log: silentLogger });
const config = await loadHostConfig({ dataDir, publicUrl: "https://tandem.example", env: {} });
const platform = await nodePlatform(config, queue, silentLogger);
let emails = 0;
platform.mail = { send: async () => void emails++ };
platform.now = () => clock.now;
consumeSchedulerQueue(platform, queue);
const operator = { ...platform, actor: "bench" };

async function timed(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return (performance.now() - began) / 1000;
}

/** Every tenant, in slug order: the first `templates` are the seeded originals. */
const allTenants = () => platform.control.select().from(tenants).orderBy(tenants.slug);

/** Seconds the seeded tenants' first-ever sweeps took (each catching up on all its history). */
let catchUp = 0;
/** Reminders (rows) those first sweeps wrote. */
let catchUpReminders = 0;

/**
 * The history a running scheduler would have left: the reminders due before `at` written and
 * sent, by one full sweep then. The measured sweep is then an hourly one, not a first.
 */
async function historyUpTo(tenant: Tenant, at: Date): Promise<number> {
  const now = clock.now;
  clock.now = at;
  const took = await timed(() =>
    sweepTenant(platform, { tenantId: tenant.id, tick: at.toISOString(), full: true }),
  );
  clock.now = now;
  return took;
}

async function setUp(): Promise<number> {
  return timed(async () => {
    const originals: Tenant[] = [];
    for (let t = 0; t < templates; t++) {
      const made = await createTenant(operator, {
        slug: `bench-${String(t).padStart(4, "0")}`,
        name: `Bench org ${t}`,
        kind: "company",
      });
      const [tenant] = await platform.control.select().from(tenants).where(eq(tenants.id, made.id));
      const client = await platform.connections.client(tenant!);
      await seedTenant(await platform.connections.db(tenant!), 1000 + t, clock.now);
      catchUp += await historyUpTo(tenant!, new Date(start.getTime() - 60 * 60 * 1000));
      const written = await client.execute("SELECT count(*) AS n FROM reminders");
      catchUpReminders += Number(written.rows[0]!.n);
      await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      platform.connections.evict(tenant!.id);
      originals.push(tenant!);
    }
    // The rest are file copies of the originals, registered like provisioned tenants.
    for (let t = templates; t < tenantCount; t++) {
      const original = originals[t % templates]!;
      const slug = `bench-${String(t).padStart(4, "0")}`;
      copyFileSync(
        join(dataDir, original.dbUrl.slice("file:".length)),
        join(dataDir, "tenants", `${slug}.db`),
      );
      await platform.control.insert(tenants).values({
        ...original,
        id: crypto.randomUUID(),
        slug,
        name: `Bench org ${t}`,
        dbUrl: `file:tenants/${slug}.db`,
      });
    }
  });
}

/** The floor: open each tenant's database and run one indexed query, 16 at a time. */
async function touchEveryTenant(): Promise<number> {
  const all = await allTenants();
  return timed(async () => {
    for (let i = 0; i < all.length; i += 16) {
      await Promise.all(
        all.slice(i, i + 16).map(async (tenant) => {
          const client = await platform.connections.client(tenant);
          await client.execute("SELECT count(*) FROM matches WHERE status = 'active'");
        }),
      );
    }
  });
}

const closeConnections = () => platform.connections.closeAll();

async function countReminders(): Promise<number> {
  let total = 0;
  for (const tenant of await allTenants()) {
    const client = await platform.connections.client(tenant);
    total += Number((await client.execute("SELECT count(*) AS n FROM reminders")).rows[0]!.n);
  }
  return total;
}

/** Every tenant swept partially at the full sweep's moment: nothing is due any more. */
async function partialSweepOfAll(): Promise<number> {
  const all = await allTenants();
  const tick = clock.now.toISOString();
  return timed(async () => {
    await queue.sendBatch(all.map((t) => ({ body: { tenantId: t.id, tick, full: false } })));
    await queue.idle();
  });
}

/**
 * A day of ticks every five minutes for the original tenants (distinct data): the fan-out
 * runs over every tenant's schedule, and the sample's sweeps run as the consumer would.
 */
async function simulateDay(): Promise<{
  full: number;
  partial: number;
  ticks: number;
  sample: number;
}> {
  const sample = new Set((await allTenants()).slice(0, templates).map((t) => t.id));
  const sent = { full: 0, partial: 0, ticks: 0, sample: sample.size };
  const end = start.getTime() + sampleDays * 24 * 60 * 60 * 1000;
  for (let at = start.getTime() + tickMs; at <= end; at += tickMs) {
    clock.now = new Date(at);
    sent.ticks++;
    const ours = (await dueSweeps(platform.control, clock.now)).filter((s) =>
      sample.has(s.tenantId),
    );
    for (const sweep of ours) {
      sent[sweep.full ? "full" : "partial"]++;
      await sweepTenant(platform, sweep);
    }
  }
  return sent;
}

/**
 * Seconds to work out every pair's health at once, as a tenant's first sweep does; after that
 * each hourly full sweep renews a sixth of it (oldest first), included in the full sweep.
 */
async function healthOfAll(): Promise<number> {
  const all = await allTenants();
  return timed(async () => {
    for (const tenant of all) {
      await refreshHealth(await platform.connections.db(tenant), "all", clock.now);
    }
  });
}

async function main() {
  console.log(`Reminders bench: ${tenantCount} tenants × 100 active pairs (${templates} distinct)`);
  const setup = await setUp();
  console.log(`set-up ${setup.toFixed(1)} s`);
  closeConnections();
  const baseline = await touchEveryTenant();
  console.log(`baseline (open + one query per tenant) ${baseline.toFixed(2)} s`);
  closeConnections();
  const before = await countReminders();
  closeConnections();
  emails = 0;
  const full = await timed(async () => {
    await enqueueSweeps(platform.control, queue, clock.now);
    await queue.idle();
  });
  const reminders = (await countReminders()) - before;
  const sent = emails;
  console.log(`full sweep ${full.toFixed(2)} s, ${reminders} new reminders, ${sent} emails sent`);
  const health = await healthOfAll();
  console.log(`health of every pair worked out at once ${health.toFixed(2)} s`);
  const partial = await partialSweepOfAll();
  console.log(`partial sweep, nothing due ${partial.toFixed(2)} s`);
  const nextTick = new Date(start.getTime() + tickMs);
  const due = await dueSweeps(platform.control, nextTick);
  const nextTickFull = due.filter((d) => d.full).length;
  console.log(`next tick would enqueue ${due.length} (${nextTickFull} full) of ${tenantCount}`);
  const day = await simulateDay();
  console.log(`a day for ${day.sample} tenants: ${day.full} full + ${day.partial} partial sweeps`);
  const [dbFiles] = await platform.control.select({ n: sql<number>`count(*)` }).from(tenants);
  const [swept] = await platform.control
    .select({ n: sql<number>`count(*)` })
    .from(tenantSchedule)
    .where(isNotNull(tenantSchedule.fullSweepAt));
  platform.close();
  queue.close();
  rmSync(dataDir, { recursive: true, force: true });
  const edge = process.env.BENCH_EDGE === "0" ? null : await measureEdgeSweeps();
  const measures: Measure = {
    tenants: dbFiles!.n,
    swept: swept!.n,
    matches: dbFiles!.n * 100,
    setup,
    catchUp: catchUp / templates,
    catchUpReminders: catchUpReminders / templates,
    baseline,
    full,
    health,
    reminders,
    emails: sent,
    partial,
    nextTickDue: due.length,
    nextTickFull,
    day,
    edge,
  };
  appendRemindersReport(measures);
}

await main();
