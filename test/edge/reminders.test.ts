import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantSchedule } from "../../db/control/schema";
import { members, schedulerHeartbeats } from "../../db/tenant/schema";
import { connectNode } from "../../host/platform";
import { tenantDb } from "../../workers/shared/src/platform/db";
import { type Edge, startEdge } from "../support/edge-harness";
import { type MailProvider, startMailProvider } from "../support/mail-provider";
import { ensureMember } from "../support/node-harness";
import { insertProgram, pairSince } from "../support/pair-fixtures";

// The scheduler Worker in workerd: a cron tick reads the control DB and enqueues only the
// tenants with something to do; the queue consumer sweeps them and sends the reminders due.
let edge: Edge;
let provider: MailProvider;
const ids: Record<string, string> = {};
const tick = new Date();
const day = 24 * 60 * 60 * 1000;

/** A fixed-offset zone where it is early afternoon now: far from quiet hours and midnight. */
function afternoonZone(now: Date): string {
  let shift = 13 - now.getUTCHours();
  if (shift > 12) shift -= 24;
  if (shift === 0) return "UTC";
  return shift > 0 ? `Etc/GMT-${shift}` : `Etc/GMT+${-shift}`;
}

function db(slug: string) {
  const client = connectNode(edge.gateway.databaseUrl(slug), edge.gateway.token);
  return { db: tenantDb(client), close: () => client.close() };
}

/** A pair begun 30 days ago: its first check-in is open, and reminded, today. */
async function duePair(slug: string): Promise<string> {
  const { db: tenant, close } = db(slug);
  const zone = afternoonZone(tick);
  for (const id of ["mia", "tom"]) {
    await ensureMember(tenant, id, "member", tick);
    await tenant.update(members).set({ timeZone: zone }).where(eq(members.id, id));
  }
  const programId = await insertProgram(tenant);
  const activatedAt = new Date(tick.getTime() - 30 * day);
  const matchId = await pairSince(tenant, {
    programId,
    mentorId: "mia",
    menteeId: "tom",
    activatedAt,
  });
  close();
  return matchId;
}

async function heartbeats(slug: string) {
  const { db: tenant, close } = db(slug);
  const rows = await tenant.select().from(schedulerHeartbeats);
  close();
  return rows.map((r) => r.tick);
}

async function waitFor<T>(probe: () => Promise<T> | T, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  provider = await startMailProvider();
  edge = await startEdge({ schedulerBindings: provider.env });
  for (const slug of ["never-swept", "resting", "due-soon"]) {
    ids[slug] = (await edge.createTenant(slug)).id;
  }
  // Fully swept this very tick: nothing due for "resting", something due now for "due-soon".
  await edge.operator.control.insert(tenantSchedule).values([
    { tenantId: ids.resting!, nextDueAt: null, sweptAt: tick, fullSweepAt: tick },
    {
      tenantId: ids["due-soon"]!,
      nextDueAt: new Date(tick.getTime() - 60_000),
      sweptAt: tick,
      fullSweepAt: tick,
    },
  ]);
});
afterAll(async () => {
  await edge?.close();
  await provider?.close();
});

describe("the scheduler Worker's fan-out in workerd", () => {
  it("enqueues only the tenants that are due, and the consumer sends their reminders", async () => {
    const matchId = await duePair("never-swept");
    await duePair("resting");

    const scheduler = await edge.mf.getWorker("scheduler");
    await scheduler.scheduled({ scheduledTime: tick, cron: "*/5 * * * *" });

    const toTom = () =>
      provider.requests.filter(
        (r) => r.body.to === "tom@members.test" && r.body.subject.startsWith("A check-in is open"),
      );
    const [mail, ...more] = await waitFor(toTom, (r) => r.length > 0);
    expect(more).toEqual([]);
    expect(mail!.body.subject).toBe("A check-in is open in Spring mentoring");
    expect(mail!.body.text).toContain(
      `https://tandem.test/o/never-swept/matches/${matchId}#check-ins`,
    );
    expect(mail!.headers["idempotency-key"]).toBe(
      `${ids["never-swept"]}:reminder:check_in_due:${matchId}:tom:1`,
    );
    expect(
      await waitFor(
        () => heartbeats("due-soon"),
        (t) => t.length > 0,
      ),
    ).toEqual([tick.toISOString()]);
    expect(await heartbeats("never-swept")).toEqual([tick.toISOString()]);
    // The resting tenant's database was never opened: no heartbeat, no email, though its
    // pair is as due (the hourly full sweep would find it).
    expect(await heartbeats("resting")).toEqual([]);
    const [schedule] = await edge.operator.control
      .select()
      .from(tenantSchedule)
      .where(eq(tenantSchedule.tenantId, ids["never-swept"]!));
    expect(schedule!.fullSweepAt.getTime()).toBeGreaterThanOrEqual(tick.getTime());
    expect(schedule!.nextDueAt!.getTime()).toBeGreaterThan(tick.getTime());
  });
});
