import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIns, matches } from "../../../db/tenant/schema";
import { sweepTenant } from "../../../workers/scheduler/src/sweep";
import type { MatchCheckIns } from "../../../workers/shared/src/contracts/relationship/check-ins";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { insertMatchRow } from "../../support/matching-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { insertProgram, pairOrg, pairSince, person } from "../../support/pair-fixtures";
import { programsOrg } from "../../support/programs-fixtures";

// The scheduler's sweep creates the check-ins that came due, once, for active matches only.
const slug = "sweep-org";
const clock = { now: new Date("2030-05-01T09:00:00Z") };
let h: Harness;
let db: TenantDb;

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, slug));
  for (const id of ["mia", "tom", "max", "tess", "ted"]) await person(h, db, slug, id, id);
});
afterAll(() => h.close());

const periodsOf = (matchId: string) =>
  db
    .select({ id: checkIns.id, period: checkIns.period, opensOn: checkIns.opensOn })
    .from(checkIns)
    .where(eq(checkIns.matchId, matchId))
    .orderBy(asc(checkIns.period));

describe("the check-in sweep", () => {
  it("creates the periods that came due, and nothing more when it runs again", async () => {
    const programId = await insertProgram(db);
    const began = new Date("2030-01-31T09:00:00Z");
    const active = await pairSince(db, {
      programId,
      mentorId: "mia",
      menteeId: "tom",
      activatedAt: began,
    });
    const closed = await pairSince(db, {
      programId,
      mentorId: "max",
      menteeId: "tess",
      activatedAt: began,
    });
    await db.update(matches).set({ status: "closed" }).where(eq(matches.id, closed));
    const waiting = await insertMatchRow(db, {
      programId,
      mentorId: "max",
      menteeId: "ted",
      status: "pending_acceptance",
    });
    const tenant = await findTenantBySlug(h.platform.control, slug);

    await sweepTenant(h.platform, { tenantId: tenant.id, tick: clock.now.toISOString() });
    const first = await periodsOf(active);
    // Default rules: the first check-in on day 30, then every 60 days.
    expect(first.map((p) => [p.period, p.opensOn])).toEqual([
      [1, "2030-03-02"],
      [2, "2030-05-01"],
    ]);
    expect(await periodsOf(closed)).toEqual([]);
    expect(await periodsOf(waiting)).toEqual([]);

    await sweepTenant(h.platform, { tenantId: tenant.id, tick: "2030-05-01T09:01:00.000Z" });
    expect(await periodsOf(active)).toEqual(first);

    // Reading afterwards finds the same rows rather than making new ones.
    const read = await pairOrg(h, slug).send("tom", "GET", `/v1/matches/${active}/check-ins`);
    const body = (await read.json()) as MatchCheckIns;
    expect(body.items.map((i) => i.id)).toEqual(first.map((p) => p.id).reverse());
  });
});
