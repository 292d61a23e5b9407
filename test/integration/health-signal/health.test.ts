import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concerns, matches, matchHealth, meetings } from "../../../db/tenant/schema";
import { sweepTenant } from "../../../workers/scheduler/src/sweep";
import type {
  MatchHealthView,
  NeedsAttentionItem,
  PairHealthView,
} from "../../../workers/shared/src/contracts/stewardship/health-signal";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import {
  clientToken,
  insertProgram,
  pairOrg,
  pairSince,
  person,
} from "../../support/pair-fixtures";
import { programsOrg } from "../../support/programs-fixtures";

// The health signal with the default rules: meet every 14 days, two coordinator touches in the
// first month (days 15 and 30), a required agreement. The pairs below settled theirs.
const slug = "health-org";
const clock = { now: new Date("2030-05-10T12:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: ReturnType<typeof pairOrg>;

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, slug, "Northside College"));
  org = pairOrg(h, slug);
  await person(h, db, slug, "coord", "Cora Coordinator");
  for (const id of ["mia", "tom", "max", "tess", "ada", "ben"]) await person(h, db, slug, id, id);
});
afterAll(() => h.close());

const pair = (programId: string, mentorId: string, menteeId: string, activatedAt: string) =>
  pairSince(db, { programId, mentorId, menteeId, activatedAt: new Date(activatedAt) });

async function raiseConcern(matchId: string, programId: string, urgency: "normal" | "urgent") {
  await db.insert(concerns).values({
    id: `cnc_${crypto.randomUUID()}`,
    matchId,
    programId,
    raisedBy: "tom",
    urgency,
    whatHappened: "My mentor keeps cancelling and it upsets me",
    wantsContact: true,
    status: "open",
    createdAt: clock.now,
    updatedAt: clock.now,
  });
}

async function healthOf<T>(matchId: string, as: string) {
  const res = await org.send(as, "GET", `/v1/matches/${matchId}/health`);
  expect(res.status).toBe(200);
  return { body: (await res.clone().json()) as T, text: await res.text() };
}

describe("the program's pairs that need attention", () => {
  it("lists at-risk pairs first, then those needing attention, and leaves healthy ones out", async () => {
    clock.now = new Date("2030-05-10T12:00:00Z");
    const programId = await insertProgram(db, { name: "Attention circle" });
    const healthy = await pair(programId, "ada", "ben", "2030-05-01T09:00:00Z");
    const attention = await pair(programId, "max", "tess", "2030-04-20T09:00:00Z");
    const atRisk = await pair(programId, "mia", "tom", "2030-04-01T09:00:00Z");

    const res = await org.send("coord", "GET", `/v1/programs/${programId}/needs-attention`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: NeedsAttentionItem[] };
    expect(items.map((i) => [i.matchId, i.level])).toEqual([
      [atRisk, "at_risk"],
      [attention, "needs_attention"],
    ]);
    expect(items[0]!.reasons.map((r) => r.text)).toEqual([
      "No meeting yet, 39 days into the match; the program asks for one every 14 days.",
      "A coordinator's contact is 24 days overdue (due 2030-04-16).",
    ]);
    expect(items[0]!.mentee).toEqual({ memberId: "tom", displayName: "tom" });
    // Every pair's signal is stored, the healthy one too.
    const stored = await db.select().from(matchHealth).where(eq(matchHealth.programId, programId));
    expect(new Map(stored.map((s) => [s.matchId, s.level]))).toEqual(
      new Map([
        [healthy, "healthy"],
        [attention, "needs_attention"],
        [atRisk, "at_risk"],
      ]),
    );
  });
});

describe("what the pair is told", () => {
  it("gives the pair gentle words, never a concern, not even as a graver level", async () => {
    clock.now = new Date("2030-05-10T12:00:00Z");
    const programId = await insertProgram(db, { name: "Concern circle" });
    const matchId = await pair(programId, "mia", "tom", "2030-04-20T09:00:00Z");
    await raiseConcern(matchId, programId, "urgent");

    const coordinator = await healthOf<MatchHealthView>(matchId, "coord");
    expect(coordinator.body.level).toBe("at_risk");
    expect(coordinator.body.reasons.map((r) => r.code)).toEqual([
      "concern_open",
      "no_meeting",
      "contact_overdue",
    ]);

    for (const member of ["mia", "tom"]) {
      const seen = await healthOf<PairHealthView>(matchId, member);
      expect(seen.body.level).toBe("needs_attention");
      expect(seen.body.reasons).toEqual([
        { code: "no_meeting", text: "You haven't had your first meeting yet." },
      ]);
      expect(seen.text).not.toMatch(/concern|coordinator's contact/i);
    }
  });

  it("says nothing to someone outside the pair", async () => {
    const programId = await insertProgram(db);
    const matchId = await pair(programId, "mia", "tom", "2030-04-20T09:00:00Z");
    const res = await org.send("ada", "GET", `/v1/matches/${matchId}/health`);
    expect(res.status).toBe(404);
  });
});

describe("what an integration reads", () => {
  it("reads reasons only from records its scopes reach, and the level those make", async () => {
    clock.now = new Date("2030-05-10T12:00:00Z");
    const programId = await insertProgram(db, { name: "Integration circle" });
    const matchId = await pair(programId, "mia", "tom", "2030-04-20T09:00:00Z");
    await raiseConcern(matchId, programId, "urgent");
    const read = async (scopes: Parameters<typeof clientToken>[2]) => {
      const token = await clientToken(h, slug, scopes, clock.now);
      const res = await h.request(`/v1/matches/${matchId}/health`, { token });
      expect(res.status).toBe(200);
      return (await res.json()) as MatchHealthView;
    };
    const matchesOnly = await read(["matches:read"]);
    expect(matchesOnly).toMatchObject({ level: "healthy", reasons: [] });
    const withMeetings = await read(["matches:read", "meetings:read"]);
    expect(withMeetings.level).toBe("needs_attention");
    expect(withMeetings.reasons.map((r) => r.code)).toEqual(["no_meeting"]);
  });
});

describe("the sweep", () => {
  it("stores every active match's health on its clock, moves it as days pass, and renews it a share at a time", async () => {
    clock.now = new Date("2030-06-01T08:00:00Z");
    const programId = await insertProgram(db, { name: "Sweep circle" });
    const matchId = await pair(programId, "ada", "ben", "2030-05-20T09:00:00Z");
    const closed = await pair(programId, "max", "tess", "2030-05-20T09:00:00Z");
    await db.update(matches).set({ status: "closed" }).where(eq(matches.id, closed));
    await db.insert(meetings).values({
      id: `mtg_${crypto.randomUUID()}`,
      matchId,
      status: "held",
      startsAt: new Date("2030-05-27T15:00:00Z"),
      timeZone: "UTC",
      durationMinutes: 45,
      format: "video",
      agenda: [],
      proposedBy: "ada",
      heldMinutes: 45,
      createdAt: clock.now,
      updatedAt: clock.now,
    });
    const tenant = await findTenantBySlug(h.platform.control, slug);
    const sweep = () =>
      sweepTenant(h.platform, { tenantId: tenant.id, tick: clock.now.toISOString() });
    const stored = async (id: string) =>
      (await db.select().from(matchHealth).where(eq(matchHealth.matchId, id)))[0];

    await sweep();
    expect(await stored(matchId)).toMatchObject({
      level: "healthy",
      reasons: [],
      computedAt: clock.now,
    });
    expect(await stored(closed)).toBeUndefined();

    // Three weeks on without a meeting or a coordinator's contact.
    clock.now = new Date("2030-06-22T08:00:00Z");
    await sweep();
    const later = await stored(matchId);
    expect(later?.level).toBe("needs_attention");
    expect(later?.reasons.map((r) => r.code)).toEqual(["no_meeting", "contact_overdue"]);
    expect(later?.computedAt).toEqual(clock.now);

    // Within the hour a full sweep leaves a signal as it is; after that each hourly full
    // sweep renews the oldest sixth of the organization's pairs, so within six hours every
    // pair's signal has been renewed, and none is ever six hours old.
    const computed = clock.now;
    const full = () =>
      sweepTenant(h.platform, { tenantId: tenant.id, tick: clock.now.toISOString(), full: true });
    clock.now = new Date("2030-06-22T08:59:00Z");
    await full();
    expect((await stored(matchId))?.computedAt).toEqual(computed);
    for (let hour = 9; hour <= 14; hour++) {
      clock.now = new Date(`2030-06-22T${String(hour).padStart(2, "0")}:01:00Z`);
      await full();
    }
    expect((await stored(matchId))!.computedAt.getTime()).toBeGreaterThan(computed.getTime());
    const active = await db
      .select({ computedAt: matchHealth.computedAt })
      .from(matches)
      .leftJoin(matchHealth, eq(matchHealth.matchId, matches.id))
      .where(eq(matches.status, "active"));
    const sixHoursAgo = clock.now.getTime() - 6 * 60 * 60 * 1000;
    expect(active.filter((a) => !a.computedAt || a.computedAt.getTime() < sixHoursAgo)).toEqual([]);
  });
});
